// The search box's "Text in photo" mode: what is typed is the text to find, sent as the query
// language's `text:"…"` term (src/core/search/query-parser.ts), built by the function the CLI's
// --text uses too (src/shared/search.ts), so the app and the CLI ask the engine the same question.
import { photoTextTerm } from '../../shared/search';

const TERM = /^text:"([^"]*)"?$/;

/** The quote marks the query parser opens and closes a quoted word with (straight, curly, low, guillemets). */
const QUOTES = '"\u201c\u201d\u201e\u201f\u00ab\u00bb';
/**
 * A `text:` term anywhere in a query, as the parser takes it: its quoted phrase (the closing
 * mark may be missing while it is typed) or its one word, right after `text:` or after a space.
 */
const ANY_TERM = new RegExp(`(^|[\\s(+\\-\\u2212])text:\\s*(?:[${QUOTES}]([^${QUOTES}]*)[${QUOTES}]?|([^\\s${QUOTES}]+))`, 'gi');
/** The marks before a term that keep its photos out (`-text:"sale"`). */
const NEGATED = new Set(['-', '\u2212']);

/** The query for what was typed in text mode (a blank box stays blank: no search). */
export function toTextQuery(typed: string): string {
  return photoTextTerm(typed);
}

/** What the box shows in text mode for a query (the words inside a lone `text:` term). */
export function fromTextQuery(query: string): string {
  return TERM.exec(query)?.[1] ?? query;
}

/** Whether a query asks for text in photos (a `text:` term anywhere in it). */
export function asksPhotoText(query: string): boolean {
  return /(^|[\s(+-])text:/.test(query);
}

/** The words of a query that is one `text:` term (the box's text mode), else null. */
export function photoTextWords(query: string): string | null {
  return TERM.exec(query)?.[1] ?? null;
}

/**
 * The words text mode looks for when it is switched on over a query typed as a description:
 * the words of its `text:` terms where it has some (`white text:"24"` is the text "24": the
 * words beside the term describe the photo, they are no text written in it), else the whole
 * query (a description becomes the words to find).
 */
export function textModeWords(query: string): string {
  const found: string[] = [];
  let rest = query;
  for (const match of query.matchAll(ANY_TERM)) {
    // A text kept out (`beach -text:"sale"`) is no text to find: looking for it would turn
    // the user's exclusion around. It leaves the description, too.
    if (NEGATED.has(match[1] ?? '')) {
      rest = rest.replace(match[0], ' ');
      continue;
    }
    const words = (match[2] ?? match[3] ?? '').trim();
    if (words !== '') found.push(words);
  }
  return found.length > 0 ? found.join(' ') : rest.trim().replace(/\s+/g, ' ');
}

/** The query typed before text mode was switched on, and the query text mode made of it. */
export interface TypedQuery {
  typed: string;
  textQuery: string;
}

/** Switching text mode on over `typed`: the query to search, and what switching off gives back. */
export function textModeOn(typed: string): { query: string; before: TypedQuery } {
  const query = toTextQuery(textModeWords(typed));
  return { query, before: { typed, textQuery: query } };
}

/**
 * Switching text mode off: the query typed before it was switched on, exactly as typed, when
 * the text searched is still the one made of it (on and off again is no change); else the
 * words typed in text mode, now as a description.
 */
export function textModeOff(query: string, before: TypedQuery | null): string {
  if (before !== null && query === before.textQuery) return before.typed;
  return fromTextQuery(query);
}
