// What an empty grid says, by view: why nothing is there, and how something gets there.
import { EMPTY_ARCHIVE_TEXT } from './archive';
import type { View } from './view';

export function emptyViewText(view: View): string {
  if (view.kind !== 'library') return 'Nothing matched.';
  if (view.archived) return EMPTY_ARCHIVE_TEXT;
  if (view.favourites) return 'No favourites yet: press F in the viewer, or select photos and choose Favourite.';
  if (view.onThisDay) return 'No photos from this day in earlier years.';
  if (view.place !== undefined) return `No photos taken in ${view.place} (any more).`;
  if (view.withoutPlace) return 'Every photo has a place.';
  if (view.videos) return 'No videos in the library (any more).';
  if (view.described !== undefined) return `No photo is described as “${view.described}” (any more).`;
  return 'No photos here yet: indexing shows them as it goes.';
}
