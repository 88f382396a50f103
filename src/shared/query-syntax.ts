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

/** The signs of a term, `+` and the minus signs, glued to a word's front or standing alone. */
const TERM_SIGNS: readonly string[] = ['+', ...MINUS_SIGNS];

/**
 * Whether a query is plain words, read by the search as one text term with none of the query
 * language's marks: no sign at a word's front (`-people`, `\u2212people`, `+ sea`), no quote
 * (straight or curly, OPEN_QUOTES), no weight or `text:` (a colon), no path (a slash). Such a
 * query says what a description's words can say too, so the app may offer the photos
 * described as it; one with the marks means something a description cannot.
 */
export function isPlainWords(query: string): boolean {
  if (!/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(query)) return false;
  const signed = query.split(/\s+/).some((word) => TERM_SIGNS.includes(word.charAt(0)));
  return !signed && ![...query].some((mark) => Object.hasOwn(OPEN_QUOTES, mark) || mark === ':' || mark === '/' || mark === '\\');
}

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
