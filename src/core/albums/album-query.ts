// The album query -> one vector of the library's model, through the search's query language
// (src/core/search: text and image terms, weights, "+"/"-"), so an album matches what
// `shoebox search` with the same query ranks first. The album keeps its own threshold (a
// cosine the user can see and tune in `albums show`), not the search's calibrated cut-off.
// This is the one place albums turn a query into a vector.
import type { LibraryService } from '../library/library-service';
import { compileQuery } from '../search/search-service';

export async function albumQueryVector(library: LibraryService, query: string): Promise<Float32Array> {
  return (await compileQuery(library, query, { all: true })).vector;
}
