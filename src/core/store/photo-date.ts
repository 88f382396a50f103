// The date of a photo: one rule for the timeline's days (api/timeline-index.ts) and the date
// filters (sql.ts for LanceDB, vector-rows.ts for the vector cache), so a photo shown under a
// day is the photo that day's filter finds (search, smart albums, exports, --after/--before).
//
// The date taken (takenAt: the camera's clock read as UTC, media/exif.ts), else the file's
// modification time (mtimeMs: an instant, UTC ms) read on the viewer's clock: shifted by the
// viewer's offset from UTC, the way the timeline shows it. As instants (a bound that names a
// zone), a photo is its clock less its EXIF offset (none: UTC), else its file time as it is.
import type { PhotoFilter, PhotoSummary } from './types';

const MINUTE = 60_000;

/** This machine's offset from UTC now, in minutes east: the viewer's clock where the core runs
 *  beside its front end (the command line; the app, whose window sends the same offset to the
 *  timeline: usePhotoSource). */
export function localUtcOffset(): number {
  return -new Date().getTimezoneOffset();
}

/** The largest offset from UTC a clock has (UTC+14), in minutes. */
export const MAX_UTC_OFFSET = 14 * 60;

/**
 * The clock a photo without a date taken is dated on: the viewer's, when the request names it,
 * else this machine's. The one default for the timeline's days, search's date filters and a
 * smart album's (which keeps the clock it was saved on: album-service.ts), so a front end that
 * names no clock still finds a photo under a day on the day the timeline shows it. This
 * machine's, not UTC: it is the viewer's where the core runs beside its front end (the
 * command line), and the clock albums saved before they kept one were always read on.
 */
export function fileTimeUtcOffset(named: number | undefined): number {
  const offset = named ?? localUtcOffset();
  if (!Number.isInteger(offset) || Math.abs(offset) > MAX_UTC_OFFSET) throw new Error(`utcOffset must be whole minutes within ±${MAX_UTC_OFFSET}, got ${offset}`);
  return offset;
}

/** The viewer's offset a filter reads file times on: its own, else this machine's (fileTimeUtcOffset). */
export function filterUtcOffset(filter: Pick<PhotoFilter, 'utcOffset'>): number {
  return fileTimeUtcOffset(filter.utcOffset);
}

/** The photo's date as a wall-clock time read as UTC: the date taken, else its file time on
 *  the clock `utcOffset` minutes east of UTC. */
export function photoDate(photo: Pick<PhotoSummary, 'takenAt' | 'mtimeMs'>, utcOffset: number): number {
  return dateOf(photo.takenAt, photo.mtimeMs, utcOffset);
}

/** photoDate of the columns as numbers (for the vector cache's filter: no object per row). */
export function dateOf(takenAt: number | null, mtimeMs: number, utcOffset: number): number {
  return takenAt ?? mtimeMs + utcOffset * MINUTE;
}

/** The instant the photo was taken: its clock less its EXIF offset (none: UTC), else its file time. */
export function instantOf(takenAt: number | null, takenOffset: number | null, mtimeMs: number): number {
  return takenAt === null ? mtimeMs : takenAt - (takenOffset ?? 0) * MINUTE;
}

/** photoDate over the photos table's columns, for a LanceDB filter: computed by the query
 *  engine from stored columns while it scans, no code of ours per row. */
export function photoDateSql(utcOffset: number): string {
  return `COALESCE(\`takenAt\`, \`mtimeMs\` + (${utcOffset * MINUTE}))`;
}

/** instantOf over the photos table's columns (takenOffset is an Int32: cast before the product). */
export const PHOTO_INSTANT_SQL = `COALESCE(\`takenAt\` - COALESCE(CAST(\`takenOffset\` AS DOUBLE), 0.0) * 60000.0, \`mtimeMs\`)`;
