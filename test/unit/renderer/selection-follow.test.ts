// A selection follows its photos into the same list refreshed (another device's commit, the
// watcher's batch): by id, wherever they now sit; one gone or never loaded leaves it.
import { describe, expect, it } from 'vitest';
import { followSelection, selectedIds, type Selection, type SelectionList } from '../../../src/renderer/lib/selection';

const list = (ids: string[]): SelectionList => ({ get: (i) => (ids[i] === undefined ? undefined : { id: ids[i]! }), indexOf: (id) => ids.indexOf(id) });

describe('followSelection', () => {
  const before = list(['a', 'b', 'c', 'd']);
  const selection: Selection = { indices: new Set([1, 3]), anchor: 1, focus: 3 };

  it('keeps the same photos selected when photos arrive above them', () => {
    const followed = followSelection(selection, selectedIds(selection, before), before, list(['x', 'y', 'a', 'b', 'c', 'd']));
    expect([...followed.selection.indices].sort()).toEqual([3, 5]);
    expect(followed.selection).toMatchObject({ anchor: 3, focus: 5 });
    expect(followed.unfound).toEqual([]);
  });

  it('says which photos the new list has not shown, and drops those never known', () => {
    const partly = list(['a', 'b']);
    const followed = followSelection({ indices: new Set([1, 3, 9]), anchor: null, focus: 3 }, new Map(), before, list(['b', 'c']));
    expect([...followed.selection.indices]).toEqual([0]);
    expect(followed.unfound).toEqual([{ id: 'd', index: 3 }]);
    expect(followed.selection.focus).toBeNull();
    // Ids recorded as the photos were selected win over the old list's pages.
    expect(followSelection({ indices: new Set([0]), anchor: null, focus: null }, new Map([[0, 'b']]), partly, list(['b'])).selection.indices).toEqual(new Set([0]));
  });
});
