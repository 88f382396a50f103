import { describe, expect, it } from 'vitest';
import { clickSelect, moveFocus, NO_SELECTION, selectAll, selectedIndices, toggle } from '../../../src/renderer/lib/selection';

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
});
