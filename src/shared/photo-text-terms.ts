// A query's `text:` terms (the text read in photos), as the core's parser takes them
// (src/core/search/query-parser.ts) and as the app's search box must know them before it
// searches (its "Text in photo" mode, src/renderer/lib/text-query.ts): one reading for both.
//
// A word that starts with `text:` (any case, quoted or not: `"text:sale"` is `text:sale`) is a
// term of its own. Its words are the rest of that word (`text:"open"late` is "openlate"), or,
// when nothing follows `text:` unquoted (`text: "open"`), the next word whatever it is.
import { PHOTO_TEXT_START } from './query-syntax';
import { queryTokens, type OpToken, type QueryToken, type WordToken } from './query-tokens';

/** A `text:` term. */
export interface PhotoTextToken {
  type: 'photoText';
  /** The word that starts it, as written without its quote marks (`text:open`, `text:`). */
  written: string;
  /** Its words as written (spacing kept), or null when `text:` has no word after it. */
  words: string | null;
  start: number;
  end: number;
}

/** The query's signs and words, each `text:` term made one part. */
export type QueryPart = OpToken | WordToken | PhotoTextToken;

/** Whether a word starts a `text:` term. */
export function startsPhotoText(word: string): boolean {
  return PHOTO_TEXT_START.test(word);
}

/** The tokens of `input` (queryTokens), with each `text:` term and its words made one part. */
export function queryParts(input: string, tokens: QueryToken[] = queryTokens(input)): QueryPart[] {
  const parts: QueryPart[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'word' || !startsPhotoText(token.text)) {
      parts.push(token);
      continue;
    }
    const own = token.text.replace(PHOTO_TEXT_START, '');
    if (own.trim() !== '' || token.quoted) {
      parts.push({ type: 'photoText', written: token.text, words: own, start: token.start, end: token.end });
      continue;
    }
    // A bare `text:` takes the next word (`text: "open"`); a sign or the end leaves it none.
    const next = tokens[i + 1];
    if (next?.type === 'word') {
      parts.push({ type: 'photoText', written: token.text, words: next.text, start: token.start, end: next.end });
      i++;
    } else parts.push({ type: 'photoText', written: token.text, words: null, start: token.start, end: token.end });
  }
  return parts;
}

/** A `text:` term of a query, and whether a sign keeps it out (which the parser refuses). */
export interface PhotoTextTerm {
  /** Its words as written, spacing kept; '' when it has none. */
  words: string;
  /** A minus right before it: `-text:"sale"`. */
  negated: boolean;
  /** Where it is in the query, its sign included: [start, end). */
  start: number;
  end: number;
}

/** The `text:` terms of a query, in order. An open quote runs to the end (a query being typed). */
export function photoTextTerms(query: string): PhotoTextTerm[] {
  const parts = queryParts(query);
  const terms: PhotoTextTerm[] = [];
  parts.forEach((part, i) => {
    if (part.type !== 'photoText') return;
    // A sign right before it is its own, as the parser reads it (a sign ends the words before it).
    const before = parts[i - 1];
    const sign = before?.type === 'op' ? before : null;
    terms.push({ words: part.words ?? '', negated: sign?.sign === -1, start: sign?.start ?? part.start, end: part.end });
  });
  return terms;
}

/**
 * The words of a query that is one required `text:` term and nothing else (a `+` before it at
 * most), as written; else null (words beside it, another term, a minus, no words in it).
 */
export function onlyPhotoText(query: string): string | null {
  const parts = queryParts(query);
  const [first, second] = parts;
  const term = parts.length === 1 ? first : parts.length === 2 && first?.type === 'op' && first.sign === 1 ? second : undefined;
  if (term?.type !== 'photoText' || term.words === null || term.words.trim() === '') return null;
  return term.words;
}
