// How many results one search page may hold: text search, "More like this", search by image
// and `shoebox search`/`similar` alike. One limit, said in one sentence, for the core's search
// engine, the argument check of IPC and `shoebox serve` (api-methods.ts) and the CLI's --limit,
// so that no front end allows more than another nor cuts a page short without saying so.
// (Listings, the timeline and the other pages keep api-methods' own smaller page size.)

/** Largest search page: more than a few thousand results is no list to look through, but
 *  `shoebox search --limit` has allowed 10,000 and scripts rely on it. */
export const MAX_SEARCH_LIMIT = 10_000;

/** Why `limit` is not a search page size a front end may ask for, or null when it is. */
export function searchLimitRefusal(limit: unknown): string | null {
  if (typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 && limit <= MAX_SEARCH_LIMIT) return null;
  const got = typeof limit === 'number' ? String(limit) : `a ${limit === null ? 'null' : typeof limit}`;
  return `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}, got ${got}`;
}
