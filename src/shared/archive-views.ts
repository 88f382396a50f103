// Which timelines leave archived photos out: one rule for the engine, which filters them
// (core/api/timeline-api.ts), and the app, which clears a selection whose photos left its list.

import type { TimelineOptions } from './api';

/**
 * The library's own streams (All photos, Recently added, On this day) leave archived photos
 * out. The Archive shows only them, and a view the user narrowed on purpose (a folder, a tag,
 * the favourites, a place, the photos without one or far from any town, the videos, a description) keeps them, as Google Photos keeps archived
 * photos in albums.
 */
export function hidesArchived(options: Pick<TimelineOptions, 'archived' | 'folder' | 'tag' | 'favourite' | 'place' | 'withoutPlace' | 'farFromTowns' | 'videos' | 'described'>): boolean {
  return !options.archived && !options.folder && !options.tag && !options.favourite && options.place === undefined && !options.withoutPlace && !options.farFromTowns && !options.videos && options.described === undefined;
}
