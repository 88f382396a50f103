// The search box's "Text in photo" mode: what is typed is the text to find, sent as the query
// language's `text:"…"` term (src/core/search/query-parser.ts), built by the function the CLI's
// --text uses too (src/shared/search.ts), so the app and the CLI ask the engine the same question.
import { photoTextTerm } from '../../shared/search';

const TERM = /^text:"([^"]*)"?$/;

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
