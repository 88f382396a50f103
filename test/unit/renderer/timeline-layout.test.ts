import { describe, expect, it } from 'vitest';
import { moveFocus, NO_SELECTION, selectedIndices, type Selection } from '../../../src/renderer/lib/selection';
import { DAY_HEADER, MONTH_HEADER, monthAt, revealTop, rowOf, rowStep, timelineLayout, timelineWindow } from '../../../src/renderer/lib/timeline-layout';

// 3 columns at this width: (6 + 3 * (168 + 6)) = 528.
const WIDTH = 540;
const DAYS = [
  { day: '2024-03-10', count: 4 },
  { day: '2024-03-02', count: 2 },
  { day: '2023-12-25', count: 3 },
];

describe('timeline layout', () => {
  it('puts a month header before each month, a day header before each day, then its rows', () => {
    const layout = timelineLayout(WIDTH, DAYS);
    expect(layout.columns).toBe(3);
    const row = layout.tile + layout.gap;
    expect(layout.items.map((i) => (i.kind === 'row' ? `row ${i.start}+${i.count}` : i.kind === 'day' ? i.day : `month ${i.month}`))).toEqual([
      'month 2024-03', '2024-03-10', 'row 0+3', 'row 3+1', '2024-03-02', 'row 4+2',
      'month 2023-12', '2023-12-25', 'row 6+3',
    ]);
    // Items are stacked without gaps or overlaps.
    for (let i = 1; i < layout.items.length; i++) expect(layout.items[i]!.top).toBe(layout.items[i - 1]!.top + layout.items[i - 1]!.height);
    expect(layout.months.map((m) => [m.month, m.first, m.count])).toEqual([['2024-03', 0, 6], ['2023-12', 6, 3]]);
    expect(layout.months[1]!.top).toBe(MONTH_HEADER + 2 * DAY_HEADER + 3 * row);
    expect(layout.count).toBe(9);
  });

  it('windows only the items near the viewport, with the photos they show', () => {
    // 100k photos over ~3 years: a few dozen items on screen, not thousands.
    const days = Array.from({ length: 1000 }, (_, i) => ({ day: new Date(Date.UTC(2024, 0, 1) - i * 86_400_000).toISOString().slice(0, 10), count: 100 }));
    const layout = timelineLayout(1200, days);
    const middle = layout.months[12]!;
    const shown = timelineWindow(layout, middle.top, 800);
    expect(shown.end - shown.first).toBeLessThan(40);
    expect(shown.start).toBeLessThanOrEqual(middle.first);
    expect(shown.stop).toBeGreaterThan(middle.first);
    expect(monthAt(layout, middle.top + 10)!.month).toBe(middle.month);
  });

  it('moves ArrowUp and ArrowDown to the photo on screen above or below, across short rows and days', () => {
    const layout = timelineLayout(WIDTH, DAYS); // rows 0+3, 3+1, 4+2, 6+3
    const step = (index: number, direction: -1 | 1) => rowStep(layout, index, direction);
    const below = (index: number) => moveFocus({ ...NO_SELECTION, focus: index }, 'ArrowDown', step, layout.count, false)!.focus;
    const above = (index: number) => moveFocus({ ...NO_SELECTION, focus: index }, 'ArrowUp', step, layout.count, false)!.focus;
    expect([0, 1, 2, 3, 4, 5, 6, 8].map(below)).toEqual([3, 3, 3, 4, 6, 7, 8, 8]);
    expect([0, 3, 4, 5, 6, 7, 8].map(above)).toEqual([0, 0, 3, 3, 4, 5, 5]);
    // Days of one photo each (a row apiece): down is the next photo, and Shift+Down twice selects three.
    const single = timelineLayout(WIDTH, Array.from({ length: 12 }, (_, i) => ({ day: `2024-03-${String(20 - i).padStart(2, '0')}`, count: 1 })));
    const singleStep = (index: number, direction: -1 | 1) => rowStep(single, index, direction);
    let s: Selection = { indices: new Set([5]), anchor: 5, focus: 5 };
    s = moveFocus(s, 'ArrowDown', singleStep, single.count, true)!;
    s = moveFocus(s, 'ArrowDown', singleStep, single.count, true)!;
    expect(s.focus).toBe(7);
    expect(selectedIndices(s)).toEqual([5, 6, 7]);
  });

  it('finds the row of a photo and scrolls it into view below the pinned month', () => {
    const layout = timelineLayout(WIDTH, DAYS);
    expect(rowOf(layout, 5)).toMatchObject({ start: 4, count: 2 });
    expect(rowOf(layout, 9)).toBeNull();
    const row = rowOf(layout, 7)!;
    const top = revealTop(layout, 7, 0, 200);
    expect(top + 200).toBeGreaterThanOrEqual(row.top + row.height);
    expect(revealTop(layout, 0, row.top, 200)).toBe(0);
  });
});
