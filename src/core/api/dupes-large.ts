// Which pictures of a duplicates report are too large to have been checked photo by photo
// (similar look-alikes chain into one picture of hundreds): trashing from one takes a warning
// and an explicit yes, in the app's review and in `shoebox dupes --trash` alike. Measured here
// once, on the picture both front ends show (the groups sharing a photo, each photo once:
// dupes-pictures.ts), never on one engine group: a similar group of 45 and a near group of 8
// sharing 3 photos are one picture of 50, reviewed (and trashed) as one.
import { LARGE_DUPLICATE_GROUP, type DuplicateKind } from '../../shared/api';
import { duplicatePicture, type PictureGroup } from '../../shared/duplicate-picture';
import { pictures } from './dupes-pictures';

type Group = PictureGroup<{ path: string }>;

export interface LargePicture {
  /** The picture's keeper (a path): the photo the front ends name the picture by. */
  keep: string;
  kinds: DuplicateKind[];
  /** Its photos, each once (LARGE_DUPLICATE_GROUP or more). */
  members: string[];
}

// Asked for on every page of the review; the groups array of a kept report never changes.
const largeOf = new WeakMap<readonly Group[], LargePicture[]>();

/** The pictures of `groups` with LARGE_DUPLICATE_GROUP photos or more, in the report's order. */
export function largePictures(groups: readonly Group[]): LargePicture[] {
  const known = largeOf.get(groups);
  if (known) return known;
  const large = pictures(groups).flatMap((set): LargePicture[] => {
    const picture = duplicatePicture(set, (m) => m.path);
    return picture.members.length >= LARGE_DUPLICATE_GROUP ? [{ keep: picture.keep, kinds: picture.kinds, members: picture.members.map((m) => m.path) }] : [];
  });
  largeOf.set(groups, large);
  return large;
}
