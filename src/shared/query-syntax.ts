// The query language's marks as the core's parser reads them (src/core/search/query-parser.ts
// imports them from here), for the app's search box, which must know them before it searches
// (its "Text in photo" mode takes the words of a query's `text:` terms).

/** A quote mark that opens a quoted word, and the mark that closes it. */
export const OPEN_QUOTES: Readonly<Record<string, string>> = { '"': '"', '\u201c': '\u201d', '\u201e': '\u201d' };

/** The marks that close a quote opened with `open`: its own closing mark, and a straight `"` (typed on a keyboard without curly ones). */
export function closingQuotes(open: string): string {
  const close = OPEN_QUOTES[open];
  if (close === undefined) return '';
  return close === '"' ? close : `${close}"`;
}

/** The signs that subtract a term: `-`, and the Unicode minus sign (some keyboards, pasted text). */
export const MINUS_SIGNS: readonly string[] = ['-', '\u2212'];

/** What starts a `text:` term, in any case (`text:`, `TEXT:`): its words are the text read in photos. */
export const PHOTO_TEXT_PREFIX = 'text:';
/** A word that starts a `text:` term. */
export const PHOTO_TEXT_START = new RegExp(`^${PHOTO_TEXT_PREFIX}`, 'i');

/** The longest query a search takes (UTF-16 code units, as JavaScript counts a string's
 *  length): the app's argument check (api-methods.ts) and the core's parser, which the CLI goes
 *  through, both refuse a longer one, in the words of queryTooLong. */
export const MAX_QUERY_LENGTH = 1000;

/** The refusal of a query longer than MAX_QUERY_LENGTH: the words api-methods.ts's check says it in. */
export function queryTooLong(): string {
  return `query is too long (over ${MAX_QUERY_LENGTH} characters)`;
}
