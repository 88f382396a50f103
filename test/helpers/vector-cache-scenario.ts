// The vector cache's scenario (src/core/store/vector-cache.ts), run on a local library and on
// S3: rows with every filterable column, queries over every filter, and the comparison with
// LanceDB's exact search (same paths in the same order, scores within float32 rounding).
import { expect } from 'vitest';
import type { LibraryStore, PhotoFilter, PhotoRecord, VectorHit } from '../../src/core/store/types';
import { rng } from './seeded-random';
import { photo } from '../unit/store/store-photo';

export const MODEL = { id: 'cache-test', dimension: 16 };
const random = rng(1234);

export function randomUnit(): Float32Array {
  const v = Float32Array.from({ length: MODEL.dimension }, () => random() - 0.5);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const CAMERAS: [string | null, string | null][] = [
  ['Canon', 'EOS R5'],
  ['NIKON CORPORATION', 'NIKON D750'],
  [null, 'Pixel 7'],
  [null, null],
];

export function row(i: number, folder = i % 3 === 0 ? '/lib/a' : '/lib/b'): PhotoRecord {
  const [make, model] = CAMERAS[i % CAMERAS.length]!;
  return photo(`${folder}/${i}.jpg`, {
    modelId: MODEL.id,
    folder,
    hash: `h${i}`,
    vector: randomUnit(),
    takenAt: i % 5 === 0 ? null : Date.UTC(2020, 0, 1) + i * 86_400_000,
    takenOffset: i % 7 === 0 ? 120 : null,
    cameraMake: make,
    cameraModel: model,
    gpsLat: i % 4 === 0 ? 48.1 : null,
    gpsLon: i % 4 === 0 ? 11.5 : null,
    // Every summary column varies, so a page of results read from the cache is checked field by field.
    size: 10_000 + i,
    mtimeMs: 1_600_000_000_000 + i * 1000.5,
    width: 4000 - i,
    height: 3000 + i,
    orientation: i % 2 === 0 ? 6 : null,
    thumbKey: i % 9 === 0 ? '' : `t${i % 16}/${i}.webp`,
    indexedAt: 1_700_000_000_000 + i,
    durationMs: i % 11 === 0 ? 5000 + i : null,
  });
}

const FILTERS: PhotoFilter[] = [
  {},
  { folder: '/lib/a' },
  { takenFrom: Date.UTC(2020, 1, 1), takenBefore: Date.UTC(2020, 5, 1) },
  { takenFromInstant: Date.UTC(2020, 2, 1) },
  // Rows without a date by their file time (13 Sep 2020 12:26:40Z + i s), read on a viewer's
  // clock 5 h west of UTC (07:26:40 there), and as instants.
  { takenFrom: Date.UTC(2020, 8, 13, 7, 27), takenBefore: Date.UTC(2020, 8, 13, 8), utcOffset: -300 },
  { takenBeforeInstant: Date.UTC(2020, 8, 13, 12, 27) },
  { camera: 'nikon' },
  { camera: 'pixel' },
  { hasGps: true },
  { hasGps: false, folder: '/lib/b' },
  { paths: ['/lib/a/3.jpg', '/lib/b/4.jpg', '/lib/b/8.jpg', '/nowhere.jpg'] },
  { hashes: ['h1', 'h2', 'h10', 'h11', 'h40'] },
];

/** Both answers agree: same paths in the same order, scores within float32 rounding. */
function expectSame(cached: VectorHit[], exact: VectorHit[]): void {
  expect(cached.map((h) => h.path)).toEqual(exact.map((h) => h.path));
  cached.forEach((h, i) => expect(h.score).toBeCloseTo(exact[i]!.score, 5));
}

/**
 * A page of results and a photo read from the cache (photosByPath, getPhoto) equal the
 * table's rows: every photo of the library, field by field, and paths not in it stay absent.
 */
export async function compareRows(cachedStore: LibraryStore, lance: LibraryStore): Promise<void> {
  const paths = [...(await lance.listPhotos()).map((p) => p.path), '/nowhere.jpg', '/lib/a/3.jpg'];
  const fromCache = await cachedStore.photosByPath(paths);
  expect(fromCache.size).toBeGreaterThan(0);
  expect(fromCache).toEqual(await lance.photosByPath(paths));
  for (const p of [paths[0]!, paths[paths.length - 3]!, '/nowhere.jpg', '/lib/b/4.jpg']) expect(await cachedStore.getPhoto(p)).toEqual(await lance.getPhoto(p));
}

/** `queries` random query vectors, each over every filter and three pages. */
export async function compare(cachedStore: LibraryStore, lance: LibraryStore, queries = 4): Promise<void> {
  for (let q = 0; q < queries; q++) {
    const vector = randomUnit();
    for (const filter of FILTERS) {
      for (const page of [{ limit: 10 }, { limit: 7, offset: 5 }, { limit: 1000, minScore: 0.2 }]) {
        const query = { vector, ...filter, ...page };
        expectSame(await cachedStore.searchVectors(query), await lance.searchVectors({ ...query, exact: true }));
      }
      expect(await cachedStore.countPhotos(filter)).toBe(await lance.countPhotos(filter));
    }
  }
}

