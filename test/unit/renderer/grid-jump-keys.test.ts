// Home / End / PageUp / PageDown in the photo grid (lib/grid-jump-keys.ts, lib/timeline-page.ts,
// useGridKeys' gridKey), without a page: left to the browser, PageDown scrolled the focused tile
// out of the DOM and the focus fell to the region; Home on a tile did nothing. They move the
// focus ring (so the focus and the scroll follow it): Home / End to the first / last photo of
// the whole list, PageUp / PageDown about a screen of rows, from the tile that has the focus.
import { describe, expect, it } from 'vitest';
import { gridKey, type GridKeyEvent, type GridSelection } from '../../../src/renderer/hooks/useGridKeys';
import { evenPageStep, jumpFocus } from '../../../src/renderer/lib/grid-jump-keys';
import { NO_SELECTION, type Selection } from '../../../src/renderer/lib/selection';
import { timelineLayout } from '../../../src/renderer/lib/timeline-layout';
import { timelinePageStep } from '../../../src/renderer/lib/timeline-page';

const GRID = { tagName: 'DIV', classList: { contains: () => false }, closest: () => null };
const tileOpen = (index: number) => ({ tagName: 'BUTTON', classList: { contains: (c: string) => c === 'tile__open' }, closest: (s: string) => (s === '.tile' ? { dataset: { index: String(index) } } : null) });
const ring = (focus: number | null): Selection => ({ indices: new Set(), anchor: null, focus });

/** 4 columns, 3 rows to a screen: a page is 12 photos. */
const PAGE = evenPageStep(4, 100, 350);

function press(key: string, target: object, selection: Selection, more: Partial<GridKeyEvent> = {}, count = 1000) {
  const changes: Selection[] = [];
  const grid: GridSelection = { selection, onChange: (s) => changes.push(s), onDelete: () => {}, onFavourite: () => {}, onArchive: () => {}, onRotate: () => {} };
  const event = { key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, repeat: false, target, currentTarget: GRID, ...more } as unknown as GridKeyEvent;
  return { outcome: gridKey(event, grid, 4, count, () => {}, PAGE), focus: changes.at(-1)?.focus, selected: changes.at(-1) ? [...changes.at(-1)!.indices].sort((a, b) => a - b) : [] };
}

describe('grid Home / End / PageUp / PageDown', () => {
  it('from a tile reached with Tab: Home and End go to the first and last photo of the whole list, ctrl or not', () => {
    expect(press('Home', tileOpen(57), NO_SELECTION)).toMatchObject({ outcome: 'moved', focus: 0 });
    expect(press('End', tileOpen(0), NO_SELECTION)).toMatchObject({ outcome: 'moved', focus: 999 });
    expect(press('End', tileOpen(0), ring(3), { ctrlKey: true })).toMatchObject({ outcome: 'moved', focus: 999 });
    expect(press('Home', GRID, ring(40), { ctrlKey: true })).toMatchObject({ outcome: 'moved', focus: 0 });
  });

  it('PageDown / PageUp move a screen of rows from the focused tile, in its column, and stop at the ends', () => {
    expect(press('PageDown', tileOpen(1), NO_SELECTION)).toMatchObject({ outcome: 'moved', focus: 13 });
    expect(press('PageDown', tileOpen(13), ring(1))).toMatchObject({ outcome: 'moved', focus: 25 });
    expect(press('PageUp', tileOpen(25), ring(25))).toMatchObject({ outcome: 'moved', focus: 13 });
    expect(press('PageUp', tileOpen(5), ring(5))).toMatchObject({ outcome: 'moved', focus: 0 });
    expect(press('PageDown', tileOpen(995), ring(995))).toMatchObject({ outcome: 'moved', focus: 999 });
  });

  it('shift extends the selection as the arrows do', () => {
    expect(press('End', tileOpen(995), ring(995), { shiftKey: true })).toMatchObject({ focus: 999, selected: [995, 996, 997, 998, 999] });
    expect(jumpFocus({ indices: new Set([2]), anchor: 2, focus: 2 }, 'Home', PAGE, 10, true)).toEqual({ indices: new Set([0, 1, 2]), anchor: 2, focus: 0 });
  });

  it('are not the grid keys without a page step (a grid that gives none keeps the browser scrolling), nor in an empty list', () => {
    const event = { key: 'End', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, repeat: false, target: GRID, currentTarget: GRID } as unknown as GridKeyEvent;
    expect(gridKey(event, { selection: ring(0), onChange: () => {}, onDelete: () => {}, onFavourite: () => {}, onArchive: () => {}, onRotate: () => {} }, 4, 10, () => {})).toBeNull();
    expect(jumpFocus(ring(null), 'End', PAGE, 0, false)).toBeNull();
    expect(jumpFocus(ring(0), 'Tab', PAGE, 10, false)).toBeNull();
  });

  it("in the timeline a page is a screen's height of rows across day headers, in the same column (a short row's last)", () => {
    // 3 columns; days of 7, 2 and 9 photos: rows [0-2][3-5][6] [7-8] [9-11][12-14][15-17].
    const layout = timelineLayout(3 * 174 + 6, [
      { day: '2024-03-05', count: 7 },
      { day: '2024-03-04', count: 2 },
      { day: '2024-03-03', count: 9 },
    ] as never);
    expect(layout.columns).toBe(3);
    const rowHeight = layout.rows[0]!.height;
    // A screen of 3 rows less the row left behind: rows whose top is within 2 rows' height and a
    // bit. From the first row the short row [6] (its only photo); from it, across the next day's
    // header (a row and a header away), [7-8]; back up, [6] again, then the first row.
    const page = timelinePageStep(layout, rowHeight * 3 + 10);
    expect(page(1, 1)).toBe(6);
    expect(page(4, 1)).toBe(6);
    expect(page(6, 1)).toBe(7);
    expect(page(7, -1)).toBe(6);
    expect(page(6, -1)).toBe(0);
    // Past the last row: the last photo; before the first: the first.
    expect(page(16, 1)).toBe(17);
    expect(page(1, -1)).toBe(0);
    // A screen shorter than a row still moves a row.
    expect(timelinePageStep(layout, 10)(1, 1)).toBe(4);
  });
});
