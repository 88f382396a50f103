import { describe, expect, it } from 'vitest';
import { allSelected, clickSelect, dayState, moveFocus, NO_SELECTION, selectAll, selectedIndices, toggle, toggleRange } from '../../../src/renderer/lib/selection';
import { timelineLayout } from '../../../src/renderer/lib/timeline-layout';

const plain = { shift: false, toggle: false };
const shift = { shift: true, toggle: false };
const ctrl = { shift: false, toggle: true };

describe('grid selection', () => {
  it('a click selects one photo, ctrl/cmd-click adds or removes, shift-click selects the range from the anchor', () => {
    let s = clickSelect(NO_SELECTION, 3, plain);
    expect(selectedIndices(s)).toEqual([3]);
    s = clickSelect(s, 7, ctrl);
    expect(selectedIndices(s)).toEqual([3, 7]);
    s = clickSelect(s, 10, shift);
    // The anchor moved to 7 with the ctrl-click: 7..10 replaces the selection.
    expect(selectedIndices(s)).toEqual([7, 8, 9, 10]);
    s = clickSelect(s, 5, { shift: true, toggle: true });
    // Shift with ctrl/cmd keeps what was selected and adds the range.
    expect(selectedIndices(s)).toEqual([5, 6, 7, 8, 9, 10]);
    s = clickSelect(s, 8, ctrl);
    expect(selectedIndices(s)).toEqual([5, 6, 7, 9, 10]);
    expect(selectedIndices(clickSelect(s, 2, plain))).toEqual([2]);
  });

  it('select all takes the whole list; space toggles the focused photo', () => {
    expect(selectedIndices(selectAll(NO_SELECTION, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(selectAll(NO_SELECTION, 0).indices.size).toBe(0);
    const s = toggle(toggle(NO_SELECTION, 4), 4);
    expect(s.indices.size).toBe(0);
    expect(s.focus).toBe(4);
  });

  it('arrow keys move the focus by a photo or a row, inside the list; shift extends', () => {
    let s = moveFocus(NO_SELECTION, 'ArrowRight', 4, 10, false)!;
    expect(s.focus).toBe(0);
    s = moveFocus(s, 'ArrowDown', 4, 10, false)!;
    expect(s.focus).toBe(4);
    s = moveFocus(s, 'ArrowDown', 4, 10, false)!;
    expect(s.focus).toBe(8);
    s = moveFocus(s, 'ArrowDown', 4, 10, false)!;
    expect(s.focus).toBe(9);
    expect(s.indices.size).toBe(0);
    s = toggle(s, 9);
    s = moveFocus(s, 'ArrowLeft', 4, 10, true)!;
    s = moveFocus(s, 'ArrowLeft', 4, 10, true)!;
    expect(selectedIndices(s)).toEqual([7, 8, 9]);
    expect(moveFocus(s, 'Enter', 4, 10, false)).toBeNull();
  });

  it("a day header's check selects that day's photos beside the others, and again unselects them", () => {
    // Three days of 2, 3 and 1 photos: the layout says where each day's photos are.
    const days = timelineLayout(1000, [{ day: '2024-01-03', count: 2 }, { day: '2024-01-02', count: 3 }, { day: '2024-01-01', count: 1 }]).items.flatMap((i) => (i.kind === 'day' ? [i] : []));
    expect(days.map((d) => [d.first, d.count])).toEqual([[0, 2], [2, 3], [5, 1]]);
    let s = clickSelect(NO_SELECTION, 0, plain);
    s = toggleRange(s, days[1]!.first, days[1]!.count);
    expect(selectedIndices(s)).toEqual([0, 2, 3, 4]);
    expect(allSelected(s, 2, 3)).toBe(true);
    s = toggle(s, 3); // one photo of the day out: the day's check adds it back, not the rest out
    s = toggleRange(s, 2, 3);
    expect(selectedIndices(s)).toEqual([0, 2, 3, 4]);
    s = toggleRange(s, 2, 3);
    expect(selectedIndices(s)).toEqual([0]);
    expect(allSelected(s, 0, 0)).toBe(false); // an empty day is never "all selected"
    expect([dayState(s, 0, 2), dayState(s, 2, 3), dayState(toggle(s, 1), 0, 2)]).toEqual(['some', 'none', 'all']);
  });
});
