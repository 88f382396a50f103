// Filtered vector search: SQL predicates (quoting), and that filters combined with ranking
// return only matching rows, still in score order, in one query.
import { describe, expect, it } from 'vitest';
import { allOf, cameraPairsPredicate, containsIgnoringCase, inAnyChunk, photoFilterPredicate, sqlNumber } from '../../../src/core/store/sql';
import { openLibraryStore } from '../../../src/core/store';
import type { PhotoFilter } from '../../../src/core/store/types';
import { AWKWARD_NAMES, MODEL, openStore, photo, tempLibraryDir, unit } from './store-helpers';

const DAY = 86_400_000;
const T0 = Date.UTC(2021, 0, 1);

describe('SQL for photo filters', () => {
  it('builds nothing for an empty filter', () => {
    expect(photoFilterPredicate({})).toBeUndefined();
  });

  it('quotes every value: quotes doubled, LIKE wildcards and backslashes literal', () => {
    expect(containsIgnoringCase('`cameraModel`', "O'Brien 100%_X\\")).toBe("strpos(lower(`cameraModel`), 'o''brien 100%_x\\') > 0");
    expect(photoFilterPredicate({ camera: "It's" })).toBe("strpos(lower(concat(`cameraMake`, ' ', `cameraModel`)), 'it''s') > 0");
    expect(inAnyChunk('path', ["/a/it's.jpg", '/b.jpg', '/b.jpg'])).toBe("`path` IN ('/a/it''s.jpg', '/b.jpg')");
    expect(inAnyChunk('hash', [])).toBe('false');
    expect(() => photoFilterPredicate({ camera: 'nul\0' })).toThrow(/NUL/);
  });

  it('splits long allow-lists into OR-ed IN lists', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `/p/${i}.jpg`);
    const predicate = inAnyChunk('path', many);
    expect(predicate.match(/ IN \(/g)).toHaveLength(2);
    expect(predicate).toMatch(/^\(`path` IN \(.*\)\) OR \(`path` IN \(.*\)\)$/s);
  });

  it('renders numbers as literals and refuses non-finite ones', () => {
    expect(sqlNumber(1_609_459_200_000)).toBe('1609459200000');
    expect(sqlNumber(-1.5)).toBe('-1.5');
    expect(() => sqlNumber(NaN)).toThrow();
    expect(() => photoFilterPredicate({ takenFrom: Infinity })).toThrow();
  });

  it('combines fields with AND, each parenthesised', () => {
    expect(photoFilterPredicate({ folder: '/lib', takenFrom: 10, takenBefore: 20, utcOffset: -90, hasGps: true })).toBe(
      "(starts_with(`path`, '/lib/')) AND (COALESCE(`takenAt`, `mtimeMs` + (-5400000)) >= 10) AND (COALESCE(`takenAt`, `mtimeMs` + (-5400000)) < 20) AND (`gpsLat` IS NOT NULL AND `gpsLon` IS NOT NULL)",
    );
    expect(photoFilterPredicate({ hasGps: false })).toBe('`gpsLat` IS NULL OR `gpsLon` IS NULL');
    expect(allOf([])).toBe('true');
  });

  it('turns resolved camera pairs into equalities grouped by make, missing parts as IS NULL', () => {
    expect(cameraPairsPredicate([])).toBe('false');
    expect(cameraPairsPredicate([{ make: 'Canon', model: 'EOS 80D' }])).toBe("(`cameraMake` = 'Canon' AND `cameraModel` IN ('EOS 80D'))");
    expect(
      cameraPairsPredicate([
        { make: "O'Neil", model: 'X' },
        { make: "O'Neil", model: null },
        { make: null, model: 'Y' },
      ]),
    ).toBe("((`cameraMake` = 'O''Neil' AND (`cameraModel` IN ('X') OR `cameraModel` IS NULL)) OR (`cameraMake` IS NULL AND `cameraModel` IN ('Y')))");
    expect(photoFilterPredicate({ camera: 'zzz' }, [])).toBe('false');
  });
});

// Unit vectors at known angles to the query (1, 0, 0, 0): scores 1, 0.95, 0.9, ... descending by index.
function scored(score: number) {
  return unit(score, Math.sqrt(1 - score * score), 0, 0);
}

const PHOTOS = [
  photo('/lib/trip/a.jpg', { vector: scored(1), takenAt: T0 + 10 * DAY, cameraMake: 'Canon', cameraModel: 'Canon EOS R5', gpsLat: 48.8, gpsLon: 2.3 }),
  photo('/lib/trip/b.jpg', { vector: scored(0.95), takenAt: T0 + 40 * DAY, cameraMake: 'NIKON CORPORATION', cameraModel: 'NIKON D750', gpsLat: null, gpsLon: null }),
  photo('/lib/home/c.jpg', { vector: scored(0.9), takenAt: T0 + 400 * DAY, cameraMake: 'Apple', cameraModel: 'iPhone 12', gpsLat: 51.5, gpsLon: -0.1 }),
  photo('/lib/home/d.jpg', { vector: scored(0.85), takenAt: null, cameraMake: null, cameraModel: null }),
  photo('/lib/trip2/e.jpg', { vector: scored(0.8), takenAt: T0 - DAY, cameraMake: 'Canon', cameraModel: 'EOS 80D', gpsLat: 10, gpsLon: 10 }),
  photo('/lib/trip/f.jpg', { vector: scored(0.5), takenAt: T0 + 20 * DAY, cameraMake: 'Apple', cameraModel: 'iPhone 12 Pro', gpsLat: 1, gpsLon: 1 }),
];

async function filled() {
  const store = await openStore(tempLibraryDir());
  await store.upsertPhotos(PHOTOS);
  return store;
}

const names = (hits: { path: string }[]) => hits.map((h) => h.path.split('/').pop());

describe('searchVectors with filters', () => {
  const query = unit(1, 0, 0, 0);
  const cases: [string, PhotoFilter, string[]][] = [
    ['folder', { folder: '/lib/trip' }, ['a.jpg', 'b.jpg', 'f.jpg']],
    ['date range (half-open)', { takenFrom: T0, takenBefore: T0 + 40 * DAY }, ['a.jpg', 'f.jpg']],
    ['after only (no date: dated by its file time, Nov 2023)', { takenFrom: T0 + 30 * DAY }, ['b.jpg', 'c.jpg', 'd.jpg']],
    ['before only', { takenBefore: T0 }, ['e.jpg']],
    ['camera make, any case', { camera: 'canon' }, ['a.jpg', 'e.jpg']],
    ['camera model substring', { camera: 'IPHONE 12' }, ['c.jpg', 'f.jpg']],
    ['camera "make model"', { camera: 'canon eos 80' }, ['e.jpg']],
    ['has GPS', { hasGps: true }, ['a.jpg', 'c.jpg', 'e.jpg', 'f.jpg']],
    ['no GPS', { hasGps: false }, ['b.jpg', 'd.jpg']],
    ['allowed paths', { paths: ['/lib/home/d.jpg', '/lib/trip/b.jpg', '/elsewhere.jpg'] }, ['b.jpg', 'd.jpg']],
    ['allowed hashes', { hashes: ['hash-of-/lib/trip/f.jpg'] }, ['f.jpg']],
    ['empty allow-list', { paths: [] }, []],
    ['combined', { folder: '/lib/trip', camera: 'apple', hasGps: true, takenFrom: T0 }, ['f.jpg']],
  ];
  it.each(cases)('%s: only matching rows, best first', async (_name, filter, expected) => {
    const store = await filled();
    for (const exact of [false, true]) {
      const hits = await store.searchVectors({ vector: query, limit: 10, exact, ...filter });
      expect(names(hits)).toEqual(expected);
      const scores = hits.map((h) => h.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
    expect(await store.countPhotos(filter)).toBe(expected.length);
  });

  it('fills a page from the filtered rows and pages through them', async () => {
    const store = await filled();
    const page1 = await store.searchVectors({ vector: query, limit: 2, camera: 'a' }); // Canon, Apple, NIKON CORPORATION
    const page2 = await store.searchVectors({ vector: query, limit: 2, offset: 2, camera: 'a' });
    expect(names(page1)).toEqual(['a.jpg', 'b.jpg']);
    expect(names(page2)).toEqual(['c.jpg', 'e.jpg']);
  });

  it('applies the relevance cut-off in the query, and offset counts only what passes it', async () => {
    const store = await filled();
    expect(names(await store.searchVectors({ vector: query, limit: 10, minScore: 0.875 }))).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
    expect(names(await store.searchVectors({ vector: query, limit: 10, minScore: 0.9 }))).toEqual(['a.jpg', 'b.jpg', 'c.jpg']); // exactly 0.9 is kept
    expect(names(await store.searchVectors({ vector: query, limit: 10, offset: 2, minScore: 0.875 }))).toEqual(['c.jpg']);
    expect(names(await store.searchVectors({ vector: query, limit: 10, minScore: 0.875, folder: '/lib/home' }))).toEqual(['c.jpg']);
    expect(await store.searchVectors({ vector: query, limit: 10, minScore: 1.5 })).toEqual([]);
  });

  it('camera filter: follows photos written since the last search, in the writer and in a reader', async () => {
    const dir = tempLibraryDir();
    const store = await openStore(dir);
    await store.upsertPhotos(PHOTOS);
    const reader = await openLibraryStore(dir, { model: { id: MODEL.id, dimension: 0 }, readOnly: true });
    expect(await store.searchVectors({ vector: query, limit: 10, camera: 'sony' })).toEqual([]);
    expect(await reader.countPhotos({ camera: 'sony' })).toBe(0);
    await store.upsertPhotos([photo('/lib/new/g.jpg', { vector: scored(0.7), cameraMake: 'SONY', cameraModel: 'ILCE-7M3' })]);
    expect(names(await store.searchVectors({ vector: query, limit: 10, camera: 'sony ilce' }))).toEqual(['g.jpg']);
    expect(names(await reader.searchVectors({ vector: query, limit: 10, camera: 'Sony' }))).toEqual(['g.jpg']);
    await store.removePhotos(['/lib/new/g.jpg']);
    expect(await store.countPhotos({ camera: 'sony' })).toBe(0);
    // A model name shared by two makes only matches under the make the text names.
    await store.upsertPhotos([photo('/lib/new/h.jpg', { vector: scored(0.6), cameraMake: 'Other', cameraModel: 'EOS 80D' })]);
    expect(names(await store.searchVectors({ vector: query, limit: 10, camera: 'canon eos 80' }))).toEqual(['e.jpg']);
    expect(names(await store.searchVectors({ vector: query, limit: 10, camera: 'eos 80' }))).toEqual(['e.jpg', 'h.jpg']);
    await reader.close();
  });

  it('finds awkwardly named photos through an allow-list', async () => {
    const store = await openStore(tempLibraryDir());
    const paths = AWKWARD_NAMES.map((n) => `/lib/${n}`);
    await store.upsertPhotos(paths.map((p) => photo(p)));
    const hits = await store.searchVectors({ vector: query, limit: 50, paths: paths.slice(0, 6) });
    expect(hits.map((h) => h.path).sort()).toEqual(paths.slice(0, 6).sort());
  });
});

describe('filtered search over an ANN index', () => {
  it('a narrow filter still fills its page, with the photos an exact search finds', async () => {
    const store = await openStore(tempLibraryDir());
    // 12k photos around 40 directions (over the index threshold); 1 in 200 from a rare camera.
    const centres = Array.from({ length: 40 }, (_, c) => unit(Math.cos(c), Math.sin(c), Math.cos(3 * c), Math.sin(5 * c) + 0.1));
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
    const records = Array.from({ length: 12_000 }, (_, i) =>
      photo(`/big/${i}.jpg`, { vector: unit(...Array.from(centres[i % 40]!, (x) => x + 0.3 * rand())), cameraMake: i % 200 === 0 ? 'Rare' : 'Common' }),
    );
    await store.upsertPhotos(records);
    await store.ensureVectorIndex();
    const query = unit(1, 0.2, 0.3, 0.1);
    for (const filter of [{ camera: 'rare' }, { camera: 'common' }] as PhotoFilter[]) {
      const ann = await store.searchVectors({ vector: query, limit: 20, ...filter });
      const exact = await store.searchVectors({ vector: query, limit: 20, exact: true, ...filter });
      expect(ann).toHaveLength(20);
      expect(ann.filter((h) => exact.some((e) => e.path === h.path)).length).toBeGreaterThanOrEqual(19);
    }
  });
});

describe('sampleVectors', () => {
  it('spreads the sample evenly and returns every row when there are few', async () => {
    const store = await openStore(tempLibraryDir());
    expect(await store.sampleVectors(10)).toEqual([]);
    await store.upsertPhotos(Array.from({ length: 40 }, (_, i) => photo(`/s/${String(i).padStart(2, '0')}.jpg`, { vector: unit(i + 1, 1, 0, 0) })));
    expect(await store.sampleVectors(100)).toHaveLength(40);
    const sample = await store.sampleVectors(8);
    expect(sample).toHaveLength(8);
    expect(new Set(sample.map((v) => v.join(','))).size).toBe(8);
    expect(await store.sampleVectors(8)).toEqual(sample); // deterministic
  });
});
