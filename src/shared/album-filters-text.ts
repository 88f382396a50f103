// How an album's filters and an empty album read, in words the app's album header and the CLI's
// `albums show` / `albums list` share (one wording; each front end only picks how a folder and
// a day are written: the app a folder's name and a local date, the CLI the path and the ISO day).
import type { AlbumFilters } from './api';
import { addDays, isCalendarDay } from './calendar-day';

export interface FilterWording {
  /** A folder filter's path as shown; default: its last name. */
  folder?: (path: string) => string;
  /** A calendar day (YYYY-MM-DD) as shown; default: as written. */
  day?: (day: string) => string;
  /** A query as quoted; default: “…” (the app's), the CLI's "…". */
  quote?: (text: string) => string;
}

/** "in Holidays · tagged beach · favourites · taken in Italy · from 1 Jun 2021", or '' without filters. */
export function describeAlbumFilters(filters: AlbumFilters, wording: FilterWording = {}): string {
  const folder = wording.folder ?? lastName;
  const day = wording.day ?? ((d: string) => d);
  const parts: string[] = [];
  if (filters.folder) parts.push(`in ${folder(filters.folder)}`);
  if (filters.tag) parts.push(`tagged ${filters.tag}`);
  if (filters.favourite) parts.push('favourites');
  if (filters.place) parts.push(`taken in ${filters.place}`);
  // Calendar days on the camera's clock: shown as written, never moved into this machine's zone.
  if (filters.after !== undefined) parts.push(`from ${isCalendarDay(filters.after) ? day(filters.after) : dateText(filters.after)}`);
  // `before` is exclusive: a day bound ends with the day before it.
  if (filters.before !== undefined) parts.push(isCalendarDay(filters.before) ? `until ${day(addDays(filters.before, -1))}` : `before ${dateText(filters.before)}`);
  return parts.join(' · ');
}

/** A bound as text: a camera-clock time without its "T"; an instant (ending in Z) as UTC. */
export function dateText(bound: string): string {
  return bound.endsWith('Z') ? `${bound.slice(0, 16).replace('T', ' ')} UTC` : bound.replace('T', ' ');
}

/**
 * Why an album that works shows no photo, after its first word ("No photo…" in the app, "no
 * photo…" in the CLI): a hand-picked one has none added yet; a smart one has none matching its
 * query within its filters yet (photos indexed later join by themselves).
 */
export function emptyAlbumReason(album: { handPicked: boolean; query: string; filters: AlbumFilters }, wording: FilterWording = {}): string {
  if (album.handPicked) return 'photos in it yet';
  const filters = describeAlbumFilters(album.filters, wording);
  const quote = wording.quote ?? ((text: string) => `“${text}”`);
  return `photo matches ${quote(album.query)}${filters ? ` (${filters})` : ''} yet: photos indexed later join by themselves`;
}

function lastName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}
