// A search as the front ends ask it through the api (LibraryApi.search, the CLI's `similar`):
// what it found and, on an empty first page, why (empty-reason.ts), so that every front end
// words the core's one reason instead of guessing it from the query.
import type { SearchRequestOptions, SearchResult } from '../../shared/search';
import type { SearchEmpty } from '../../shared/search-empty';
import type { SearchLibrary } from './search-library';
import { MAX_QUERY_LENGTH, queryTooLong } from '../../shared/query-syntax';
import { parseQueryParts } from './query-parser';
import { QueryError } from './query-error';
import { countMatching, searchParsed, similar, type SearchDeps } from './search-service';
import { emptyReason } from './empty-reason';

export type SearchAnswer = SearchResult & { empty?: SearchEmpty };

/** "Text in photos" as the reasons need it (the api's textInPhotos()). */
export type TextState = () => Promise<{ on: boolean; contents: number; left: number; readingNow?: true }>;

/** `query` searched (search-service.ts's search), with the reason when it found nothing. */
export async function searchAnswer(library: SearchLibrary, query: string, options: SearchRequestOptions, textState: TextState, deps?: SearchDeps): Promise<SearchAnswer> {
  // The app's argument check refuses a longer query (api-methods.ts): the CLI, which comes
  // straight here, is refused alike. Not in the parser: an album saved with a longer query still opens.
  if (query.length > MAX_QUERY_LENGTH) throw new QueryError(queryTooLong());
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
