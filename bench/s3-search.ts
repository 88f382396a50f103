// Search on a library on object storage (issue #13 item 5): p50 <= 50 ms at 100k photos and
// the first search after a start <= 2 s, answered by the device's vector cache
// (src/core/store/vector-cache.ts), against LanceDB's own search over S3 for reference.
// A synthetic library (rows written straight to the store, 512-d unit vectors) on the S3
// server of s3-env.ts, removed at the end. The store's figures need no model; the search as
// the app sees it (createLibraryApi(...).search: text embedded, ranked, the page's photos
// read) runs the generated ViT-B/32-shaped fixture model (npm run fixtures), whose id names
// the table.
// Standalone: `source /tmp/ceph-env.sh; npx tsx bench/s3-search.ts [photos]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openLibraryStore, type LibraryStore, type PhotoRecord } from '../src/core/store';
import { createLibraryApi } from '../src/core/api/library-api';
import { loadCachedTable } from '../src/core/store/vector-cache-file';
import { NUMBER_COLUMNS, STRING_COLUMNS, type NumberColumn, type StringColumn } from '../src/core/store/vector-rows';
import { fixtureModelDir, VIT_B32_IMMICH } from '../test/fixtures/models/paths';
import type { LibraryLocation } from '../src/core/location/library-location';
import { rng } from '../src/base/seeded-random';
import { freshS3Library, removeS3Library, s3Env } from './s3-env';
import { percentile, printTable, round, type Row } from './stats';

const DIMENSION = 512;
/** The table is the fixture model's (its folder's name is its id), so the API can search it. */
const MODEL = { id: VIT_B32_IMMICH, dimension: DIMENSION };
/** Search words, one per query: each is embedded anew (no query-vector cache helps). */
const WORDS = ['beach', 'dog', 'mountain', 'birthday cake', 'red car', 'snow', 'sunset', 'bicycle', 'garden', 'city at night', 'cat', 'boat', 'forest', 'wedding', 'bridge', 'train', 'kitchen', 'horse', 'lake', 'concert'];
/** The app's page (the API's default). */
const PAGE = 100;
const COMMIT = 25_000;
const QUERIES = 40;
/** LanceDB over S3 is slow: a few queries give its figure. */
const LANCE_QUERIES = 5;

export interface S3SearchFigures {
  photos: number;
  writeSeconds: number;
  /** LanceDB's own search over S3 (no cache), p50 ms. */
  lanceP50Ms: number;
  /** First search with no cache file on this device: the table read whole from S3. */
  coldFirstSearchMs: number;
  /** First search after a start with the cache file in place: open + version check + load + rank. */
  firstSearchMs: number;
  /** Steady state, searches one after another (the version checked at most once a second), p50 and p95 ms. */
  p50Ms: number;
  p95Ms: number;
  /** The same with the version checked on S3 before every search. */
  checkedP50Ms: number;
  /** First search after another device committed 32 photos: the incremental refresh included. */
  afterCommitMs: number;
  cacheFileMb: number;
  /** Memory the cache holds per photo (cacheBytesPerPhoto), and the part only a result page's photos need. */
  bytesPerPhoto: number;
  summaryBytesPerPhoto: number;
  /** A page's photos by path (the store's photosByPath, PAGE paths): from the cache, and from the table over S3. p50 ms. */
  pageRowsP50Ms: number;
  pageRowsLanceP50Ms: number;
  /** createLibraryApi(...).search(text): what the app waits for. p50/p95 ms over WORDS, and the first after a start (the host opened, model loaded). */
  api: { p50Ms: number; p95Ms: number; firstMs: number; openMs: number; photosPerPage: number; nextP50Ms: number; nextP95Ms: number } | string;
}

function unitVector(random: () => number): Float32Array {
  const v = Float32Array.from({ length: DIMENSION }, () => random() - 0.5);
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  return v.map((x) => x / n);
}

function rows(from: number, to: number, random: () => number): PhotoRecord[] {
  const out: PhotoRecord[] = [];
  for (let i = from; i < to; i++) {
    out.push({
      path: `/nas/photos/${Math.floor(i / 1000)}/IMG_${String(i).padStart(6, '0')}.jpg`,
      folder: '/nas/photos',
      size: 2_000_000,
      mtimeMs: 1_600_000_000_000 + i * 1000,
      hash: i.toString(16).padStart(64, '0'),
      width: 4000,
      height: 3000,
      takenAt: i % 10 === 0 ? null : 1_500_000_000_000 + i * 3_600_000,
      cameraMake: i % 3 === 0 ? 'Canon' : 'NIKON CORPORATION',
      cameraModel: i % 3 === 0 ? 'EOS R5' : 'NIKON D750',
      gpsLat: null,
      gpsLon: null,
      orientation: 1,
      modelId: MODEL.id,
      vector: unitVector(random),
      // Content-addressed, as the indexer names them (one per photo).
      thumbKey: `${i.toString(16).padStart(64, '0').slice(0, 2)}/${i.toString(16).padStart(64, '0')}.webp`,
      indexedAt: 1_700_000_000_000,
    });
  }
  return out;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

async function reader(location: LibraryLocation, cacheDir?: string, recheckMs?: number): Promise<LibraryStore> {
  const cache = cacheDir ? { vectorCache: { dir: cacheDir, ...(recheckMs !== undefined ? { recheckMs } : {}) } } : {};
  return openLibraryStore(location, { model: { id: MODEL.id, dimension: 0 }, readOnly: true, ...cache });
}

/**
 * What the cache holds per photo, counted from its structure (the file as loaded): typed
 * arrays and vectors at their size; each string column 8 bytes a slot plus each distinct
 * string once (V8: ~16 bytes of header, one byte a character for ASCII, 8-byte aligned).
 * Counted, not sampled: heap snapshots on this shared machine move by more than the cache.
 */
async function cacheBytesPerPhoto(file: string): Promise<{ total: number; summary: number }> {
  const cached = await loadCachedTable(file, MODEL.id);
  if (!cached) throw new Error('cache file unreadable');
  const { rows } = cached;
  const n = rows.paths.length;
  // Paths, hashes and thumbnail keys are one string a photo; the other columns are interned.
  const perPhoto = new Set<StringColumn>(['paths', 'hashes', 'thumbKeys']);
  const stringBytes = (c: StringColumn) => n * 8 + (perPhoto.has(c) ? rows[c] : [...new Set(rows[c])]).reduce((sum, v) => sum + (v === null ? 0 : Math.ceil((16 + v.length) / 8) * 8), 0);
  const numberBytes = (c: NumberColumn) => rows[c].byteLength;
  const total = rows.vectors.byteLength + NUMBER_COLUMNS.reduce((s, c) => s + numberBytes(c), 0) + STRING_COLUMNS.reduce((s, c) => s + stringBytes(c), 0);
  // The columns only a page of results needs (what this change added to the cache).
  const summary = SUMMARY_NUMBERS.reduce((s, c) => s + numberBytes(c), 0) + SUMMARY_STRINGS.reduce((s, c) => s + stringBytes(c), 0);
  return { total: total / n, summary: summary / n };
}
const SUMMARY_NUMBERS: NumberColumn[] = ['gpsLat', 'gpsLon', 'size', 'mtimeMs', 'width', 'height', 'orientation', 'indexedAt', 'durationMs'];
const SUMMARY_STRINGS: StringColumn[] = ['folders', 'modelIds', 'thumbKeys'];

/**
 * The search the app waits for, through the API on a fresh home: a first host fills the home's
 * cache (a new device), then a second one starts with it and searches WORDS, a page each.
 */
async function apiSearch(uri: string, env: NodeJS.ProcessEnv): Promise<NonNullable<S3SearchFigures['api']>> {
  const modelDir = fixtureModelDir(VIT_B32_IMMICH);
  if (!fs.existsSync(path.join(modelDir, 'textual'))) return 'skipped: no fixture model (npm run fixtures)';
  for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_ENDPOINT_URL', 'AWS_REGION']) if (env[key]) process.env[key] = env[key];
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-s3-home-'));
  const open = () => createLibraryApi({ home, library: uri, modelDir, provider: 'cpu', watch: false, writerLock: 'on-write' });
  try {
    const first = await open();
    await first.search('a photo', { limit: PAGE });
    await first.close(); // waits for the cache file
    const [host, openMs] = await timed(open);
    const [, firstMs] = await timed(() => host.search(WORDS[0]!, { limit: PAGE }));
    const times: number[] = [];
    const nextTimes: number[] = [];
    const shown: number[] = [];
    for (const word of WORDS) {
      const [page, ms] = await timed(() => host.search(`${word} outdoors`, { limit: PAGE }));
      times.push(ms);
      shown.push(page.photos.length);
      // The next page: the query's vector is known by then (query-vectors.ts), no text encoder.
      nextTimes.push((await timed(() => host.search(`${word} outdoors`, { limit: PAGE, offset: PAGE })))[1]);
    }
    await host.close();
    return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), firstMs: firstMs + openMs, openMs, photosPerPage: percentile(shown, 50), nextP50Ms: percentile(nextTimes, 50), nextP95Ms: percentile(nextTimes, 95) };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

export async function s3SearchBench(count: number): Promise<S3SearchFigures | string> {
  const env = s3Env();
  if (!env) return 'skipped: no S3 server (source /tmp/ceph-env.sh, or set AWS_* and SHOEBOX_BENCH_S3)';
  const location = await freshS3Library('search', env);
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-vcache-'));
  const random = rng(7);
  try {
    const t0 = performance.now();
    const writer = await openLibraryStore(location, { model: MODEL });
    for (let start = 0; start < count; start += COMMIT) await writer.upsertPhotos(rows(start, Math.min(count, start + COMMIT), random));
    const writeSeconds = (performance.now() - t0) / 1000;
    const queries = Array.from({ length: QUERIES }, () => unitVector(random));

    const lance = await reader(location);
    const lanceTimes: number[] = [];
    for (const vector of queries.slice(0, LANCE_QUERIES)) lanceTimes.push((await timed(() => lance.searchVectors({ vector, limit: 20 })))[1]);
    await lance.close();

    // No cache file yet: the first search reads the table whole (once per device and library).
    const cold = await reader(location, cacheDir);
    const [, coldFirstSearchMs] = await timed(() => cold.searchVectors({ vector: queries[0]!, limit: 20 }));
    await cold.close(); // waits for the cache file

    // A start with the file in place: open, version check, file read, rank.
    const [device, firstSearchMs] = await timed(async () => {
      const store = await reader(location, cacheDir);
      await store.searchVectors({ vector: queries[1]!, limit: 20 });
      return store;
    });
    const times: number[] = [];
    for (const vector of queries) times.push((await timed(() => device.searchVectors({ vector, limit: 20 })))[1]);

    // A page of results' rows: the cache's, then the table's over S3 (what every page cost before).
    const pages = await Promise.all(queries.slice(0, 10).map(async (vector) => (await device.searchVectors({ vector, limit: PAGE })).map((h) => h.path)));
    const pageTimes: number[] = [];
    for (const page of pages) pageTimes.push((await timed(() => device.photosByPath(page)))[1]);
    const plain = await reader(location);
    const pageLanceTimes: number[] = [];
    for (const page of pages.slice(0, LANCE_QUERIES)) pageLanceTimes.push((await timed(() => plain.photosByPath(page)))[1]);
    await plain.close();

    const checked = await reader(location, cacheDir, 0);
    const checkedTimes: number[] = [];
    for (const vector of queries) checkedTimes.push((await timed(() => checked.searchVectors({ vector, limit: 20 })))[1]);
    await checked.close();

    // Another device commits a batch: the next search brings the cache up to date first.
    await writer.upsertPhotos(rows(count, count + 32, random));
    const [, afterCommitMs] = await timed(() => device.searchVectors({ vector: queries[2]!, limit: 20 }));
    await device.close();
    await writer.close();
    const api = await apiSearch(location.uri, env);
    const file = fs.readdirSync(cacheDir).find((f) => f.endsWith('.vectors'));
    const bytes = file ? await cacheBytesPerPhoto(path.join(cacheDir, file)) : { total: 0, summary: 0 };
    return {
      photos: count,
      writeSeconds,
      lanceP50Ms: percentile(lanceTimes, 50),
      coldFirstSearchMs,
      firstSearchMs,
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      checkedP50Ms: percentile(checkedTimes, 50),
      afterCommitMs,
      cacheFileMb: file ? fs.statSync(path.join(cacheDir, file)).size / 2 ** 20 : 0,
      bytesPerPhoto: bytes.total,
      summaryBytesPerPhoto: bytes.summary,
      pageRowsP50Ms: percentile(pageTimes, 50),
      pageRowsLanceP50Ms: percentile(pageLanceTimes, 50),
      api,
    };
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    await removeS3Library(location).catch(() => {});
  }
}

export function printS3Search(f: S3SearchFigures | string): void {
  if (typeof f === 'string') return printTable('Search on an S3 library (issue #13 item 5)', [['search', f]]);
  printTable(`Search on an S3 library, ${f.photos.toLocaleString('en')} photos, 512-d (issue #13 item 5; Ceph RADOS Gateway on this machine)`, [
    ['search p50 / p95 (vector cache)', `${f.p50Ms.toFixed(1)} / ${f.p95Ms.toFixed(1)} ms`, 'target p50 <= 50 ms; searches in a row, the version checked on S3 at most once a second'],
    ['  with the version checked before every search, p50', `${f.checkedP50Ms.toFixed(1)} ms`, 'one request to the object store each'],
    ['first search after a start', `${f.firstSearchMs.toFixed(0)} ms`, 'target <= 2 s: open, version check, the cache file read, rank'],
    ['first search after another device commits 32', `${f.afterCommitMs.toFixed(0)} ms`, 'live row ids read, the new rows taken by id'],
    ['first search on a new device (no cache file)', `${f.coldFirstSearchMs.toFixed(0)} ms`, 'the table read whole from S3, once per device and library'],
    ['LanceDB search over S3, no cache, p50', `${f.lanceP50Ms.toFixed(0)} ms`, 'flat (no IVF index on this synthetic table)'],
    ['a page\'s photos (photosByPath, 100 paths), p50', `${f.pageRowsP50Ms.toFixed(1)} ms`, `from the cache; from the table over S3: ${f.pageRowsLanceP50Ms.toFixed(0)} ms`],
    ...(typeof f.api === 'string'
      ? [['API search (text -> page of photos)', f.api] as Row]
      : ([
          ['API search p50 / p95 (text -> page of 100)', `${f.api.p50Ms.toFixed(1)} / ${f.api.p95Ms.toFixed(1)} ms`, `createLibraryApi(...).search; text encoder included; ${f.api.photosPerPage} photos a page (p50)`],
          ['API next page p50 / p95 (same text, offset 100)', `${f.api.nextP50Ms.toFixed(1)} / ${f.api.nextP95Ms.toFixed(1)} ms`, 'the text already embedded: store and search engine only'],
          ['API first search after a start', `${f.api.firstMs.toFixed(0)} ms`, `of which opening the host ${f.api.openMs.toFixed(0)} ms; model loaded by the search`],
        ] as Row[])),
    ['cache file', `${f.cacheFileMb.toFixed(0)} MB`, '<home>/cache/vectors/'],
    ['cache memory per photo', `${f.bytesPerPhoto.toFixed(0)} bytes`, `of which ${DIMENSION * 4} the vector; ${f.summaryBytesPerPhoto.toFixed(0)} the columns only result pages need (counted from the cache's arrays and strings)`],
    ['writing the library to S3', `${f.writeSeconds.toFixed(1)} s`, `commits of ${COMMIT.toLocaleString('en')} rows`],
  ]);
}

export function s3SearchJson(f: S3SearchFigures | string): Record<string, number | string> {
  if (typeof f === 'string') return { s3Search: f };
  return {
    s3SearchP50Ms: round(f.p50Ms, 1),
    s3SearchP95Ms: round(f.p95Ms, 1),
    s3SearchCheckedP50Ms: round(f.checkedP50Ms, 1),
    s3FirstSearchMs: round(f.firstSearchMs, 0),
    s3AfterCommitMs: round(f.afterCommitMs, 0),
    s3ColdFirstSearchMs: round(f.coldFirstSearchMs, 0),
    s3LanceP50Ms: round(f.lanceP50Ms, 0),
    s3PageRowsP50Ms: round(f.pageRowsP50Ms, 1),
    s3PageRowsLanceP50Ms: round(f.pageRowsLanceP50Ms, 0),
    s3CacheBytesPerPhoto: round(f.bytesPerPhoto, 0),
    ...(typeof f.api === 'string' ? { s3ApiSearch: f.api } : { s3ApiSearchP50Ms: round(f.api.p50Ms, 1), s3ApiSearchP95Ms: round(f.api.p95Ms, 1), s3ApiNextPageP50Ms: round(f.api.nextP50Ms, 1), s3ApiFirstSearchMs: round(f.api.firstMs, 0) }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await s3SearchBench(Number(process.argv[2] ?? 100_000));
  printS3Search(figures);
  console.log(JSON.stringify(s3SearchJson(figures)));
}
