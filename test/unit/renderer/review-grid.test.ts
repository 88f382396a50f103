// The tag review grid's arrow keys: ← → one card, ↑ ↓ by the rows as the window lays them out.
import { describe, expect, it } from 'vitest';
import { reviewGridStep, type CardBox } from '../../../src/renderer/components/tags/review-grid';

/** `count` cards in rows of `columns`, 200 px apart each way (a row's top off by a rounding pixel). */
function grid(count: number, columns: number): CardBox[] {
  return Array.from({ length: count }, (_, i) => ({ top: Math.floor(i / columns) * 200 + (i % 2 ? 0.5 : 0), left: (i % columns) * 200 }));
}

describe('tag review grid keys', () => {
  const boxes = grid(7, 3); // rows: 0 1 2 / 3 4 5 / 6

  it('← and → go one card, stopping at the ends; Home and End to the first and last', () => {
    expect(reviewGridStep(boxes, 2, 'ArrowRight')).toBe(3);
    expect(reviewGridStep(boxes, 6, 'ArrowRight')).toBe(6);
    expect(reviewGridStep(boxes, 0, 'ArrowLeft')).toBe(0);
    expect(reviewGridStep(boxes, 4, 'Home')).toBe(0);
    expect(reviewGridStep(boxes, 1, 'End')).toBe(6);
  });

  it('↑ and ↓ go to the same column of the row above or below, the nearest on a shorter row', () => {
    expect(reviewGridStep(boxes, 1, 'ArrowDown')).toBe(4);
    expect(reviewGridStep(boxes, 4, 'ArrowUp')).toBe(1);
    expect(reviewGridStep(boxes, 5, 'ArrowDown')).toBe(6);
    expect(reviewGridStep(boxes, 6, 'ArrowDown')).toBe(6);
    expect(reviewGridStep(boxes, 2, 'ArrowUp')).toBe(2);
  });

  it('rows follow the layout: the same cards four to a row step by four', () => {
    expect(reviewGridStep(grid(7, 4), 1, 'ArrowDown')).toBe(5);
  });

  it('other keys, and an empty grid, are not its own', () => {
    expect(reviewGridStep(boxes, 1, 'a')).toBeNull();
    expect(reviewGridStep([], 0, 'ArrowRight')).toBeNull();
  });
});
