// How an album's settings read in its header: the threshold in effect and the filters.
import type { AlbumFilters, AlbumInfo } from '../../../shared/api';
import { addDays, isCalendarDay } from '../../../shared/calendar-day';
import { baseName } from '../../lib/format';
import { dateText } from './album-form';

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
  // Calendar days on the camera's clock: shown as written, never moved into this machine's zone.
  const day = (text: string) => new Date(`${text}T00:00:00Z`).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
  if (filters.after !== undefined) parts.push(`from ${isCalendarDay(filters.after) ? day(filters.after) : dateText(filters.after)}`);
  // `before` is exclusive: a day bound ends with the day before it.
  if (filters.before !== undefined) parts.push(isCalendarDay(filters.before) ? `until ${day(addDays(filters.before, -1))}` : `before ${dateText(filters.before)}`);
  return parts.join(' · ');
}
