import { describe, expect, it } from 'vitest';
import { gridLayout, scrollToReveal, visibleRange } from '../../../src/renderer/lib/grid-layout';

describe('grid windowing', () => {
  it('fits as many columns as the width allows, tiles filling the row', () => {
    const layout = gridLayout(1000, 100_000);
    expect(layout.columns).toBe(5);
    expect(layout.columns * (layout.tile + layout.gap)).toBeLessThanOrEqual(1000);
    expect(layout.rows).toBe(20_000);
    expect(layout.height).toBe(20_000 * layout.rowHeight + layout.gap);
  });

  it('keeps at least one column in a narrow window', () => {
    expect(gridLayout(100, 10).columns).toBe(1);
    expect(gridLayout(0, 10).columns).toBe(1);
  });

  it('renders only the rows in view plus overscan, however long the list', () => {
    const layout = gridLayout(1000, 100_000);
    const range = visibleRange(layout, 100_000, 5_000_000, 800);
    const rows = range.endRow - range.firstRow;
    expect(rows).toBeLessThanOrEqual(Math.ceil(800 / layout.rowHeight) + 1 + 6);
    expect(range.start).toBe(range.firstRow * layout.columns);
    expect(range.firstRow * layout.rowHeight).toBeLessThanOrEqual(5_000_000);
  });

  it('clamps at both ends', () => {
    const layout = gridLayout(1000, 12);
    expect(visibleRange(layout, 12, 0, 800)).toMatchObject({ firstRow: 0, start: 0, end: 12 });
    expect(visibleRange(layout, 12, 1e9, 800).end).toBe(12);
  });

  it('scrolls just enough to reveal a photo', () => {
    const layout = gridLayout(1000, 1000);
    expect(scrollToReveal(layout, 0, 0, 800)).toBe(0);
    const below = scrollToReveal(layout, 500, 0, 800);
    const row = Math.floor(500 / layout.columns);
    expect(below).toBeGreaterThan(0);
    expect(row * layout.rowHeight).toBeGreaterThanOrEqual(below);
    expect(scrollToReveal(layout, 0, below, 800)).toBe(0);
  });
});
