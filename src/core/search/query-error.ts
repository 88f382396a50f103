// A search the user asked for in a way that cannot run: an empty query, a bad weight, a
// path that names no image, a date that is not one. The CLI turns it into a usage error
// (exit 2); the API hands its one-line message to the UI.

/** A refusal a front end words its own way, told by its code rather than by its message. */
export type QueryErrorDetail = { code: 'unknown-tag'; /** The label as asked for. */ label: string };

export class QueryError extends Error {
  override name = 'QueryError';
  constructor(
    message: string,
    /** What was refused, for those that word it themselves (the app: shared/app-wording.ts). */
    readonly detail?: QueryErrorDetail,
  ) {
    super(message);
  }
}
