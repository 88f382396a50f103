// A search the user asked for in a way that cannot run: an empty query, a bad weight, a
// path that names no image, a date that is not one. The CLI turns it into a usage error
// (exit 2); the API hands its one-line message to the UI.
export class QueryError extends Error {
  override name = 'QueryError';
}
