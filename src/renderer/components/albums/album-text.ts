// How an album's settings read in its header: how many photos (videos said apart), the threshold in effect and the filters (worded
// by the shared function the CLI's `albums show` uses too: src/shared/album-filters-text.ts).
import type { AlbumFilters, AlbumInfo } from '../../../shared/api';
import { describeAlbumFilters, emptyAlbumReason } from '../../../shared/album-filters-text';
import { itemsText } from '../../../shared/count-text';
import { excludedMatchesText } from '../../../shared/excluded-matches-text';
import { baseName, formatCount } from '../../lib/format';

/** How many photos the album holds now, its videos said apart as the CLI says them: "4 photos, 1 video". */
export function albumCountText(album: Pick<AlbumInfo, 'members' | 'videos'>): string {
  return itemsText(album.members, album.videos ?? 0, formatCount);
}

export function describeThreshold(album: Pick<AlbumInfo, 'threshold' | 'thresholdAutomatic'>): string {
  return album.thresholdAutomatic ? `automatic threshold (${album.threshold.toFixed(3)} now)` : `threshold ${album.threshold.toFixed(3)}`;
}

/** A calendar day in this machine's way of writing dates, on the camera's clock (no zone moves it). */
const localDay = (text: string) => new Date(`${text}T00:00:00Z`).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "in Holidays · tagged beach · favourites · taken in Italy · from 1 Jun 2021", or '' without filters. */
export function describeFilters(filters: AlbumFilters): string {
  return describeAlbumFilters(filters, { folder: baseName, day: localDay });
}

/**
 * What the album view says when it shows no photo: a broken album's reason (the core's, in
 * the app's words), else why it is empty (the CLI says the same).
 */
export function emptyAlbumText(album: Pick<AlbumInfo, 'name' | 'handPicked' | 'query' | 'filters' | 'error' | 'excludedMatches'>): string {
  if (album.error !== undefined) return `“${album.name}” can hold no photo now: ${album.error}. Edit the album to mend it, or delete it.`;
  if (album.handPicked) return 'No photos in it yet: select photos anywhere, then Album… to add them.';
  // Its matches are all excluded by hand (the CLI says the same, with its command to put one back).
  if (album.excludedMatches) return `No photo to show: ${excludedMatchesText(album.excludedMatches)} (Excluded puts ${album.excludedMatches === 1 ? 'it' : 'them'} back).`;
  return `No ${emptyAlbumReason(album, { folder: baseName, day: localDay })}.`;
}
