import type { Command } from 'commander';
import { printJson, printLine, printable, UsageError } from '../output';
import { formatDuration } from '../../shared/video-time';
import { openCommandLibrary, wholeNumber, withLibraryOptions, type CommandLibrary, type LibraryCommandOptions } from '../library-options';
import type { SearchOptions, SearchPage, SearchSort } from '../../shared/api';
import type { SearchEmpty } from '../../shared/search-empty';
import { photoTextTerm, withPhotoTextTerm, type SearchFilters } from '../../shared/search';
import { unreachableNote } from '../unreachable-note';
import { countText } from '../../shared/count-text';
import { searchPlaceOffer } from '../search-place-offer';
import { refuseAbsentFile } from '../no-such-file';
import type { GlobalOptions } from '../global-options';
import { modelProviders, providerForced, writeProviderNote } from '../provider-note-line';

type SearchCliOptions = LibraryCommandOptions & {
  limit: string;
  offset: string;
  folder?: string;
  after?: string;
  before?: string;
  camera?: string;
  hasGps?: boolean;
  tag?: string;
  favourites?: boolean;
  place?: string;
  raw?: boolean;
  all?: boolean;
  /** `search` only (similar has no cut-off, so a date order would be the whole timeline). */
  sort?: string;
  text?: string[];
};

function printHits(page: SearchPage, json: boolean | undefined): void {
  // `closest`: nothing passed the cut-off and these are the photos below it. The app offers
  // them as a next step; the CLI prints none (a script reads an empty answer) and says why.
  const hits = page.closest ? [] : page.photos;
  // A `text:` search carries what was read in the photo and the matched words' boxes.
  if (json) return printJson(hits.map((h) => ({ path: h.path, score: Number(h.score.toFixed(6)), ...(h.time !== undefined ? { time: h.time } : {}), ...(h.photoText ? { photoText: h.photoText } : {}) })));
  // A video's best moment as a third column: where to look in it.
  for (const h of hits) printLine(`${h.score.toFixed(4)}\t${printable(h.path)}${h.time !== undefined ? `\tat ${formatDuration(h.time)}` : ''}`);
  unreachableNote(hits);
}

/** Paging and filters: what every ranked command takes. */
function withPageOptions(cmd: Command): Command {
  return cmd
    .option('--limit <n>', 'results per page', '20')
    .option('--offset <n>', 'skip this many results (pagination)', '0')
    .option('--after <date>', 'dated from this date on (date taken, else file time, as in the timeline): YYYY, YYYY-MM, YYYY-MM-DD or ISO date-time')
    .option('--before <date>', 'dated before this date (--after 2023 --before 2024 is 2023)')
    .option('--folder <dir>', 'only photos under this folder')
    .option('--camera <text>', 'camera make or model contains this (case-insensitive)')
    .option('--has-gps', 'only photos with GPS coordinates')
    .option('--tag <label>', 'only photos with this tag')
    .option('--favourites', 'only your favourites (shoebox favourites add)')
    .option('--place <place>', 'only photos taken there: a town, a country, or "town, country" (shoebox places)');
}

/** What only a query's words mean: the date order sorts the set the cut-off chose, --raw embeds text terms. */
function withQueryOptions(cmd: Command): Command {
  return cmd
    .option('--all', 'no relevance cut-off: every photo, best first')
    .option('--sort <order>', 'score: best first; date: newest taken first (the same photos)', 'score')
    .option('--raw', 'embed text terms as written, without prompt templates ("a photo of ...")');
}

function sortOrder(value: string): SearchSort {
  if (value === 'score' || value === 'date') return value;
  throw new UsageError(`--sort must be score or date, got "${value}"`);
}

/** `maxLimit`: the most results a page holds, the search engine's own limit. */
function requestOptions(opts: SearchCliOptions, maxLimit: number): SearchOptions & { offset: number } {
  const filters: SearchFilters = {
    ...(opts.after !== undefined ? { after: opts.after } : {}),
    ...(opts.before !== undefined ? { before: opts.before } : {}),
    ...(opts.folder !== undefined ? { folder: opts.folder } : {}),
    ...(opts.camera !== undefined ? { camera: opts.camera } : {}),
    ...(opts.hasGps ? { hasGps: true } : {}),
    ...(opts.tag !== undefined ? { tag: opts.tag } : {}),
    ...(opts.favourites ? { favourite: true } : {}),
    ...(opts.place !== undefined ? { place: opts.place } : {}),
  };
  return {
    limit: wholeNumber(opts.limit, '--limit', 1, maxLimit),
    offset: wholeNumber(opts.offset, '--offset', 0),
    filters,
    all: opts.all ?? false,
    ...(opts.raw ? { raw: true } : {}),
    ...(opts.sort !== undefined ? { sort: sortOrder(opts.sort) } : {}),
  };
}

/** The filter options as typed, for messages: "--after 2021 --camera canon". */
function filterArgs(opts: SearchCliOptions): string {
  const named: [string, string | undefined][] = [['--after', opts.after], ['--before', opts.before], ['--folder', opts.folder], ['--camera', opts.camera], ['--tag', opts.tag], ['--place', opts.place]];
  const parts = named.filter(([, v]) => v !== undefined).map(([flag, v]) => `${flag} ${printable(v!)}`);
  if (opts.hasGps) parts.push('--has-gps');
  if (opts.favourites) parts.push('--favourites');
  return parts.join(' ');
}

/** The filters' line (one policy: plain search, text search, each filter): "no photo matches the filters (--folder pics)". */
function noFilterMatch(opts: SearchCliOptions, among = ''): string {
  return `no photo matches the filters (${filterArgs(opts)})${among}`;
}

/** How a command's search is asked (again, from the start, to tell a page past the end). */
type Ask = (library: CommandLibrary, options: SearchOptions) => Promise<SearchPage>;

/**
 * Why a search printed nothing, in one line (said with --json too: stdout holds only the
 * `[]`), or null when there is nothing to add. The core says why a first page is empty
 * (SearchPage.empty); a later one is past the end of the results, or (with none at all) the
 * first page's reason.
 */
async function whyEmpty(library: CommandLibrary, opts: SearchCliOptions, options: SearchOptions & { offset: number }, page: SearchPage, ask: Ask, maxLimit: number): Promise<string | null> {
  if (options.offset === 0) return page.empty ? await emptyText(library, opts, page.empty) : null;
  // Past the end of the results, not without any: only how many there are (a script paging
  // with --json stops at its empty page). With none at all, the first page's reason.
  const limit = Math.min(options.offset, maxLimit);
  const first = await ask(library, { ...options, offset: 0, limit });
  const found = first.closest ? 0 : first.photos.length;
  if (found > 0) return opts.json ? null : `only ${found}${found === maxLimit ? ' or more' : ''} result${found === 1 ? '' : 's'}: --offset ${options.offset} is past the end`;
  return first.empty ? await emptyText(library, opts, first.empty) : null;
}

/** The core's reason for an empty search, in the CLI's words (the app words the same reasons: renderer/lib/empty-view.ts). */
async function emptyText(library: CommandLibrary, opts: SearchCliOptions, empty: SearchEmpty): Promise<string> {
  switch (empty.reason) {
    case 'not-embedded':
      return (await library.api.notEmbeddedNote()) ?? 'no photo is embedded with the model in use yet: "shoebox index" embeds your folders';
    case 'text-not-read':
      return '"Text in photos" is off, so no text has been read: shoebox settings text-in-photos on';
    case 'filters':
      return noFilterMatch(opts);
    case 'filters-among-text':
      return noFilterMatch(opts, ' among those whose text holds these words');
    case 'no-text': {
      const { on, read, left, contents, readingNow } = empty.text;
      const unread = !on
        ? `; "Text in photos" is off: the text of the ${countText(read, 'photo')} read before is searched, no other photo's is read (shoebox settings text-in-photos on)`
        : left > 0
          ? readingNow
            ? `; the photos' text is being read now (${left} of ${contents} left)`
            : `; ${left} of ${contents} photos not read yet ("shoebox index" reads them)`
          : '';
      // A photo the model in use has not embedded is not searched, whatever its text.
      const note = await library.api.notEmbeddedNote();
      return `no photo's text holds these words${unread}${note ? `; ${note}` : ''}`;
    }
    case 'cut-off': {
      const cutOff = empty.minScore.toFixed(2);
      const { held } = empty;
      if (!held) return `no photo scores above the relevance cut-off ${cutOff}; --all lists every photo best first`;
      // The text was found: it is the other terms that left every photo holding it out.
      const texts = held.text.map((t) => `\u201c${printable(t)}\u201d`).join(' and ');
      const one = held.photos === 1;
      return `${countText(held.photos, 'photo')}${held.atLeast ? ' or more' : ''} ${one ? 'holds' : 'hold'} the text ${texts}, but ${one ? 'it scores below' : 'none of them scores above'} the relevance cut-off ${cutOff} for \u201c${printable(held.terms)}\u201d; --all lists ${one ? 'it' : 'them'} best first`;
    }
  }
}

/**
 * Runs a search; a query the user got wrong (QueryError) is a usage error: exit 2, one line.
 * An empty page says why on stderr (whyEmpty).
 */
async function run(cmd: Command, opts: SearchCliOptions, command: string, ask: Ask, placeQuery?: string): Promise<void> {
  const { QueryError, MAX_SEARCH_LIMIT } = await import('../../core/index');
  const options = requestOptions(opts, MAX_SEARCH_LIMIT);
  // Opened for reading: `text:` terms alone need no model; any other term says it needs one.
  const library = await openCommandLibrary(cmd, opts, command, false, 'read');
  try {
    const page = await ask(library, options);
    // A forced provider that fell back (to the CPU) is said, with why, as `index` says it.
    if (providerForced(cmd.optsWithGlobals<GlobalOptions>().provider)) writeProviderNote(await modelProviders(library.api));
    printHits(page, opts.json);
    if (!page.closest && page.photos.length > 0) return;
    const reason = await whyEmpty(library, opts, options, page, ask, MAX_SEARCH_LIMIT);
    if (reason !== null) process.stderr.write(`shoebox: ${reason}\n`);
    // Words naming a place (search only): where those photos are, as the app offers them.
    const offer = placeQuery !== undefined && options.offset === 0 && page.empty?.reason === 'cut-off' ? await searchPlaceOffer(library.api, placeQuery) : null;
    if (offer !== null) process.stderr.write(`shoebox: ${offer}\n`);
  } catch (err) {
    if (err instanceof QueryError) throw new UsageError(err.message);
    throw err;
  } finally {
    await library.close();
  }
}

/** `--text "open 24"` as the query language's `text:"open 24"` term, joined to the query's terms. */
export function withPhotoText(query: string, text: string | undefined): string {
  if (text === undefined) return query;
  if (photoTextTerm(text) === '') throw new UsageError('--text: give the words to find in photos');
  return withPhotoTextTerm(query, text);
}

export function registerSearch(program: Command): void {
  withQueryOptions(withPageOptions(withLibraryOptions(program.command('search'))))
    .description('find photos by text and example images, best first (e.g. dog + beach - people, "2:forest" + ./pool.jpg)')
    .argument('[query...]', 'terms joined by + and -; a term is words, or an image path (./x.jpg, ~/x.png, /abs/x.webp); N: weights it; a query starting with - goes after --')
    .option('--text <words>', 'only photos whose text (read with "Text in photos" on) holds these words, a misread word or two allowed; ranked by the text match, or by the query when one is given; again: photos holding each', (words: string, previous: string[] = []) => [...previous, words])
    .action(async (words: string[], opts: SearchCliOptions, cmd: Command) => {
      // Each --text is a text: term of its own, as in the query language: a photo holds each.
      const query = [...(opts.text ?? [])].reverse().reduce((q, text) => withPhotoText(q, text), words.join(' '));
      // The app treats a blank box as no search; typed on a command line it is a mistake.
      if (query.trim() === '') throw new UsageError('the query is empty: give words to search for, or an image path');
      await run(cmd, opts, 'shoebox search', (library, options) => library.api.search(query, options), query);
    });

  // No --sort or --raw: with no cut-off the date order would be the whole timeline, and an
  // image has no words to embed as written (commander refuses them: exit 2).
  withPageOptions(withLibraryOptions(program.command('similar')))
    .description('rank the whole library by likeness to an image (indexed or not), nearest first, like "More like this" in the app')
    .argument('<image>', 'an image file')
    .option('--all', 'accepted and changes nothing: similar has no relevance cut-off')
    .action(async (image: string, opts: SearchCliOptions, cmd: Command) => {
      // A missing file is said as `show` says it (exit 1), not as a query's mistake (exit 2).
      refuseAbsentFile(image);
      // The whole library nearest first, as "More like this" in the app ranks it.
      await run(cmd, opts, 'shoebox similar', (library, options) => library.api.similarToFile(image, options));
    });
}
