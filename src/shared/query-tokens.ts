// The query language split into words and signs, as the core's parser reads it
// (src/core/search/query-parser.ts builds its terms from these tokens) and as the app's search
// box reads it before searching (src/shared/photo-text-terms.ts): one splitting, so the app
// cannot read a query otherwise than the engine does.
import { closingQuotes, MINUS_SIGNS } from './query-syntax';

/** A sign standing alone or glued to a word's front: `+`, `-`, `−`. */
export interface OpToken {
  type: 'op';
  sign: 1 | -1;
  symbol: string;
  /** Where it is in the query: [start, end). */
  start: number;
  end: number;
}

/** A word, its quoted parts joined to the rest without their marks (`text:"open"late` is `text:openlate`). */
export interface WordToken {
  type: 'word';
  text: string;
  /** Some part of it was in quotes. */
  quoted: boolean;
  start: number;
  end: number;
  /** Where a quote opened that nothing closes (the word runs to the query's end): the parser refuses it, the app reads on while it is typed. */
  unclosedAt?: number;
}

export type QueryToken = OpToken | WordToken;

/** The sign a mark stands for, or null for any other mark. */
export function signOf(symbol: string): 1 | -1 | null {
  if (symbol === '+') return 1;
  return MINUS_SIGNS.includes(symbol) ? -1 : null;
}

/** Splits a query into signs and words, honouring quotes (a straight one closes a curly one too). */
export function queryTokens(input: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    if (/\s/.test(input[i]!)) {
      i++;
      continue;
    }
    // An operator glued to the front of an unquoted word: `-people`, `+./x.jpg`.
    const glued = signOf(input[i]!);
    if (glued !== null) {
      const next = input[i + 1];
      tokens.push({ type: 'op', sign: glued, symbol: input[i]!, start: i, end: i + 1 });
      i++;
      if (next === undefined || /\s/.test(next)) continue;
    }
    const start = i;
    let text = '';
    let quoted = false;
    let unclosedAt: number | undefined;
    while (i < n && !/\s/.test(input[i]!)) {
      const closers = closingQuotes(input[i]!);
      if (closers !== '') {
        // The first of its closing marks.
        const ends = [...closers].map((mark) => input.indexOf(mark, i + 1)).filter((at) => at !== -1);
        const stop = ends.length > 0 ? Math.min(...ends) : -1;
        if (stop === -1) unclosedAt = i;
        text += input.slice(i + 1, stop === -1 ? n : stop);
        quoted = true;
        i = stop === -1 ? n : stop + 1;
      } else {
        text += input[i];
        i++;
      }
    }
    tokens.push(unclosedAt === undefined ? { type: 'word', text, quoted, start, end: i } : { type: 'word', text, quoted, start, end: i, unclosedAt });
  }
  return tokens;
}
