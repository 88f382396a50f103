// The selected photos as an action gets them, and where a refreshed list is searched for them.
// A selection names places in a list; the photos there may change under it (another device's
// commit adds photos above, the watcher removes one), so each is checked against the id it had
// when selected, and looked for where it moved: an action never gets a photo not selected.
import type { Photo } from '../../shared/api';
import { PAGE_SIZE } from './paged-photos';
import { selectedIndices, type Selection, type SelectionList, type UnfoundPhoto } from './selection';

/** The grid's photos as the selection follows them (PagedPhotos). */
export interface FollowedList extends SelectionList {
  get(index: number): Photo | undefined;
  /** True once its first page has answered: until then it shows the list it refreshes. */
  readonly settled: boolean;
  readonly count: number;
  /** Loads the pages of these indices. */
  resolve(indices: readonly number[]): Promise<unknown>;
}

/** A refreshed list as long as this is loaded whole to find the selected photos it has not shown yet. */
const FIND_IN_PAGES = 10;

/**
 * The photos `selection` names in `list`: at its position where the photo there is still the
 * one selected, else wherever it now sits (the pages around it loaded), else left out. A
 * position whose photo was never loaded when selected (select-all) is taken as it is only in
 * the very list it was made in (`sameList`).
 */
export async function photosOf(selection: Selection, ids: ReadonlyMap<number, string>, sameList: boolean, list: FollowedList): Promise<Photo[]> {
  const wanted = selectedIndices(selection);
  await list.resolve(wanted);
  const photos: Photo[] = [];
  const lost: UnfoundPhoto[] = [];
  for (const index of wanted) {
    const id = ids.get(index);
    const there = list.get(index);
    if (there && (id === undefined ? sameList : there.id === id)) photos.push(there);
    else if (id !== undefined) lost.push({ id, index });
  }
  if (lost.length === 0) return photos;
  await list.resolve(pagesToSearch(lost, list.count, list.count));
  for (const { id } of lost) {
    const at = list.indexOf(id);
    const photo = at >= 0 ? list.get(at) : undefined;
    if (photo) photos.push(photo);
  }
  return photos;
}

/** The first index of each page where the photos not found may now be: the whole list when it
 *  is short, else each one's page before and after the list grew or shrank. */
export function pagesToSearch(unfound: readonly UnfoundPhoto[], oldCount: number, newCount: number): number[] {
  if (newCount <= FIND_IN_PAGES * PAGE_SIZE) return Array.from({ length: Math.ceil(newCount / PAGE_SIZE) }, (_, page) => page * PAGE_SIZE);
  const starts = new Set<number>();
  for (const { index } of unfound) {
    for (const at of [index, index + newCount - oldCount]) {
      if (at >= 0 && at < newCount) starts.add(Math.floor(at / PAGE_SIZE) * PAGE_SIZE);
    }
  }
  return [...starts];
}
