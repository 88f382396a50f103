import { describe, expect, it } from 'vitest';
import type { Quad } from '../../../src/core/ocr/geometry';
import { readingOrder } from '../../../src/core/ocr/reading-order';

const box = (x: number, y: number, w = 50, h = 20): Quad => [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];

describe('readingOrder', () => {
  it('reads top to bottom, and left to right within a line whose tops differ a little', () => {
    const right = box(200, 100);
    const left = box(10, 104);
    const below = box(0, 160);
    const top = box(300, 20);
    expect(readingOrder([below, right, top, left])).toEqual([top, left, right, below]);
  });
});
