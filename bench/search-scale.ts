// Search at library scale: for each size, a store in a temp dir filled with clustered
// 512-d vectors (bench/clustered-vectors.ts) in batched upserts, ensureVectorIndex(), then
// latency p50/p95 of 100 searches (limit 20), recall@20 against `exact: true`, and at 100k
// the same with a folder filter. Targets: p50 <= 20 ms at 100k, <= 50 ms at 1M, recall >= 0.98.
// Standalone: `npx tsx bench/search-scale.ts [sizes...]` prints a table and one JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openLibraryStore, photosTableName, type LibraryStore, type PhotoRecord, type VectorHit } from '../src/core/store';
import { loadLanceDb } from '../src/core/store/connection';
import { ClusteredVectors } from './clustered-vectors';
import { peakRssMb, percentile, printTable, round, type Row } from './stats';

export const DIMENSION = 512;
export const MODEL = { id: 'bench-512', dimension: DIMENSION };
export const WRITE_BATCH = 10_000;
export const LIMIT = 20;
/** Photos are spread over 10 top folders of 10 subfolders each; the filter takes one top folder (10%). */
const FILTER_FOLDER = '/bench/f3';

export interface SizeFigures {
  size: number;
  writeSeconds: number;
  indexSeconds: number;
  indexed: boolean;
  firstQueryMs: number;
  /** First pass over the queries: LanceDB loads the IVF partitions each one probes. */
  coldP50Ms: number;
  coldP95Ms: number;
  /** Second pass over the same queries: partitions in LanceDB's index cache. */
  p50Ms: number;
  p95Ms: number;
  recallAt20: number;
  exactP50Ms: number;
  recallQueries: number;
  folder: { p50Ms: number; p95Ms: number; recallAt20: number } | null;
  /** The other reads and writes a library of this size does (each over 20 tries unless noted). */
  getPhotoP50Ms: number;
  photosByHashP50Ms: number;
  /** A grid page of results (200 photos by path, as LibraryApi fills a search page). */
  page200P50Ms: number;
  photoStatesSeconds: number;
  upsert1000Seconds: number;
  remove1000Seconds: number;
  diskMb: number;
  peakRssMb: number;
  seconds: number;
}

export interface SearchScaleFigures {
  dimension: number;
  cores: number;
  queries: number;
  sizes: SizeFigures[];
  totalSeconds: number;
}

export interface SearchScaleOptions {
  /** Latency queries per size (half photo-like, half text-like). */
  queries?: number;
  /** Queries whose recall is checked against an exact search; exact search at 1M costs ~1 s each. */
  recallQueries?: (size: number) => number;
  /** Progress lines (stderr by default). */
  log?: (line: string) => void;
}

/** The bench library's photo `i` (10 top folders x 10 subfolders, a photo a minute). */
export function record(i: number, vector: Float32Array): PhotoRecord {
  const folder = `/bench/f${i % 10}`;
  return {
    path: `${folder}/s${Math.floor(i / 10) % 10}/IMG_${String(i).padStart(7, '0')}.jpg`,
    folder,
    size: 2_000_000 + i,
    mtimeMs: 1_600_000_000_000 + i * 1000,
    hash: i.toString(16).padStart(64, '0'),
    width: 4000,
    height: 3000,
    takenAt: 1_500_000_000_000 + i * 60_000,
    cameraMake: 'Bench',
    cameraModel: 'Synthetic',
    gpsLat: null,
    gpsLon: null,
    orientation: 1,
    modelId: MODEL.id,
    vector,
    thumbKey: `${i.toString(16).padStart(2, '0').slice(0, 2)}/${i}.webp`,
    indexedAt: 1_700_000_000_000,
  };
}

/** Whether the photos table has an ANN index (asked of LanceDB itself, not the store). */
export async function hasVectorIndex(libraryDir: string): Promise<boolean> {
  const db = await (await loadLanceDb()).connect(libraryDir);
  try {
    const table = await db.openTable(photosTableName(MODEL.id));
    return (await table.listIndices()).some((i) => i.columns.includes('vector'));
  } finally {
    db.close();
  }
}

export function dirSizeMb(dir: string): number {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes / 2 ** 20;
}

export function recall(ann: VectorHit[], exact: VectorHit[]): number {
  if (exact.length === 0) return 1;
  const truth = new Set(exact.map((h) => h.path));
  return ann.filter((h) => truth.has(h.path)).length / exact.length;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const t0 = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - t0 };
}

/**
 * Latencies of `queries`, twice (the first pass loads index partitions, the second finds
 * them cached), and recall on the first `recallQueries` against exact search.
 */
async function measureQueries(store: LibraryStore, queries: Float32Array[], recallQueries: number, folder?: string) {
  const passes: number[][] = [[], []];
  const results: VectorHit[][] = [];
  for (const latencies of passes) {
    results.length = 0;
    for (const vector of queries) {
      const { result, ms } = await timed(() => store.searchVectors({ vector, limit: LIMIT, folder }));
      latencies.push(ms);
      results.push(result);
    }
  }
  const [cold, latencies] = passes as [number[], number[]];
  const exactLatencies: number[] = [];
  let recallSum = 0;
  for (let i = 0; i < recallQueries; i++) {
    const { result, ms } = await timed(() => store.searchVectors({ vector: queries[i]!, limit: LIMIT, folder, exact: true }));
    exactLatencies.push(ms);
    recallSum += recall(results[i]!, result);
  }
  return {
    coldP50Ms: percentile(cold, 50),
    coldP95Ms: percentile(cold, 95),
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    recallAt20: recallQueries ? recallSum / recallQueries : NaN,
    exactP50Ms: percentile(exactLatencies, 50),
  };
}

async function measureSize(size: number, options: Required<SearchScaleOptions>): Promise<SizeFigures> {
  const { log } = options;
  const started = performance.now();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-search-scale-'));
  const vectors = new ClusteredVectors(DIMENSION, 1000, 32, 42);
  const store = await openLibraryStore(path.join(root, 'library'), { model: MODEL });
  try {
    const write = await timed(async () => {
      for (let start = 0; start < size; start += WRITE_BATCH) {
        const batch = Array.from({ length: Math.min(WRITE_BATCH, size - start) }, (_, k) => record(start + k, vectors.photo()));
        await store.upsertPhotos(batch);
        if ((start / WRITE_BATCH) % 10 === 9) log(`  ${size}: wrote ${start + batch.length} rows, ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    });
    log(`  ${size}: ${size} rows in ${(write.ms / 1000).toFixed(1)} s; indexing`);
    const index = await timed(() => store.ensureVectorIndex());
    const indexed = await hasVectorIndex(path.join(root, 'library'));
    log(`  ${size}: ensureVectorIndex ${(index.ms / 1000).toFixed(1)} s; searching`);

    const queries = Array.from({ length: options.queries }, (_, i) => vectors.query(i % 2 === 1));
    const first = await timed(() => store.searchVectors({ vector: vectors.query(true), limit: LIMIT }));
    const recallQueries = Math.min(options.queries, options.recallQueries(size));
    const all = await measureQueries(store, queries, recallQueries);
    let folder: SizeFigures['folder'] = null;
    if (size === 100_000) {
      const f = await measureQueries(store, queries, recallQueries, FILTER_FOLDER);
      folder = { p50Ms: f.p50Ms, p95Ms: f.p95Ms, recallAt20: f.recallAt20 }; // warm: the partitions were loaded above
    }
    const lookups = Array.from({ length: 20 }, (_, k) => Math.floor(((k + 0.5) * size) / 20));
    const getPhoto: number[] = [];
    const byHash: number[] = [];
    for (const i of lookups) {
      const { path: photoPath, hash } = record(i, new Float32Array(0));
      getPhoto.push((await timed(() => store.getPhoto(photoPath))).ms);
      byHash.push((await timed(() => store.photosByHash(hash))).ms);
    }
    const pages: number[] = [];
    for (let k = 0; k < 10; k++) {
      const page = Array.from({ length: 200 }, (_, j) => record((k * 7919 + j * 263) % size, new Float32Array(0)).path);
      const { result, ms } = await timed(() => store.photosByPath(page));
      if (result.size !== new Set(page).size) throw new Error(`photosByPath found ${result.size} of ${page.length}`);
      pages.push(ms);
    }
    const states = await timed(() => store.photoStates());
    if (states.result.size !== size) throw new Error(`photoStates returned ${states.result.size} rows, expected ${size}`);
    const changed = Array.from({ length: 1000 }, (_, k) => record((k * 37) % size, vectors.photo()));
    const upsert = await timed(() => store.upsertPhotos(changed));
    const remove = await timed(() => store.removePhotos(changed.map((r) => r.path)));
    return {
      size,
      writeSeconds: write.ms / 1000,
      indexSeconds: index.ms / 1000,
      indexed,
      firstQueryMs: first.ms,
      coldP50Ms: all.coldP50Ms,
      coldP95Ms: all.coldP95Ms,
      p50Ms: all.p50Ms,
      p95Ms: all.p95Ms,
      recallAt20: all.recallAt20,
      exactP50Ms: all.exactP50Ms,
      recallQueries,
      folder,
      getPhotoP50Ms: percentile(getPhoto, 50),
      photosByHashP50Ms: percentile(byHash, 50),
      page200P50Ms: percentile(pages, 50),
      photoStatesSeconds: states.ms / 1000,
      upsert1000Seconds: upsert.ms / 1000,
      remove1000Seconds: remove.ms / 1000,
      diskMb: dirSizeMb(root),
      peakRssMb: peakRssMb(),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await store.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export async function searchScale(sizes = [10_000, 100_000, 1_000_000], options: SearchScaleOptions = {}): Promise<SearchScaleFigures> {
  const opts: Required<SearchScaleOptions> = {
    queries: options.queries ?? 100,
    recallQueries: options.recallQueries ?? (() => options.queries ?? 100),
    log: options.log ?? ((line) => console.error(line)),
  };
  const t0 = performance.now();
  const figures: SizeFigures[] = [];
  for (const size of sizes) figures.push(await measureSize(size, opts));
  return { dimension: DIMENSION, cores: os.availableParallelism(), queries: opts.queries, sizes: figures, totalSeconds: (performance.now() - t0) / 1000 };
}

export function printSearchScale(figures: SearchScaleFigures): void {
  const rows: Row[] = [];
  for (const s of figures.sizes) {
    const target = s.size >= 1_000_000 ? 50 : s.size >= 100_000 ? 20 : null;
    const n = s.size.toLocaleString('en');
    rows.push(
      [`${n}: write (batches of ${WRITE_BATCH.toLocaleString('en')})`, `${s.writeSeconds.toFixed(1)} s`, `${Math.round(s.size / s.writeSeconds)} rows/s`],
      [`${n}: ensureVectorIndex`, `${s.indexSeconds.toFixed(1)} s`, s.indexed ? 'IVF index built' : 'below the threshold: flat search'],
      [`${n}: search p50 / p95, first pass`, `${s.coldP50Ms.toFixed(1)} / ${s.coldP95Ms.toFixed(1)} ms`, `index partitions loaded as probed; very first query ${s.firstQueryMs.toFixed(0)} ms`],
      [`${n}: search p50 / p95, warm`, `${s.p50Ms.toFixed(1)} / ${s.p95Ms.toFixed(1)} ms`, target ? `target p50 <= ${target} ms` : 'same queries again'],
      [`${n}: recall@20 vs exact`, s.recallAt20.toFixed(4), `${s.recallQueries} queries; exact p50 ${s.exactP50Ms.toFixed(0)} ms (target recall >= 0.98)`],
    );
    if (s.folder) rows.push([`${n}: with folder filter (10%) p50 / p95`, `${s.folder.p50Ms.toFixed(1)} / ${s.folder.p95Ms.toFixed(1)} ms`, `recall@20 ${s.folder.recallAt20.toFixed(4)}`]);
    rows.push(
      [`${n}: getPhoto / photosByHash p50`, `${s.getPhotoP50Ms.toFixed(1)} / ${s.photosByHashP50Ms.toFixed(1)} ms`],
      [`${n}: a page of 200 photos by path, p50`, `${s.page200P50Ms.toFixed(1)} ms`, 'photosByPath: one query, as a search page is filled'],
      [`${n}: photoStates() of every photo`, `${s.photoStatesSeconds.toFixed(2)} s`],
      [`${n}: upsert / remove 1,000 photos`, `${s.upsert1000Seconds.toFixed(2)} / ${s.remove1000Seconds.toFixed(2)} s`, 'one call each'],
    );
    rows.push([`${n}: library on disk, peak RSS so far`, `${s.diskMb.toFixed(0)} MB, ${s.peakRssMb.toFixed(0)} MB`, `${s.seconds.toFixed(0)} s for this size`]);
  }
  rows.push(['total', `${figures.totalSeconds.toFixed(0)} s`]);
  printTable(`Vector search at scale, ${figures.dimension}-d clustered vectors, limit 20, ${figures.queries} queries, ${figures.cores} cores`, rows);
}

export function searchScaleJson(figures: SearchScaleFigures): string {
  return JSON.stringify({
    bench: 'search-scale',
    dimension: figures.dimension,
    cores: figures.cores,
    queries: figures.queries,
    total_s: round(figures.totalSeconds, 1),
    sizes: figures.sizes.map((s) => ({
      size: s.size,
      write_s: round(s.writeSeconds, 1),
      index_s: round(s.indexSeconds, 1),
      indexed: s.indexed,
      first_query_ms: round(s.firstQueryMs, 1),
      cold_p50_ms: round(s.coldP50Ms, 2),
      cold_p95_ms: round(s.coldP95Ms, 2),
      p50_ms: round(s.p50Ms, 2),
      p95_ms: round(s.p95Ms, 2),
      recall_at_20: round(s.recallAt20, 4),
      recall_queries: s.recallQueries,
      exact_p50_ms: round(s.exactP50Ms, 1),
      folder_p50_ms: s.folder ? round(s.folder.p50Ms, 2) : null,
      folder_p95_ms: s.folder ? round(s.folder.p95Ms, 2) : null,
      folder_recall_at_20: s.folder ? round(s.folder.recallAt20, 4) : null,
      get_photo_p50_ms: round(s.getPhotoP50Ms, 1),
      photos_by_hash_p50_ms: round(s.photosByHashP50Ms, 1),
      page_200_p50_ms: round(s.page200P50Ms, 1),
      photo_states_s: round(s.photoStatesSeconds, 2),
      upsert_1000_s: round(s.upsert1000Seconds, 2),
      remove_1000_s: round(s.remove1000Seconds, 2),
      disk_mb: round(s.diskMb, 0),
      peak_rss_mb: round(s.peakRssMb, 0),
      seconds: round(s.seconds, 1),
    })),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  searchScale(sizes.length ? sizes : undefined)
    .then((figures) => {
      printSearchScale(figures);
      console.log(searchScaleJson(figures));
    })
    .catch((err: unknown) => {
      console.error(`search-scale: ${(err as Error).message}`);
      process.exitCode = 1;
    });
}
