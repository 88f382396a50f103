// The photo grid's keys (useGridKeys' gridKey), without a page: from a tile's own button,
// reached with Tab or "Skip to photos" while the focus ring was elsewhere (or nowhere), every
// key acts from that tile (→ from the 4th tile went to the first photo, or stayed put); from
// the grid itself, from the ring, as before; a field or "More like this" keeps Space and Enter.
import { describe, expect, it } from 'vitest';
import { gridKey, type GridKeyEvent, type GridSelection } from '../../../src/renderer/hooks/useGridKeys';
import { NO_SELECTION, type Selection } from '../../../src/renderer/lib/selection';

const GRID = { tagName: 'DIV', classList: { contains: () => false }, closest: () => null };

/** A tile's button (`kind`: its class) in the tile of `index`. */
function tileButton(index: number, kind: 'tile__open' | 'tile__check' | 'tile__similar') {
  const tile = { dataset: { index: String(index) } };
  return { tagName: 'BUTTON', classList: { contains: (c: string) => c === kind }, closest: (s: string) => (s === '.tile' ? tile : null) };
}

const FIELD = { tagName: 'INPUT', classList: { contains: () => false }, closest: () => null };

function press(key: string, target: object, selection: Selection, more: Partial<GridKeyEvent> = {}) {
  const changes: Selection[] = [];
  const opened: number[] = [];
  const acts: string[] = [];
  const grid: GridSelection = {
    selection,
    onChange: (s) => changes.push(s),
    onDelete: () => acts.push('delete'),
    onFavourite: () => acts.push('favourite'),
    onArchive: () => acts.push('archive'),
    onRotate: (turns) => acts.push(`rotate ${turns}`),
  };
  const event = { key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, repeat: false, target, currentTarget: GRID, ...more } as unknown as GridKeyEvent;
  const outcome = gridKey(event, grid, 4, 12, (i) => opened.push(i));
  return { outcome, changes, opened, acts, focus: changes.at(-1)?.focus };
}

const ringOn = (focus: number | null, indices: number[] = []): Selection => ({ indices: new Set(indices), anchor: indices[0] ?? null, focus });

describe('grid keys from a tile reached with Tab', () => {
  it("→ from the 4th tile's open button goes to the 5th, wherever the ring was (or with none)", () => {
    expect(press('ArrowRight', tileButton(3, 'tile__open'), NO_SELECTION)).toMatchObject({ outcome: 'moved', focus: 4 });
    expect(press('ArrowRight', tileButton(3, 'tile__open'), ringOn(0))).toMatchObject({ outcome: 'moved', focus: 4 });
    // Right after "Skip to photos" (the first tile, no ring yet): → is the second photo.
    expect(press('ArrowRight', tileButton(0, 'tile__open'), NO_SELECTION)).toMatchObject({ outcome: 'moved', focus: 1 });
  });

  it('every arrow, from the open button, the check or "More like this", steps from that tile', () => {
    expect(press('ArrowLeft', tileButton(5, 'tile__check'), ringOn(0)).focus).toBe(4);
    expect(press('ArrowDown', tileButton(5, 'tile__open'), ringOn(0)).focus).toBe(9);
    expect(press('ArrowUp', tileButton(5, 'tile__similar'), ringOn(11)).focus).toBe(1);
  });

  it('shift+arrow extends the selection from its anchor to the tile beyond the focused one', () => {
    const { changes } = press('ArrowRight', tileButton(3, 'tile__open'), ringOn(0, [2]), { shiftKey: true });
    expect([...changes[0]!.indices].sort()).toEqual([2, 3, 4]);
    expect(changes[0]!.focus).toBe(4);
  });

  it('Space selects and Enter opens the tile whose button has the focus; "More like this" keeps them', () => {
    const space = press(' ', tileButton(6, 'tile__open'), ringOn(1));
    expect(space.outcome).toBe('acted');
    expect([...space.changes[0]!.indices]).toEqual([6]);
    expect(press('Enter', tileButton(6, 'tile__check'), ringOn(1)).opened).toEqual([6]);
    expect(press(' ', tileButton(6, 'tile__similar'), ringOn(1)).outcome).toBeNull();
    expect(press('Enter', tileButton(6, 'tile__similar'), ringOn(1)).outcome).toBeNull();
  });

  it("the selection's keys act from a tile's button as from the grid; Escape clears", () => {
    const selected = ringOn(2, [2, 3]);
    expect(press('Delete', tileButton(7, 'tile__open'), selected).acts).toEqual(['delete']);
    expect(press('f', tileButton(7, 'tile__open'), selected).acts).toEqual(['favourite']);
    expect(press('A', tileButton(7, 'tile__open'), selected, { shiftKey: true }).acts).toEqual(['archive']);
    expect(press('R', tileButton(7, 'tile__open'), selected, { shiftKey: true }).acts).toEqual(['rotate -1']);
    const escape = press('Escape', tileButton(7, 'tile__open'), selected);
    expect(escape.changes[0]!.indices.size).toBe(0);
    expect(press('a', tileButton(7, 'tile__open'), NO_SELECTION, { ctrlKey: true }).changes[0]!.indices.size).toBe(12);
  });

  it('from the grid itself the ring moves as before (the first arrow puts it on the first photo); a field is never the grid', () => {
    expect(press('ArrowRight', GRID, NO_SELECTION).focus).toBe(0);
    expect(press('ArrowRight', GRID, ringOn(3)).focus).toBe(4);
    expect(press('Enter', GRID, ringOn(3)).opened).toEqual([3]);
    expect(press('ArrowRight', FIELD, ringOn(3)).outcome).toBeNull();
    expect(press('Tab', tileButton(3, 'tile__open'), ringOn(3)).outcome).toBeNull();
  });
});
