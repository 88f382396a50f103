// Which query words a photo's text holds, allowing for misreads: the recogniser confuses
// similar glyphs (O/0, l/1, rn/m: ocr-confusions.ts), so a word of four letters or more
// counts as found through such confusions; a word of seven or more also through one other
// edit ("platfprm"), rare enough there not to turn one real word into another, unlike
// cafe/case or open/oven. Short words (numbers, "24") must be read exactly, or they would
// match everything. A word read with letters and digits run together ("24HOURS") also
// counts as its parts (word-parts.ts). A photo is a match when it holds most of the query's
// words (all of one or two, all but one of three or four...), so a word misread beyond
// recognition still finds it; photos holding more of the words, then with fewer edits, rank
// first (photo-text-search.ts).
import { distance } from 'fastest-levenshtein';
import type { PhotoTextMatch, TextPoint } from '../../shared/search';
import { confusions } from './ocr-confusions';
import { wordsOf } from './text-words';
import { wordParts } from './word-parts';
import { wordBox } from './word-box';

/** A stored line (PhotoTextRecord.lines). */
export interface StoredLine {
  text: string;
  score: number;
  box: TextPoint[];
}

/** Confusions allowed between a query word and a word read: none up to 3 characters, then 2. */
export function allowedEdits(word: string): number {
  return [...word].length <= 3 ? 0 : 2;
}

/** Other edits (not confusions) allowed: one from 7 characters on. */
function allowedOtherEdits(word: string): number {
  return [...word].length >= 7 ? 1 : 0;
}

/** How many of `n` query words a photo must hold: 1 of 1, 2 of 2, 2 of 3, 3 of 4, 4 of 5... */
export function wordsRequired(n: number): number {
  return Math.max(1, Math.ceil((n * 2) / 3));
}

/** The edits between a query word and a word read, or null when it is not that word. */
export function editsBetween(query: string, read: string): number | null {
  if (query === read) return 0;
  const limit = allowedEdits(query);
  if (limit === 0) return null;
  const c = confusions(query, read);
  if (c <= limit) return c;
  return allowedOtherEdits(query) > 0 && distance(query, read) <= allowedOtherEdits(query) ? 1 : null;
}

/** The smallest of the edits, null when none is a match. */
function fewest(edits: readonly (number | null)[]): number | null {
  const found = edits.filter((e): e is number => e !== null);
  return found.length > 0 ? Math.min(...found) : null;
}

export interface TextMatchResult {
  /** Distinct query words found. */
  found: number;
  /** Edits summed over the words found (each the fewest it was found with): 0 when all read exactly. */
  edits: number;
  match: PhotoTextMatch;
}

/** Matches the folded query words against the photo's lines; null when too few are found. */
export function matchText(query: readonly string[], record: { text: string; lines: readonly StoredLine[]; width: number; height: number }): TextMatchResult | null {
  /** Each query word found: the fewest edits it was found with. */
  const found = new Map<string, number>();
  const note = (word: string, edits: number) => found.set(word, Math.min(edits, found.get(word) ?? Infinity));
  const words: PhotoTextMatch['words'] = [];
  for (const line of record.lines) {
    for (const w of wordsOf(line.text)) {
      let hit = false;
      const read = [w.key, ...wordParts(w.key)];
      for (const q of query) {
        const edits = fewest(read.map((r) => editsBetween(q, r)));
        if (edits !== null) {
          note(q, edits);
          hit = true;
        }
      }
      // Small text loses its spaces ("exitkeep"): two query words read as one count as both.
      if (!hit) {
        for (let i = 0; i + 1 < query.length && !hit; i++) {
          const edits = editsBetween(query[i]! + query[i + 1]!, w.key);
          if (edits === null) continue;
          note(query[i]!, edits);
          note(query[i + 1]!, 0);
          hit = true;
        }
      }
      if (hit) words.push({ text: w.text, box: wordBox(line.box, line.text, w.start, w.end) });
    }
  }
  if (found.size < wordsRequired(query.length)) return null;
  const edits = [...found.values()].reduce((a, b) => a + b, 0);
  return { found: found.size, edits, match: { text: record.text, words, width: record.width, height: record.height } };
}
