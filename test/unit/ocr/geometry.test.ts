// The stand-ins for OpenCV's minAreaRect: a text line's box must come out level, the right
// size and in PaddleOCR's corner order, however the pixels are tilted.
import { describe, expect, it } from 'vitest';
import { convexHull, insideQuad, minAreaRect, rectCorners, type Point } from '../../../src/core/ocr/geometry';

/** Grid points filling a w×h rectangle centred at (cx, cy), turned by `deg` degrees. */
function filledRect(cx: number, cy: number, w: number, h: number, deg: number): Point[] {
  const a = (deg * Math.PI) / 180;
  const pts: Point[] = [];
  for (let u = -w / 2; u <= w / 2; u += 0.5) {
    for (let v = -h / 2; v <= h / 2; v += 0.5) pts.push([cx + u * Math.cos(a) - v * Math.sin(a), cy + u * Math.sin(a) + v * Math.cos(a)]);
  }
  return pts;
}

describe('convexHull', () => {
  it('keeps the corners and drops the inside', () => {
    const hull = convexHull([[0, 0], [4, 0], [4, 3], [0, 3], [2, 1], [1, 2], [2, 0]]);
    expect(new Set(hull.map((p) => p.join(',')))).toEqual(new Set(['0,0', '4,0', '4,3', '0,3']));
  });
});

describe('minAreaRect', () => {
  it.each([0, 7, -5, 30, 89])('recovers a 120×20 line turned by %d°', (deg) => {
    const rect = minAreaRect(filledRect(200, 100, 120, 20, deg));
    const [w, h] = rect.width >= rect.height ? [rect.width, rect.height] : [rect.height, rect.width];
    expect(w).toBeCloseTo(120, 0);
    expect(h).toBeCloseTo(20, 0);
    expect(rect.center[0]).toBeCloseTo(200, 0);
    expect(rect.center[1]).toBeCloseTo(100, 0);
  });

  it('orders the corners top-left, top-right, bottom-right, bottom-left', () => {
    const [tl, tr, br, bl] = rectCorners(minAreaRect(filledRect(200, 100, 120, 20, 7)));
    expect(tl[0]).toBeLessThan(tr[0]);
    expect(bl[0]).toBeLessThan(br[0]);
    expect(tl[1]).toBeLessThan(bl[1]);
    expect(tr[1]).toBeLessThan(br[1]);
    // Tilted clockwise by 7°: the right end sits lower.
    expect(tr[1]).toBeGreaterThan(tl[1]);
  });
});

describe('insideQuad', () => {
  it('tells inside from outside of a tilted box', () => {
    const quad = rectCorners(minAreaRect(filledRect(50, 50, 60, 10, 20)));
    expect(insideQuad(quad, 50, 50)).toBe(true);
    expect(insideQuad(quad, 50, 40)).toBe(false);
    expect(insideQuad(quad, 75, 59)).toBe(true);
  });
});
