// Why a search found nothing (SearchPage.empty, src/shared/search-empty.ts), decided once here
// for every front end: `shoebox search` words it on stderr, the app in its empty grid. Asked
// on the first page only (a later empty page is past the end of the results), and only when
// it is empty or holds the closest photos below the cut-off.
//
// The reasons are looked for in order: nothing embedded (a search finds embedded photos
// only), "Text in photos" off with no text ever read, filters that admit no photo, no photo's
// text holding the words (the setting off, the text read before is still searched), filters
// that leave none of the photos holding it, and the relevance cut-off (with `text:` terms and
// other terms: how many photos hold the text that the other terms' cut-off left out).
import type { SearchFilters, SearchRequestOptions, SearchResult } from '../../shared/search';
import type { SearchEmpty } from '../../shared/search-empty';
import type { ParsedQuery, QueryTerm } from './query-parser';
import { MAX_LIMIT } from './search-service';

export interface EmptySearch {
  /** The query as the parser read it (a similar search: its one image term). */
  parsed: ParsedQuery;
  /** The options it was searched with, and what it found. */
  options: SearchRequestOptions;
  result: SearchResult;
  /** The same query searched again with other options. */
  searchAgain(options: SearchRequestOptions): Promise<SearchResult>;
  /** How many photos embedded by the model in use pass the filters. */
  countSearchable(filters: SearchFilters): Promise<number>;
  /** "Text in photos" now (asked only for a query with `text:` terms). */
  textState(): Promise<{ on: boolean; contents: number; left: number; readingNow?: true }>;
}

/** Why the first page of a search is empty (or holds only the closest photos); undefined when it is not, or for no reason known. */
export async function emptyReason(search: EmptySearch): Promise<SearchEmpty | undefined> {
  const { parsed, options, result } = search;
  if ((options.offset ?? 0) > 0 || (result.hits.length > 0 && !result.closest)) return undefined;
  if ((await search.countSearchable({})) === 0) return { reason: 'not-embedded' };
  const filters = options.filters ?? {};
  const filtered = Object.keys(filters).length > 0;
  const filtersAdmitNone = async () => filtered && (await search.countSearchable(filters)) === 0;
  // The same search without the cut-off, one photo is enough to tell.
  const uncut: SearchRequestOptions = { ...options, all: true, offset: 0, limit: 1, closest: false };
  const finds = async (asked: SearchRequestOptions) => (await search.searchAgain(asked)).hits.length > 0;
  if (parsed.photoText.length > 0) {
    const state = await search.textState();
    // Off now, the text read while it was on is still searched: only a library with none was never read.
    const read = Math.max(0, state.contents - state.left);
    if (!state.on && read === 0) return { reason: 'text-not-read' };
    if (await filtersAdmitNone()) return { reason: 'filters' };
    if (!(await finds({ ...uncut, filters: {} }))) return { reason: 'no-text', text: { on: state.on, read, left: state.left, contents: state.contents, ...(state.readingNow ? { readingNow: true } : {}) } };
    if (filtered && !(await finds(uncut))) return { reason: 'filters-among-text' };
  } else if (await filtersAdmitNone()) return { reason: 'filters' };
  // Empty because of the cut-off, not the filters or the text: the same search without it finds some.
  if (result.minScore === null || !(result.closest || (await finds(uncut)))) return undefined;
  if (parsed.photoText.length === 0 || parsed.terms.length === 0) return { reason: 'cut-off', minScore: result.minScore };
  // The text was found: it is the other terms that left every photo holding it out.
  const photos = (await search.searchAgain({ ...uncut, limit: MAX_LIMIT })).hits.length;
  return { reason: 'cut-off', minScore: result.minScore, held: { photos, atLeast: photos === MAX_LIMIT, text: parsed.photoText, terms: termsText(parsed.terms) } };
}

/** The terms as the parser read them, in the query language: "red - people", "2:forest + ./pool.jpg". */
export function termsText(terms: readonly QueryTerm[]): string {
  return terms.map((t, i) => `${t.sign === -1 ? '- ' : i > 0 ? '+ ' : ''}${t.weight !== 1 ? `${t.weight}:` : ''}${t.text}`).join(' ');
}
