// The search box's "Text in photo" mode: what is typed is the text to find, sent as the query
// language's `text:"…"` term (src/core/search/query-parser.ts), built by the function the CLI's
// --text uses too (src/shared/search.ts), so the app and the CLI ask the engine the same question.
import { photoTextTerm } from '../../shared/search';
import { closingQuotes, MINUS_SIGNS, OPEN_QUOTES, PHOTO_TEXT_PREFIX } from '../../shared/query-syntax';

/** `marks` safe inside a regular expression's [...] class. */
const inClass = (marks: string) => marks.replace(/[\\\]^-]/g, '\\$&');
/** A quoted phrase as the query parser reads one: an opening mark, the words, one of its closing marks (still missing while it is typed). */
const QUOTED = Object.keys(OPEN_QUOTES)
  .map((open) => `${open}([^${inClass(closingQuotes(open))}]*)[${inClass(closingQuotes(open))}]?`)
  .join('|');
/**
 * A `text:` term anywhere in a query, as the parser takes it (any case): at the start of a
 * word, or of one with a sign glued to it (`+text:`, `-text:`), or after a sign standing
 * alone; its quoted phrase or its one word, right after `text:` or after a space.
 */
const ANY_TERM = new RegExp(`(?:^|\\s)([${inClass(['+', ...MINUS_SIGNS].join(''))}]?)\\s*${PHOTO_TEXT_PREFIX}\\s*(?:${QUOTED}|([^\\s${inClass(Object.keys(OPEN_QUOTES).join(''))}]+))`, 'gi');
/** The signs that subtract a term: the parser refuses a subtracted text (`-text:"sale"`). */
const NEGATED = new Set(MINUS_SIGNS);

/** The query for what was typed in text mode (a blank box stays blank: no search). */
export function toTextQuery(typed: string): string {
  return photoTextTerm(typed);
}

/** What the box shows in text mode for a query (the words inside a lone `text:` term). */
export function fromTextQuery(query: string): string {
  return photoTextWords(query) ?? query;
}

/**
 * The words of a query that is one `text:` term and nothing else (what the box's text mode
 * searches: a page opened on such a query opens in that mode), else null. The term as the
 * parser takes it (`text:"open late"`, `TEXT:“open late”`, `text:open`), kept out of nothing
 * (`-text:"sale"` is no text to find); the words as written, spaces included (typed on).
 */
export function photoTextWords(query: string): string | null {
  const terms = [...query.matchAll(ANY_TERM)];
  const term = terms[0];
  if (terms.length !== 1 || term === undefined || NEGATED.has(term[1] ?? '')) return null;
  if (query.replace(term[0], '').trim() !== '') return null; // a description beside it
  const words = term.slice(2).find((m) => m !== undefined) ?? '';
  return words.trim() === '' ? null : words;
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
    // The phrase of whichever quote opened it, else the one word.
    const words = (match.slice(2).find((m) => m !== undefined) ?? '').trim();
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
