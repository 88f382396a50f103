// Which way the recogniser reads a detected box: along its top edge (TL→TR), or, for a box
// at least 1.5× taller than wide, turned by 90° and so down its right edge (TR→BR), like
// PaddleOCR. line-crop.ts crops it that way; the reading order and the word boxes
// (src/core/text/word-box.ts) follow the same rule, so the words lie along what was read.
import type { Point, Quad } from './geometry';

/** Whether the box is read turned by 90° (down its right side, TR→BR). */
export function readTurned(quad: Quad): boolean {
  const width = Math.max(dist(quad[0], quad[1]), dist(quad[3], quad[2]));
  const height = Math.max(dist(quad[0], quad[3]), dist(quad[1], quad[2]));
  return height >= 1.5 * width;
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}
