import { describe, expect, it } from 'vitest';
import { daysOf, TimelineIndex } from '../../../src/core/api/timeline-index';
import type { LibraryStore, PhotoSummary } from '../../../src/core/store/types';

const T = (iso: string) => Date.parse(`${iso}Z`);

function photo(path: string, takenAt: string | null, mtime: string, indexed: string): PhotoSummary {
  return {
    path, folder: path.split('/').slice(0, 3).join('/'), size: 1, mtimeMs: T(mtime), hash: `h-${path}`, width: 1, height: 1,
    takenAt: takenAt === null ? null : T(takenAt), cameraMake: null, cameraModel: null, gpsLat: null, gpsLon: null, orientation: null,
    modelId: 'm', thumbKey: '', indexedAt: T(indexed),
  };
}

/** The store reads the index makes, over a list that tests can change: `bump` is a photo
 *  write, `mark` a favourite or tag (the data version changes, the photos version not). */
function fakeStore(photos: PhotoSummary[]) {
  let version = 1;
  let marks = 0;
  let reads = 0;
  const store = {
    dataVersion: async () => `${version}:${marks}`,
    photosVersion: async () => String(version),
    listPhotoDates: async () => {
      reads++;
      return [...photos];
    },
  } as unknown as LibraryStore;
  return { store, bump: () => version++, mark: () => marks++, reads: () => reads };
}

const LIBRARY = [
  photo('/p/a/old.jpg', '2019-05-01T10:00:00', '2024-01-01T00:00:00', '2024-02-01T00:00:00'),
  photo('/p/a/new.jpg', '2023-08-20T23:30:00', '2023-08-21T00:00:00', '2024-02-01T00:00:01'),
  // No date taken: placed by the file's time, on the viewer's clock.
  photo('/p/b/scan.png', null, '2023-08-20T22:30:00', '2024-02-03T00:00:00'),
  photo('/p/b/mid.jpg', '2021-01-01T00:00:00', '2021-01-01T00:00:00', '2024-02-02T00:00:00'),
];

describe('timeline index', () => {
  it('orders newest taken first, a photo without a date by its file time, marked', async () => {
    const { store } = fakeStore(LIBRARY);
    const entries = await new TimelineIndex().entries(store, { order: 'taken', utcOffset: 0 }, await store.dataVersion());
    expect(entries.map((e) => e.path)).toEqual(['/p/a/new.jpg', '/p/b/scan.png', '/p/b/mid.jpg', '/p/a/old.jpg']);
    expect(entries.map((e) => e.fileTime)).toEqual([false, true, false, false]);
  });

  it('reads file times on the viewer clock: 22:30 UTC is the next day at UTC+2', async () => {
    const { store } = fakeStore(LIBRARY);
    const entries = await new TimelineIndex().entries(store, { order: 'taken', utcOffset: 120 }, await store.dataVersion());
    expect(entries[0]!.path).toBe('/p/b/scan.png');
    expect(daysOf(entries)).toEqual([
      { day: '2023-08-21', count: 1 },
      { day: '2023-08-20', count: 1 },
      { day: '2021-01-01', count: 1 },
      { day: '2019-05-01', count: 1 },
    ]);
  });

  it('"added" orders by indexing time; a folder view keeps only its photos', async () => {
    const { store } = fakeStore(LIBRARY);
    const index = new TimelineIndex();
    expect((await index.entries(store, { order: 'added', utcOffset: 0 }, await store.dataVersion())).map((e) => e.path)).toEqual(['/p/b/scan.png', '/p/b/mid.jpg', '/p/a/new.jpg', '/p/a/old.jpg']);
    expect((await index.entries(store, { order: 'taken', utcOffset: 0, folder: '/p/b' }, await store.dataVersion())).map((e) => e.path)).toEqual(['/p/b/scan.png', '/p/b/mid.jpg']);
    expect((await index.entries(store, { order: 'taken', utcOffset: 0, hashes: new Set(['h-/p/a/old.jpg']), hashesKey: 'x' }, await store.dataVersion())).map((e) => e.path)).toEqual(['/p/a/old.jpg']);
  });

  it('reads the library once per data version, again after a change', async () => {
    const photos = [...LIBRARY];
    const { store, bump, reads } = fakeStore(photos);
    const index = new TimelineIndex();
    await Promise.all([index.entries(store, { order: 'taken', utcOffset: 0 }, await store.dataVersion()), index.entries(store, { order: 'added', utcOffset: 0 }, await store.dataVersion())]);
    await index.entries(store, { order: 'taken', utcOffset: 0 }, await store.dataVersion());
    expect(reads()).toBe(1);
    photos.push(photo('/p/a/newest.jpg', '2025-01-01T00:00:00', '2025-01-01T00:00:00', '2025-01-01T00:00:00'));
    bump();
    expect((await index.entries(store, { order: 'taken', utcOffset: 0 }, await store.dataVersion()))[0]!.path).toBe('/p/a/newest.jpg');
    expect(reads()).toBe(2);
  });

  it('a favourite or a tag filters the views again without reading the photos again', async () => {
    const { store, mark, reads } = fakeStore(LIBRARY);
    const index = new TimelineIndex();
    const favourites = (hashes: string[]) => ({ order: 'taken' as const, utcOffset: 0, hashes: new Set(hashes), hashesKey: 'favourites' });
    expect((await index.entries(store, favourites(['h-/p/a/old.jpg']), await store.dataVersion())).map((e) => e.path)).toEqual(['/p/a/old.jpg']);
    mark();
    expect((await index.entries(store, favourites(['h-/p/a/old.jpg', 'h-/p/b/mid.jpg']), await store.dataVersion())).map((e) => e.path)).toEqual(['/p/b/mid.jpg', '/p/a/old.jpg']);
    expect(reads()).toBe(1);
  });
});
