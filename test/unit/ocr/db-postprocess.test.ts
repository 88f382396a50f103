// PaddleOCR's DB post-processing on probability maps we draw: each confident region becomes
// one box grown by the unclip offset; faint and tiny regions are dropped.
import { describe, expect, it } from 'vitest';
import { dbBoxes, DB_DEFAULTS } from '../../../src/core/ocr/db-postprocess';

function map(width: number, height: number): Float32Array {
  return new Float32Array(width * height);
}

function fill(m: Float32Array, width: number, x0: number, y0: number, x1: number, y1: number, p: number): void {
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) m[y * width + x] = p;
}

describe('dbBoxes', () => {
  it('turns each confident region into a grown box, and drops faint and tiny ones', () => {
    const w = 200;
    const m = map(w, 140);
    fill(m, w, 20, 30, 119, 49, 0.9); // a text line, 100×20 pixels
    fill(m, w, 20, 80, 79, 99, 0.45); // above the pixel threshold, below the box threshold
    fill(m, w, 150, 80, 151, 110, 0.95); // 2 pixels wide: under PaddleOCR's minimum size
    const boxes = dbBoxes(m, w, 140);
    expect(boxes).toHaveLength(1);
    const [tl, tr, br, bl] = boxes[0]!.quad;
    expect(boxes[0]!.score).toBeCloseTo(0.9, 5);
    // minAreaRect of pixel centres is 99×19; unclip grows each side by 99·19·1.5/(2·118) ≈ 11.96.
    const d = (99 * 19 * DB_DEFAULTS.unclipRatio) / (2 * (99 + 19));
    expect(tl[0]).toBeCloseTo(20 - d, 1);
    expect(tl[1]).toBeCloseTo(30 - d, 1);
    expect(br[0]).toBeCloseTo(119 + d, 1);
    expect(br[1]).toBeCloseTo(49 + d, 1);
    expect(tr[0]).toBeCloseTo(br[0], 5);
    expect(bl[1]).toBeCloseTo(br[1], 5);
  });

  it('keeps separate regions separate and clips boxes to the map', () => {
    const w = 120;
    const m = map(w, 40);
    fill(m, w, 0, 2, 40, 12, 0.8);
    fill(m, w, 60, 2, 110, 12, 0.8);
    const boxes = dbBoxes(m, w, 40);
    expect(boxes).toHaveLength(2);
    for (const b of boxes) for (const [x, y] of b.quad) expect(x >= 0 && x <= w && y >= 0 && y <= 40).toBe(true);
  });

  it('finds nothing in an empty map', () => {
    expect(dbBoxes(map(64, 64), 64, 64)).toEqual([]);
  });
});
