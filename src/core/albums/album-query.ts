// The album query -> one vector of the library's model, through the search's query language
// (src/core/search: text and image terms, weights, "+"/"-"), so an album matches what
// `shoebox search` with the same query ranks first. An album with a threshold of its own
// keeps it (a cosine the user can see and tune); an automatic one (threshold null) takes the
// search's calibrated relevance cut-off for its query, so it follows the model in use and
// the library as it grows. This is the one place albums turn a query into a vector.
import type { LibraryService } from '../library/library-service';
import { compileQuery } from '../search/search-service';
import { DEFAULT_ALBUM_THRESHOLD } from './album';

export interface AlbumQuery {
  vector: Float32Array;
  /** The minimum score in effect: the album's own threshold, or the calibrated cut-off. */
  threshold: number;
}

export async function albumQuery(library: LibraryService, query: string, threshold: number | null): Promise<AlbumQuery> {
  // `all` skips the calibration when the album has its own threshold: nothing to measure.
  const compiled = await compileQuery(library, query, { all: threshold !== null });
  return { vector: compiled.vector, threshold: threshold ?? compiled.minScore ?? DEFAULT_ALBUM_THRESHOLD };
}
