// Which query words a photo's text holds, allowing for misreads: the recogniser confuses
// similar glyphs (O/0, l/1, rn/m: ocr-confusions.ts), so a word of four letters or more
// counts as found through such confusions; a word of seven or more also through one other
// edit ("platfprm"), rare enough there not to turn one real word into another, unlike
// cafe/case or open/oven. Short words (numbers, "24") must be read exactly, or they would
// match everything, but for a number's digit look-alikes ("1O" is "10": digit-lookalikes.ts).
// A word read with letters and digits run together ("24HOURS") also counts as its parts and
// their runs ("OPEN24HOURS" holds "open24" and "24hours": word-parts.ts), and a query word
// typed that way ("24hours") counts as found in the words read apart ("24 HOURS"). So does a
// word ICU keeps whole across an apostrophe or a point ("McDonald's" holds "mcdonald" and
// "mcdonalds", "321Dogs.com" "dogs" and "dogs.com"). A word read with umlauts also counts as
// spelled out ("Müller" is "mueller": text-words.ts), exactly only. A photo is a match when it
// holds most of the query's words (all of one or two, all but one of three or four...), so a
// word misread beyond recognition still finds it; photos holding more of the words, then with
// fewer edits, rank first (photo-text-search.ts).
import { distance } from 'fastest-levenshtein';
import type { PhotoTextMatch, TextPoint } from '../../shared/search';
import { confusions } from './ocr-confusions';
import { digitsFolded } from './digit-lookalikes';
import { wordsOf } from './text-words';
import { wordParts, wordRuns } from './word-parts';
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
  // "10" for "1O": a number's digit look-alikes, each a confusion (so the exact reading ranks first).
  if (digitsFolded(query) === digitsFolded(read)) return confusions(query, read);
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
  /** Query words of letters and 2+ digits typed together ("24hours"), with their parts. */
  const split = query.map((q) => [q, wordParts(q)] as const).filter(([, parts]) => parts.length > 1);
  for (const line of record.lines) {
    const lineWords = wordsOf(line.text);
    const held = new Set<number>();
    for (const [at, w] of lineWords.entries()) {
      let hit = false;
      const read = [w.key, ...wordRuns(w.key)];
      for (const q of query) {
        // "mcdonald's" typed is also "mcdonalds", as the word read splits (word-parts.ts).
        const typed = q.includes("'") ? [q, q.replace(/'/g, '')] : [q];
        const edits = fewest([...typed.flatMap((t) => read.map((r) => editsBetween(t, r))), w.spelled === q ? 0 : null]);
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
      if (hit) held.add(at);
    }
    // A query word typed with its number run in ("24hours", "open24") read as words apart ("24 HOURS").
    for (const [q, parts] of split) {
      for (let at = 0; at + parts.length <= lineWords.length; at++) {
        const edits = parts.map((part, k) => editsBetween(part, lineWords[at + k]!.key));
        if (edits.some((e) => e === null)) continue;
        note(q, (edits as number[]).reduce((a, b) => a + b, 0));
        for (let k = 0; k < parts.length; k++) held.add(at + k);
      }
    }
    for (const at of [...held].sort((a, b) => a - b)) {
      const w = lineWords[at]!;
      words.push({ text: w.text, box: wordBox(line.box, line.text, w.start, w.end) });
    }
  }
  if (found.size < wordsRequired(query.length)) return null;
  const edits = [...found.values()].reduce((a, b) => a + b, 0);
  return { found: found.size, edits, match: { text: record.text, words, width: record.width, height: record.height } };
}
