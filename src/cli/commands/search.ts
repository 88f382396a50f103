import type { Command } from 'commander';
import { printJson, printLine, UsageError } from '../output';
import { libraryFor, wholeNumber, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { countMatching, search, similar } from '../../core/search/search-service';
import { QueryError } from '../../core/search/query-error';
import type { SearchFilters, SearchRequestOptions, SearchResult } from '../../shared/search';

type SearchCliOptions = LibraryCommandOptions & {
  limit: string;
  offset: string;
  folder?: string;
  after?: string;
  before?: string;
  camera?: string;
  hasGps?: boolean;
  tag?: string;
  raw?: boolean;
  all?: boolean;
};

function printHits(result: SearchResult, json: boolean | undefined): void {
  if (json) return printJson(result.hits.map((h) => ({ path: h.path, score: Number(h.score.toFixed(6)) })));
  for (const h of result.hits) printLine(`${h.score.toFixed(4)}\t${h.path}`);
}

function withSearchOptions(cmd: Command): Command {
  return cmd
    .option('--limit <n>', 'results per page', '20')
    .option('--offset <n>', 'skip this many results (pagination)', '0')
    .option('--after <date>', 'taken from this date on: YYYY, YYYY-MM, YYYY-MM-DD or ISO date-time')
    .option('--before <date>', 'taken before this date (--after 2023 --before 2024 is 2023)')
    .option('--folder <dir>', 'only photos under this folder')
    .option('--camera <text>', 'camera make or model contains this (case-insensitive)')
    .option('--has-gps', 'only photos with GPS coordinates')
    .option('--tag <label>', 'only photos with this tag')
    .option('--all', 'no relevance cut-off: every photo, best first')
    .option('--raw', 'embed text terms as written, without prompt templates ("a photo of ...")');
}

function requestOptions(opts: SearchCliOptions): SearchRequestOptions {
  const filters: SearchFilters = {
    ...(opts.after !== undefined ? { after: opts.after } : {}),
    ...(opts.before !== undefined ? { before: opts.before } : {}),
    ...(opts.folder !== undefined ? { folder: opts.folder } : {}),
    ...(opts.camera !== undefined ? { camera: opts.camera } : {}),
    ...(opts.hasGps ? { hasGps: true } : {}),
    ...(opts.tag !== undefined ? { tag: opts.tag } : {}),
  };
  return {
    limit: wholeNumber(opts.limit, '--limit', 1),
    offset: wholeNumber(opts.offset, '--offset', 0),
    filters,
    raw: opts.raw ?? false,
    all: opts.all ?? false,
  };
}

/** The filter options as typed, for messages: "--after 2021 --camera canon". */
function filterArgs(opts: SearchCliOptions): string {
  const named: [string, string | undefined][] = [['--after', opts.after], ['--before', opts.before], ['--folder', opts.folder], ['--camera', opts.camera], ['--tag', opts.tag]];
  const parts = named.filter(([, v]) => v !== undefined).map(([flag, v]) => `${flag} ${v}`);
  if (opts.hasGps) parts.push('--has-gps');
  return parts.join(' ');
}

/** Runs a search; a query the user got wrong (QueryError) is a usage error: exit 2, one line. */
async function run(cmd: Command, opts: SearchCliOptions, command: string, fn: (library: ReturnType<typeof libraryFor>, options: SearchRequestOptions) => Promise<SearchResult>): Promise<void> {
  const options = requestOptions(opts);
  const library = libraryFor(cmd, opts, command);
  try {
    const result = await fn(library, options);
    printHits(result, opts.json);
    if (result.hits.length === 0 && (await (await library.readable()).countPhotos()) === 0) {
      process.stderr.write(`shoebox: no photos are embedded with model ${library.modelId} yet: "shoebox index" embeds your folders\n`);
    } else if (result.hits.length === 0 && options.offset === 0 && Object.keys(options.filters ?? {}).length > 0 && (await countMatching(library, options.filters)) === 0) {
      process.stderr.write(`shoebox: no photo matches the filters (${filterArgs(opts)})\n`);
    } else if (result.hits.length === 0 && result.minScore !== null && options.offset === 0 && !opts.json) {
      // Empty because of the cut-off, not the filters: the same search without it finds some.
      const uncut = await fn(library, { ...options, all: true, limit: 1 });
      if (uncut.hits.length > 0) process.stderr.write(`shoebox: no photo scores above the relevance cut-off ${result.minScore.toFixed(2)}; --all lists every photo best first\n`);
    }
  } catch (err) {
    if (err instanceof QueryError) throw new UsageError(err.message);
    throw err;
  } finally {
    await library.close();
  }
}

export function registerSearch(program: Command): void {
  withSearchOptions(withLibraryOptions(program.command('search')))
    .description('find photos by text and example images, best first (e.g. dog + beach - people, "2:forest" + ./pool.jpg)')
    .argument('<query...>', 'terms joined by + and -; a term is words, or an image path (./x.jpg, ~/x.png, /abs/x.webp); N: weights it; a query starting with - goes after --')
    .action(async (words: string[], opts: SearchCliOptions, cmd: Command) => {
      await run(cmd, opts, 'shoebox search', (library, options) => search(library, words.join(' '), options));
    });

  withSearchOptions(withLibraryOptions(program.command('similar')))
    .description('rank the whole library by likeness to an image (indexed or not), nearest first, like "More like this" in the app')
    .argument('<image>', 'an image file')
    .action(async (image: string, opts: SearchCliOptions, cmd: Command) => {
      // The whole library nearest first, as "More like this" in the app ranks it: no cut-off
      // (--all is accepted and changes nothing).
      await run(cmd, opts, 'shoebox similar', (library, options) => similar(library, image, { ...options, all: true }));
    });
}
