// The photos a place filter names (search's --place, an album's place, the timeline's place
// views): resolved against the library's located photos, by content hash like the tag and
// favourites filters, so the filters combine by intersecting.
import { locatedPhotos, type LocatedStore } from './located-photos';
import { placeMatcher } from './place-query';

/** The content hashes of the photos taken at `place`; null when `place` names nothing (empty). */
export async function hashesTakenAt(store: LocatedStore, place: string): Promise<Set<string> | null> {
  const test = placeMatcher(place);
  if (!test) return null;
  const { located } = await locatedPhotos(store);
  const hashes = new Set<string>();
  for (const { photo, place: at } of located) if (test(at)) hashes.add(photo.hash);
  return hashes;
}
