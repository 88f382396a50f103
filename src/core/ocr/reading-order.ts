// Lines in reading order (PaddleOCR's sorted_boxes): top to bottom, and left to right among
// boxes whose tops are within half a line of each other.
import type { Quad } from './geometry';

export function readingOrder(quads: readonly Quad[]): Quad[] {
  const sorted = [...quads].sort((a, b) => a[0][1] - b[0][1] || a[0][0] - b[0][0]);
  for (let i = 0; i < sorted.length - 1; i++) {
    for (let j = i; j >= 0; j--) {
      const a = sorted[j]!;
      const b = sorted[j + 1]!;
      const tolerance = Math.min(lineHeight(a), lineHeight(b)) / 2;
      if (Math.abs(b[0][1] - a[0][1]) < tolerance && b[0][0] < a[0][0]) {
        sorted[j] = b;
        sorted[j + 1] = a;
      } else break;
    }
  }
  return sorted;
}

function lineHeight(q: Quad): number {
  return Math.hypot(q[3][0] - q[0][0], q[3][1] - q[0][1]);
}
