// A photo's date is one rule (src/core/store/photo-date.ts): the date filters find, on a real
// LanceDB table and in the vector cache's rows, exactly the photos the timeline shows under a
// day, for the same viewer: a photo without a date taken by its file time on the viewer's clock.
import { describe, expect, it } from 'vitest';
import { daysOf, entryOf } from '../../../src/core/api/timeline-index';
import { allocRows, compileFilter } from '../../../src/core/store/vector-rows';
import type { PhotoFilter, PhotoRecord } from '../../../src/core/store/types';
import { MODEL, openStore, photo, tempLibraryDir, unit } from './store-helpers';

const DAY = 86_400_000;
const Z = (iso: string) => Date.parse(`${iso}Z`);

const PHOTOS: PhotoRecord[] = [
  // No date taken; the file written at 02:00 UTC on 8 Dec: 7 Dec in New York, 8 Dec in UTC and Berlin.
  photo('/lib/scan-night.png', { takenAt: null, mtimeMs: Z('2025-12-08T02:00:00') + 0.5 }),
  // No date taken; 23:30 UTC on 7 Dec: 7 Dec in New York and UTC, 8 Dec in Berlin.
  photo('/lib/scan-evening.png', { takenAt: null, mtimeMs: Z('2025-12-07T23:30:00') }),
  // Taken 23:30 on 7 Dec by the camera's clock: 7 Dec for every viewer.
  photo('/lib/camera.jpg', { takenAt: Z('2025-12-07T23:30:00'), takenOffset: 60, mtimeMs: Z('2026-01-05T00:00:00') }),
  photo('/lib/older.jpg', { takenAt: Z('2025-12-06T12:00:00'), mtimeMs: Z('2025-12-08T12:00:00') }),
];

/** The timeline's days for a viewer, each with the photos it shows under it. */
function timelineDays(utcOffset: number): Map<string, string[]> {
  const entries = PHOTOS.map((p) => entryOf(p, 'taken', utcOffset));
  const days = new Map<string, string[]>();
  for (const { day } of daysOf([...entries].sort((a, b) => b.date - a.date))) {
    days.set(day, entries.filter((e) => new Date(e.date).toISOString().slice(0, 10) === day).map((e) => e.path).sort());
  }
  return days;
}

/** The vector cache's rows of PHOTOS (only the columns its date filter reads matter). */
function cacheRows() {
  const rows = allocRows(PHOTOS.length, MODEL.dimension);
  PHOTOS.forEach((p, i) => {
    rows.paths[i] = p.path;
    rows.takenAt[i] = p.takenAt ?? Number.NaN;
    rows.takenOffset[i] = p.takenOffset ?? Number.NaN;
    rows.mtimeMs[i] = p.mtimeMs;
  });
  return rows;
}

describe('date filters agree with the timeline', () => {
  it.each([
    ['New York (UTC-5)', -300],
    ['UTC', 0],
    ['Berlin (UTC+1)', 60],
  ])('for a viewer in %s, each day of the timeline is what that day\'s filter finds', async (_zone, utcOffset) => {
    const store = await openStore(tempLibraryDir());
    await store.upsertPhotos(PHOTOS);
    const rows = cacheRows();
    const days = timelineDays(utcOffset);
    expect(days.size).toBeGreaterThan(1);
    for (const [day, shown] of days) {
      const filter: PhotoFilter = { takenFrom: Z(`${day}T00:00:00`), takenBefore: Z(`${day}T00:00:00`) + DAY, utcOffset };
      const found = await store.searchVectors({ vector: unit(1, 0, 0, 0), limit: 100, exact: true, ...filter });
      expect(found.map((h) => h.path).sort(), `${day} in the store`).toEqual(shown);
      expect(await store.countPhotos(filter)).toBe(shown.length);
      const admit = compileFilter(filter)!;
      expect(rows.paths.filter((_, i) => admit(rows, i)).sort(), `${day} in the vector cache`).toEqual(shown);
    }
  });

  it('finds a file-dated photo on its day for that viewer and not on the next day', async () => {
    const store = await openStore(tempLibraryDir());
    await store.upsertPhotos(PHOTOS);
    const on = (day: string, utcOffset: number) => store.searchVectors({ vector: unit(1, 0, 0, 0), limit: 100, exact: true, takenFrom: Z(`${day}T00:00:00`), takenBefore: Z(`${day}T00:00:00`) + DAY, utcOffset });
    const names = async (hits: Promise<{ path: string }[]>) => (await hits).map((h) => h.path).sort();
    expect(await names(on('2025-12-07', -300))).toEqual(['/lib/camera.jpg', '/lib/scan-evening.png', '/lib/scan-night.png']);
    expect(await names(on('2025-12-08', -300))).toEqual([]);
    expect(await names(on('2025-12-08', 60))).toEqual(['/lib/scan-evening.png', '/lib/scan-night.png']);
  });

  it('reads a file time as the instant it is against a bound that names a zone', async () => {
    const store = await openStore(tempLibraryDir());
    await store.upsertPhotos(PHOTOS);
    // 7 Dec in New York, as instants: 05:00Z on 7 Dec to 05:00Z on 8 Dec. The camera's 23:30
    // at UTC+1 is 22:30Z, inside too.
    const filter: PhotoFilter = { takenFromInstant: Z('2025-12-07T05:00:00'), takenBeforeInstant: Z('2025-12-08T05:00:00') };
    const expected = ['/lib/camera.jpg', '/lib/scan-evening.png', '/lib/scan-night.png'];
    expect((await store.searchVectors({ vector: unit(1, 0, 0, 0), limit: 100, exact: true, ...filter })).map((h) => h.path).sort()).toEqual(expected);
    const rows = cacheRows();
    expect(rows.paths.filter((_, i) => compileFilter(filter)!(rows, i)).sort()).toEqual(expected);
  });
});
