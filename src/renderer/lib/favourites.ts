// Favourites in words, and the one-photo state the viewer shows while its write is on the
// way: the same sentences on the selection bar and in the viewer (the shared mark logic is
// lib/marks.ts, which the archive uses too).
import type { BatchResult, Photo } from '../../shared/api';
import { markResultText, shownMark, type MarkOverrides } from './marks';

export { revertOverride, withOverride } from './marks';

/** What a batch favourite change did: "Added 2 photos to favourites. 1 photo already was." (and the ones gone). */
export function favouritesResultText(result: BatchResult, favourite: boolean): string {
  return markResultText(
    result,
    (photos) => (favourite ? `Added ${photos} to favourites.` : `Removed ${photos} from favourites.`),
    // `items` says the videos apart ("1 photo, 1 video"), as the line before it does.
    (n, items) => (favourite ? `${items} already ${n === 1 ? 'was' : 'were'}.` : `${items} ${n === 1 ? 'was not a favourite' : 'were not favourites'}.`),
  );
}

/** The hearts set here and not yet seen in the listing (photo id → favourite). */
export type FavouriteOverrides = MarkOverrides;

/** Whether the photo shows as a favourite: what was set here last, else what the library said. */
export function shownFavourite(photo: Pick<Photo, 'id' | 'favourite'>, overrides: FavouriteOverrides): boolean {
  return shownMark(photo.id, photo.favourite === true, overrides);
}
