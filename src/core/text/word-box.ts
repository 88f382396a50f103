// A word's box from its line's box: the recogniser reads a whole line (one quadrilateral),
// so a word's box is the slice of the line between its first and last character, in
// proportion to the characters' typical widths (a space is about half a capital, a CJK
// character about twice a Latin one: DejaVu's and most fonts' proportions). Within a
// character or so: enough to outline the word on the photo.
import type { TextPoint } from '../../shared/search';
import { readTurned } from '../ocr';

function lerp(a: TextPoint, b: TextPoint, t: number): TextPoint {
  return [Math.round((a[0] + (b[0] - a[0]) * t) * 10) / 10, Math.round((a[1] + (b[1] - a[1]) * t) * 10) / 10];
}

/** A character's typical advance, relative to a capital letter's. */
export function charWidth(ch: string): number {
  if (/\s/u.test(ch)) return 0.45;
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch)) return 1.6;
  if (/[il1.,:;'!|()[\]]/u.test(ch)) return 0.45;
  if (/[\p{Ll}]/u.test(ch)) return 0.8;
  if (/\p{N}/u.test(ch)) return 0.9;
  if (/\p{P}/u.test(ch)) return 0.5;
  return 1;
}

/**
 * Corners of code points [start, end) of `text` within the text's line box `line`: where the
 * word starts and ends along the line's top edge, then along its bottom edge, as read. A line
 * read turned (a tall box: reading-direction.ts) was read down its right side, so its words are
 * slices along its length, not across it.
 */
export function wordBox(line: readonly TextPoint[], text: string, start: number, end: number): TextPoint[] {
  const quad = line as [TextPoint, TextPoint, TextPoint, TextPoint];
  const [tl, tr, br, bl] = readTurned(quad) ? [quad[1], quad[2], quad[3], quad[0]] : quad;
  const widths = [...text].map(charWidth);
  const total = widths.reduce((a, b) => a + b, 0);
  const upTo = (n: number) => widths.slice(0, n).reduce((a, b) => a + b, 0);
  const from = total > 0 ? upTo(start) / total : 0;
  const to = total > 0 ? upTo(end) / total : 1;
  return [lerp(tl, tr, from), lerp(tl, tr, to), lerp(bl, br, to), lerp(bl, br, from)];
}
