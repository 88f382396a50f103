// An album's date bounds: the date text search's --after/--before take (src/core/search/dates.ts,
// the one parser), kept in one canonical form. A day (what the app's editor and most command
// lines give) is the camera's calendar day, so an album made on a machine in New York and edited
// in Berlin keeps the same days. `after` is inclusive, `before` exclusive, as in search.
//
// Albums stored before kept epoch ms instead (legacyAlbumDate reads them; the row is not
// rewritten on read).
//
// A photo without a date taken is dated by its file's time on a viewer's clock (photo-date.ts).
// An album keeps the clock it was saved on (`utcOffset`: the app's window's, the command
// line's machine's), rather than taking each reader's: an album is one set of photos, the
// same in the app, in `shoebox albums`, in an export, and for its owner after a flight to
// another zone, as it was in the timeline where it was made. The price: a file-dated photo
// within hours of midnight can sit on a neighbouring day in the timeline of a viewer in
// another zone (or after a change to summer time) until the album is saved there again.
// Albums saved without a clock (before they kept one, or by a caller naming none) read their
// file times on the engine machine's clock, the core's one default.
import type { PhotoFilter } from '../store/types';
import { dateBound } from '../search/dates';
import { QueryError } from '../search/query-error';
import { MAX_UTC_OFFSET } from '../store/photo-date';

/**
 * The date as an album keeps it: `2024-03-07` for the start of a camera-clock day (`2024`,
 * `2024-03` and `2024-03-07T00:00` all are), `2024-03-07T14:30` for another camera-clock time,
 * an ISO instant ending in Z for a date that named a zone. QueryError when it is not a date.
 */
export function albumDate(text: string, option: string): string {
  const { ms, instant } = dateBound(text, option);
  const iso = new Date(ms).toISOString();
  return instant ? iso : cameraClockText(iso);
}

/**
 * A bound stored as epoch ms by an earlier version, as date text meaning the day it was made for.
 * The command line stored the camera-clock day's start (a UTC midnight); the app's editor stored
 * midnight in the time zone of the machine it ran on, read here as that day where it is midnight
 * in this machine's zone too (the app and its library on one machine). Anything else (a time
 * given on the command line) is kept to the millisecond as a camera-clock time.
 */
export function legacyAlbumDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  const local = new Date(ms);
  if (local.getHours() === 0 && local.getMinutes() === 0 && local.getSeconds() === 0 && local.getMilliseconds() === 0) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
  }
  return cameraClockText(iso);
}

/** The store's date filter for an album's bounds (camera clock against takenAt, instants against each photo's instant). */
export function dateScope(filters: { after?: string; before?: string; utcOffset?: number }): Pick<PhotoFilter, 'takenFrom' | 'takenBefore' | 'takenFromInstant' | 'takenBeforeInstant' | 'utcOffset'> {
  const out: Pick<PhotoFilter, 'takenFrom' | 'takenBefore' | 'takenFromInstant' | 'takenBeforeInstant' | 'utcOffset'> = {};
  // The album's clock for file times; absent: the store's default (photo-date.ts).
  if (filters.utcOffset !== undefined) out.utcOffset = filters.utcOffset;
  if (filters.after !== undefined) {
    const after = dateBound(filters.after, '--after');
    out[after.instant ? 'takenFromInstant' : 'takenFrom'] = after.ms;
  }
  if (filters.before !== undefined) {
    const before = dateBound(filters.before, '--before');
    out[before.instant ? 'takenBeforeInstant' : 'takenBefore'] = before.ms;
  }
  return out;
}

/** Both bounds as an album keeps them (albumDate), with the clock they read file times on when
 *  there is a bound (none: nothing reads it, and it is not kept); QueryError for one that is not a date. */
export function canonicalDates<F extends { after?: string; before?: string; utcOffset?: number }>(filters: F): F {
  const out = { ...filters };
  if (out.after !== undefined) out.after = albumDate(out.after, '--after');
  if (out.before !== undefined) out.before = albumDate(out.before, '--before');
  if (out.after === undefined && out.before === undefined) delete out.utcOffset;
  else if (out.utcOffset !== undefined && (!Number.isInteger(out.utcOffset) || Math.abs(out.utcOffset) > MAX_UTC_OFFSET)) {
    throw new QueryError(`utcOffset must be whole minutes within ±${MAX_UTC_OFFSET}, got ${out.utcOffset}`);
  }
  return out;
}

/** Whether the bounds leave no time between them (`after` not earlier than `before`). */
export function emptyDateRange(filters: { after?: string; before?: string }): boolean {
  if (filters.after === undefined || filters.before === undefined) return false;
  const after = dateBound(filters.after, '--after');
  const before = dateBound(filters.before, '--before');
  // A camera-clock time and an instant cannot be compared without each photo's zone.
  return after.instant === before.instant && after.ms >= before.ms;
}

/** A camera-clock ISO time (its Z dropped: no zone) as short as it reads back the same. */
function cameraClockText(iso: string): string {
  const clock = iso.slice(0, -1); // YYYY-MM-DDTHH:MM:SS.sss
  if (clock.endsWith('T00:00:00.000')) return clock.slice(0, 10);
  if (clock.endsWith(':00.000')) return clock.slice(0, 16);
  if (clock.endsWith('.000')) return clock.slice(0, 19);
  return clock;
}
