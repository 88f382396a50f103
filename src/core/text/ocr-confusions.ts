// The glyphs a text recogniser mistakes for one another (O/0, l/1/I, rn/m, S/5, B/8...): the
// only edits a short word may carry and still count as the word a user typed. Any other
// letter change turns one real word into another (cafe/case, exit/edit, open/oven,
// hotel/motel), so it is not forgiven on short words. Compared lowercased, accents folded.

/** Groups of single characters read as one another. */
const SAME_SHAPE = ['o0q', 'l1i|!j', 's5', 'b8', 'z2', 'g9', 'uv', 'ec', 'a4'];
/** Letter pairs read as one letter (or the other way round). */
const SPLIT_GLYPHS: [string, string][] = [
  ['rn', 'm'],
  ['cl', 'd'],
  ['vv', 'w'],
  ['ri', 'n'],
  ['ii', 'u'],
  ['nn', 'm'],
];

/** Every (written, read) pair that costs one confusion, both ways. */
const PAIRS: [string, string][] = [
  ...SAME_SHAPE.flatMap((group) => [...group].flatMap((a) => [...group].filter((b) => b !== a).map((b): [string, string] => [a, b]))),
  ...SPLIT_GLYPHS.flatMap(([a, b]): [string, string][] => [
    [a, b],
    [b, a],
  ]),
];

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
