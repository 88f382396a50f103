// How an album's settings read in its header: the threshold in effect and the filters.
import type { AlbumFilters, AlbumInfo } from '../../../shared/api';
import { baseName } from '../../lib/format';

export function describeThreshold(album: Pick<AlbumInfo, 'threshold' | 'thresholdAutomatic'>): string {
  return album.thresholdAutomatic ? `automatic threshold (${album.threshold.toFixed(3)} now)` : `threshold ${album.threshold.toFixed(3)}`;
}

/** "in Holidays · tagged beach · favourites · taken in Italy · from 1 Jun 2021", or '' without filters. */
export function describeFilters(filters: AlbumFilters): string {
  const parts: string[] = [];
  if (filters.folder) parts.push(`in ${baseName(filters.folder)}`);
  if (filters.tag) parts.push(`tagged ${filters.tag}`);
  if (filters.favourite) parts.push('favourites');
  if (filters.place) parts.push(`taken in ${filters.place}`);
  const day = (ms: number) => new Date(ms).toLocaleDateString(undefined, { dateStyle: 'medium' });
  if (filters.after !== undefined) parts.push(`from ${day(filters.after)}`);
  // `before` is exclusive: the editor stores the day after the last day chosen.
  if (filters.before !== undefined) parts.push(`until ${day(filters.before - 1)}`);
  return parts.join(' · ');
}
