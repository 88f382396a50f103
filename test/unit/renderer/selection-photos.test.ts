// An action (Favourite, Trash, Date…) gets exactly the photos the user selected, even when the
// list changed under the selection before the action ran: checked by the id each had when
// selected, looked for where it moved, left out when gone; never the photo now at its place.
import { describe, expect, it } from 'vitest';
import type { Photo } from '../../../src/shared/api';
import { photosOf, type FollowedList } from '../../../src/renderer/lib/selection-photos';
import type { Selection } from '../../../src/renderer/lib/selection';

/** A list whose pages are all on the server: only `loaded` ones answer get() until resolve(). */
function list(ids: string[], settled = true): FollowedList & { loads: number } {
  const loaded = new Set<number>();
  const photo = (id: string) => ({ id, path: `/p/${id}.jpg` }) as Photo;
  return {
    loads: 0,
    settled,
    count: ids.length,
    get: (i) => (loaded.has(i) && ids[i] !== undefined ? photo(ids[i]!) : undefined),
    indexOf: (id) => {
      const at = ids.indexOf(id);
      return loaded.has(at) ? at : -1;
    },
    async resolve(indices) {
      this.loads++;
      // Pages of 200: every index of each asked page.
      for (const i of indices) for (let j = Math.floor(i / 200) * 200; j < Math.min(ids.length, Math.floor(i / 200) * 200 + 200); j++) loaded.add(j);
    },
  };
}

const selected = (...indices: number[]): Selection => ({ indices: new Set(indices), anchor: null, focus: null });
const ids = (photos: Photo[]) => photos.map((p) => p.id).sort();

describe('the selected photos an action gets', () => {
  it('are those selected, in the list they were selected in', async () => {
    expect(ids(await photosOf(selected(1, 3), new Map([[1, 'b'], [3, 'd']]), true, list(['a', 'b', 'c', 'd'])))).toEqual(['b', 'd']);
  });

  it('are still those selected after photos arrived above them, not the photos now at their places', async () => {
    // Selected b and d; then another device's commit put x and y on top (the list refreshed).
    const refreshed = list(['x', 'y', 'a', 'b', 'c', 'd']);
    expect(ids(await photosOf(selected(1, 3), new Map([[1, 'b'], [3, 'd']]), false, refreshed))).toEqual(['b', 'd']);
  });

  it('leave out a selected photo gone from the list meanwhile', async () => {
    expect(ids(await photosOf(selected(1, 3), new Map([[1, 'b'], [3, 'd']]), false, list(['a', 'c', 'd'])))).toEqual(['d']);
  });

  it('find a photo that moved to a page not loaded yet', async () => {
    const many = Array.from({ length: 450 }, (_, i) => `n${i}`);
    // d was at 3; 300 photos arrived above it: it is on the second page now.
    expect(ids(await photosOf(selected(3), new Map([[3, 'd']]), false, list([...many.slice(0, 300), 'a', 'b', 'c', 'd'])))).toEqual(['d']);
  });

  it('take a position never loaded when selected (select-all) only in the very list it was made in', async () => {
    const now = list(['a', 'b', 'c']);
    expect(ids(await photosOf(selected(0, 2), new Map([[0, 'a']]), true, now))).toEqual(['a', 'c']);
    expect(ids(await photosOf(selected(0, 2), new Map([[0, 'a']]), false, list(['z', 'a', 'b', 'c'])))).toEqual(['a']);
  });
});
