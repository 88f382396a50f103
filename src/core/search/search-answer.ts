// A search as the front ends ask it through the api (LibraryApi.search, the CLI's `similar`):
// what it found and, on an empty first page, why (empty-reason.ts), so that every front end
// words the core's one reason instead of guessing it from the query.
import type { SearchRequestOptions, SearchResult } from '../../shared/search';
import type { SearchEmpty } from '../../shared/search-empty';
import type { SearchLibrary } from './search-library';
import { parseQueryParts } from './query-parser';
import { countMatching, searchParsed, similar, type SearchDeps } from './search-service';
import { emptyReason } from './empty-reason';

export type SearchAnswer = SearchResult & { empty?: SearchEmpty };

/** "Text in photos" as the reasons need it (the api's textInPhotos()). */
export type TextState = () => Promise<{ on: boolean; contents: number; left: number }>;

/** `query` searched (search-service.ts's search), with the reason when it found nothing. */
export async function searchAnswer(library: SearchLibrary, query: string, options: SearchRequestOptions, textState: TextState, deps?: SearchDeps): Promise<SearchAnswer> {
  const parsed = parseQueryParts(query);
  const searchAgain = (asked: SearchRequestOptions) => searchParsed(library, parsed, asked, deps);
  const result = await searchAgain(options);
  const empty = await emptyReason({ parsed, options, result, searchAgain, countSearchable: (filters) => countMatching(library, filters, deps), textState });
  return empty ? { ...result, empty } : result;
}

/** Photos like an image file (search-service.ts's similar), with the reason when none passes the filters. */
export async function similarAnswer(library: SearchLibrary, image: string, options: SearchRequestOptions, deps?: SearchDeps): Promise<SearchAnswer> {
  const searchAgain = (asked: SearchRequestOptions) => similar(library, image, asked, deps);
  const result = await searchAgain(options);
  const noText = () => Promise.reject(new Error('a similar search has no text terms'));
  const empty = await emptyReason({ parsed: { terms: [], photoText: [] }, options, result, searchAgain, countSearchable: (filters) => countMatching(library, filters, deps), textState: noText });
  return empty ? { ...result, empty } : result;
}
