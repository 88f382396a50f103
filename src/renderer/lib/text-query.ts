// The search box's "Text in photo" mode: what is typed is the text to find, sent as the query
// language's `text:"…"` term (src/core/search/query-parser.ts), built by the function the CLI's
// --text uses too (src/shared/search.ts), so the app and the CLI ask the engine the same question.
import { photoTextTerm } from '../../shared/search';
import { onlyPhotoText, photoTextTerms } from '../../shared/photo-text-terms';

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
 * engine's parser reads it (src/shared/photo-text-terms.ts: `text:"open late"`, `TEXT:“open
 * late”`, `text:open`, `"text:open"`), kept out of nothing (`-text:"sale"` is no text to
 * find); the words as written, spaces included (typed on).
 */
export function photoTextWords(query: string): string | null {
  return onlyPhotoText(query);
}

/**
 * The words text mode looks for when it is switched on over a query typed as a description:
 * the words of its `text:` terms where it has some (`white text:"24"` is the text "24": the
 * words beside the term describe the photo, they are no text written in it), else the whole
 * query (a description becomes the words to find). The terms are those the engine reads.
 */
export function textModeWords(query: string): string {
  const terms = photoTextTerms(query);
  const found = terms.filter((term) => !term.negated).map((term) => term.words.trim()).filter((words) => words !== '');
  if (found.length > 0) return found.join(' ');
  // A text kept out (`beach -text:"sale"`) is no text to find: looking for it would turn the
  // user's exclusion around. It leaves the description, too (cut from the end, so the
  // places of the terms before it still hold).
  let rest = query;
  for (const term of terms.filter((t) => t.negated).reverse()) rest = `${rest.slice(0, term.start)} ${rest.slice(term.end)}`;
  return rest.trim().replace(/\s+/g, ' ');
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
