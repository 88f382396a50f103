import type { Command } from 'commander';
import { printJson, printLine, printable, UsageError } from '../output';
import { formatDuration } from '../../shared/video-time';
import { openCommandLibrary, wholeNumber, withLibraryOptions, type CommandLibrary, type LibraryCommandOptions } from '../library-options';
import type { SearchOptions, SearchPage, SearchSort } from '../../shared/api';
import { photoTextTerm, withPhotoTextTerm, type SearchFilters } from '../../shared/search';
import { unreachableNote } from '../unreachable-note';
import { countText } from '../../shared/count-text';

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
  sort: string;
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

/** The most results one page holds: the search engine's own limit (core/search/search-service.ts). */
const MAX_LIMIT = 10_000;

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
    .option('--favourites', 'only your favourites (shoebox favourites add)')
    .option('--place <place>', 'only photos taken there: a town, a country, or "town, country" (shoebox places)')
    .option('--all', 'no relevance cut-off: every photo, best first')
    .option('--sort <order>', 'score: best first; date: newest taken first (the same photos)', 'score')
    .option('--raw', 'embed text terms as written, without prompt templates ("a photo of ...")');
}

function sortOrder(value: string): SearchSort {
  if (value === 'score' || value === 'date') return value;
  throw new UsageError(`--sort must be score or date, got "${value}"`);
}

function requestOptions(opts: SearchCliOptions): SearchOptions & { offset: number } {
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
    limit: wholeNumber(opts.limit, '--limit', 1, MAX_LIMIT),
    offset: wholeNumber(opts.offset, '--offset', 0),
    filters,
    raw: opts.raw ?? false,
    all: opts.all ?? false,
    sort: sortOrder(opts.sort),
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

/** How a command's search is asked again to tell why a page was empty. */
type Ask = (library: CommandLibrary, options: SearchOptions) => Promise<SearchPage>;

/**
 * Why a search printed nothing, in one line (said with --json too: stdout holds only the
 * `[]`), or null when there is nothing to add. In order: nothing embedded with the model (a
 * text search finds only embedded photos: the filters run on the model's photos table), a
 * page past the end, the "Text in photos" setting off with no text read before, filters that
 * admit no photo, no photo's text holding the words (anywhere, or where the filters look; the
 * setting off, the text read before is still searched), the relevance cut-off (with the
 * query's other terms: how many photos hold the text that none of them passed).
 * `query`: the query as searched, for a text search.
 */
async function whyEmpty(library: CommandLibrary, opts: SearchCliOptions, options: SearchOptions & { offset: number }, page: SearchPage, ask: Ask, query: string | null): Promise<string | null> {
  const { api } = library;
  const searchable = await api.countSearchable();
  if (searchable === 0) return await api.notEmbeddedNote();
  if (options.offset > 0) {
    // Past the end of the results, not without any: only how many there are (a script paging
    // with --json stops at its empty page). With none at all, the reasons below.
    const limit = Math.min(options.offset, MAX_LIMIT);
    const found = (await ask(library, { ...options, offset: 0, limit })).photos.length;
    if (found > 0) return opts.json ? null : `only ${found}${found === MAX_LIMIT ? ' or more' : ''} result${found === 1 ? '' : 's'}: --offset ${options.offset} is past the end`;
  }
  const filtered = Object.keys(options.filters ?? {}).length > 0;
  const all = { ...options, all: true, offset: 0, limit: 1 };
  if (query !== null) {
    const state = await api.textInPhotos();
    // Off now, the text read while it was on is still searched: only a library with none is told "no text".
    const read = state.contents - state.left;
    if (!state.on && read <= 0) return '"Text in photos" is off, so no text has been read: shoebox settings text-in-photos on';
    if (filtered && (await api.countSearchable(options.filters)) === 0) return noFilterMatch(opts);
    if ((await ask(library, { ...all, filters: {} })).photos.length === 0) {
      const unread = !state.on
        ? `; "Text in photos" is off: the text of the ${countText(read, 'photo')} read before is searched, no other photo's is read (shoebox settings text-in-photos on)`
        : state.left > 0
          ? `; ${state.left} of ${state.contents} photos not read yet ("shoebox index" reads them)`
          : '';
      const note = await api.notEmbeddedNote();
      const unembedded = note ? `; ${note}` : '';
      return `no photo's text holds these words${unread}${unembedded}`;
    }
    if (filtered && (await ask(library, all)).photos.length === 0) return noFilterMatch(opts, " among those whose text holds these words");
  } else if (filtered && (await api.countSearchable(options.filters)) === 0) return noFilterMatch(opts);
  // Empty because of the cut-off, not the filters or the text: the same search without it finds some.
  if (page.minScore !== undefined && (page.closest || (await ask(library, all)).photos.length > 0)) {
    const cutOff = page.minScore.toFixed(2);
    const parts = query !== null ? queryParts(query) : null;
    if (parts && parts.text.length > 0 && parts.rest !== '') {
      // The text was found: it is the other terms that left every photo holding it out.
      const holding = (await ask(library, { ...all, limit: MAX_LIMIT })).photos.length;
      const texts = parts.text.map((t) => `\u201c${printable(t)}\u201d`).join(' and ');
      const them = holding === 1 ? 'it scores below' : 'none of them scores above';
      return `${countText(holding, 'photo')}${holding === MAX_LIMIT ? ' or more' : ''} ${holding === 1 ? 'holds' : 'hold'} the text ${texts}, but ${them} the relevance cut-off ${cutOff} for \u201c${printable(parts.rest)}\u201d; --all lists ${holding === 1 ? 'it' : 'them'} best first`;
    }
    return `no photo scores above the relevance cut-off ${cutOff}; --all lists every photo best first`;
  }
  return null;
}

/** Quote marks that open a `text:` phrase, and the mark that closes each (as the query parser reads them). */
const TEXT_PHRASE = /(^|[\s+\-\u2212])text:\s*(?:"([^"]*)"?|\u201c([^\u201d]*)\u201d?|\u201e([^\u201d\u201c]*)[\u201d\u201c]?|([^\s"\u201c\u201e]+))/giu;

/**
 * A query's `text:` phrases and the rest of it (its CLIP terms, as typed), for messages only:
 * the search itself is parsed by the core.
 */
export function queryParts(query: string): { text: string[]; rest: string } {
  const text: string[] = [];
  const rest = query.replace(TEXT_PHRASE, (_match, before: string, ...phrases: (string | undefined)[]) => {
    const words = phrases.slice(0, 4).find((p) => p !== undefined) ?? '';
    text.push(words.replace(/\s+/g, ' ').trim());
    return before;
  });
  // The operators left between and around the removed terms: "red + " is "red".
  return { text: text.filter((t) => t !== ''), rest: rest.replace(/\s+/g, ' ').replace(/^[\s+]+|[\s+\-\u2212]+$/gu, '').trim() };
}

/**
 * Runs a search; a query the user got wrong (QueryError) is a usage error: exit 2, one line.
 * An empty page says why on stderr (whyEmpty). `text`: `query` has `text:` terms.
 */
async function run(cmd: Command, opts: SearchCliOptions, command: string, ask: Ask, text = false, query = ''): Promise<void> {
  const options = requestOptions(opts);
  const { QueryError } = await import('../../core/index');
  const library = await openCommandLibrary(cmd, opts, command);
  try {
    const page = await ask(library, options);
    printHits(page, opts.json);
    if (!page.closest && page.photos.length > 0) return;
    const reason = await whyEmpty(library, opts, options, page, ask, text ? query : null);
    if (reason !== null) process.stderr.write(`shoebox: ${reason}\n`);
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
  withSearchOptions(withLibraryOptions(program.command('search')))
    .description('find photos by text and example images, best first (e.g. dog + beach - people, "2:forest" + ./pool.jpg)')
    .argument('[query...]', 'terms joined by + and -; a term is words, or an image path (./x.jpg, ~/x.png, /abs/x.webp); N: weights it; a query starting with - goes after --')
    .option('--text <words>', 'only photos whose text (read with "Text in photos" on) holds these words, a misread word or two allowed; ranked by the text match, or by the query when one is given; again: photos holding each', (words: string, previous: string[] = []) => [...previous, words])
    .action(async (words: string[], opts: SearchCliOptions, cmd: Command) => {
      // Each --text is a text: term of its own, as in the query language: a photo holds each.
      const query = [...(opts.text ?? [])].reverse().reduce((q, text) => withPhotoText(q, text), words.join(' '));
      // The app treats a blank box as no search; typed on a command line it is a mistake.
      if (query.trim() === '') throw new UsageError('the query is empty: give words to search for, or an image path');
      await run(cmd, opts, 'shoebox search', (library, options) => library.api.search(query, options), /(^|\s)text:/i.test(query), query);
    });

  withSearchOptions(withLibraryOptions(program.command('similar')))
    .description('rank the whole library by likeness to an image (indexed or not), nearest first, like "More like this" in the app')
    .argument('<image>', 'an image file')
    .action(async (image: string, opts: SearchCliOptions, cmd: Command) => {
      // The whole library nearest first, as "More like this" in the app ranks it: no cut-off
      // (--all is accepted and changes nothing).
      await run(cmd, opts, 'shoebox similar', (library, options) => library.api.similarToFile(image, { ...options, all: true }));
    });
}
