// Favourites in words, and the one-photo state the viewer shows while its write is on the
// way: the same sentences on the selection bar and in the viewer, and a pure function for
// "what the heart shows" so the optimistic toggle can be tested without a page.
import type { BatchResult, Photo } from '../../shared/api';
import { formatCount, goneText } from './format';

/** What a batch favourite change did: "Added 3 photos to favourites." (and the ones gone). */
export function favouritesResultText(result: BatchResult, favourite: boolean): string {
  const done = favourite ? `Added ${formatCount(result.done, 'photo')} to favourites.` : `Removed ${formatCount(result.done, 'photo')} from favourites.`;
  // Selected photos that left the library meanwhile (deleted, moved out): said, not an error.
  return `${done}${goneText(result.missing)}`;
}

/** The hearts set here and not yet seen in the listing (photo id → favourite). */
export type FavouriteOverrides = ReadonlyMap<string, boolean>;

/** Whether the photo shows as a favourite: what was set here last, else what the library said. */
export function shownFavourite(photo: Pick<Photo, 'id' | 'favourite'>, overrides: FavouriteOverrides): boolean {
  return overrides.get(photo.id) ?? photo.favourite === true;
}

/** `overrides` with the photo set to `favourite` (a new map: React state). */
export function withOverride(overrides: FavouriteOverrides, id: string, favourite: boolean): Map<string, boolean> {
  return new Map(overrides).set(id, favourite);
}

/** `overrides` with the photo's entry put back to `previous` (undefined: no entry), after a failed write. */
export function revertOverride(overrides: FavouriteOverrides, id: string, previous: boolean | undefined): Map<string, boolean> {
  const next = new Map(overrides);
  if (previous === undefined) next.delete(id);
  else next.set(id, previous);
  return next;
}
