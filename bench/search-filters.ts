// Filtered search at library scale: the store of bench/search-scale.ts (clustered 512-d
// vectors, batched upserts, ensureVectorIndex) with metadata worth filtering on, then
// latency p50/p95 of searches (limit 20) under each filter, warm (second pass over the same
// queries), recall@20 against an exact search with the same filter, and how full the pages
// are. Also the relevance cut-off (a distance range in the same query) and a tag-style
// allow-list of 1,000 paths. Target: p50 <= 20 ms at 100k (the library issue's target).
// Standalone: `npx tsx bench/search-filters.ts [size]` prints a table and one JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openLibraryStore, type LibraryStore, type PhotoFilter, type PhotoRecord, type VectorHit } from '../src/core/store';
import { ClusteredVectors } from './clustered-vectors';
import { DIMENSION, LIMIT, MODEL, WRITE_BATCH, hasVectorIndex, recall, record, timed } from './search-scale';
import { peakRssMb, percentile, printTable, round, type Row } from './stats';

const MINUTE = 60_000;
/** record(i) is taken at START + i minutes (search-scale.ts). */
const START = 1_500_000_000_000;
const CAMERAS: [string, string][] = [
  ['Canon', 'Canon EOS R5'],
  ['NIKON CORPORATION', 'NIKON Z 6'],
  ['Apple', 'iPhone 12'],
  ['SONY', 'ILCE-7M3'],
  ['FUJIFILM', 'X-T4'],
];

/** search-scale's photo with varied metadata: 5 cameras and a rare one (1%), GPS on 31%, a date per minute. */
function filterRecord(i: number, vector: Float32Array): PhotoRecord {
  const base = record(i, vector);
  const rare = i % 100 === 7; // 1%: a camera few photos have
  const [cameraMake, cameraModel] = rare ? ['Leica Camera AG', 'LEICA Q2'] : CAMERAS[Math.floor(i / 7) % CAMERAS.length]!;
  const gps = i % 13 < 4; // independent of the folder (i % 10)
  return { ...base, cameraMake, cameraModel, gpsLat: gps ? 45 + (i % 1000) / 100 : null, gpsLon: gps ? 7 + (i % 700) / 100 : null };
}

export interface FilterFigures {
  name: string;
  /** Share of the library the filter admits. */
  share: number;
  p50Ms: number;
  p95Ms: number;
  recallAt20: number;
  /** Mean results per page / the page size possible (min(limit, matching rows)). */
  fill: number;
}

export interface SearchFiltersFigures {
  size: number;
  dimension: number;
  cores: number;
  queries: number;
  indexed: boolean;
  unfilteredP50Ms: number;
  unfilteredP95Ms: number;
  filters: FilterFigures[];
  writeSeconds: number;
  indexSeconds: number;
  peakRssMb: number;
  totalSeconds: number;
}

export interface SearchFiltersOptions {
  queries?: number;
  log?: (line: string) => void;
}

function filterCases(size: number): { name: string; filter: PhotoFilter; minScore?: number }[] {
  const at = (i: number) => START + i * MINUTE;
  const allowed = Array.from({ length: 1000 }, (_, k) => record(Math.floor(((k + 0.5) * size) / 1000), new Float32Array(0)).path);
  return [
    { name: 'date range (25%)', filter: { takenFrom: at(size * 0.25), takenBefore: at(size * 0.5) } },
    { name: 'folder (10%)', filter: { folder: '/bench/f3' } },
    { name: 'camera (20%)', filter: { camera: 'nikon' } },
    { name: 'camera, rare (1%)', filter: { camera: 'leica' } },
    { name: 'has GPS (31%)', filter: { hasGps: true } },
    { name: 'combined: folder + date + GPS', filter: { folder: '/bench/f3', takenFrom: at(size * 0.2), takenBefore: at(size * 0.8), hasGps: true } },
    { name: 'tag-style allow-list, 1,000 paths', filter: { paths: allowed } },
    { name: 'date range + relevance cut-off', filter: { takenFrom: at(size * 0.25), takenBefore: at(size * 0.5) }, minScore: 0.3 },
  ];
}

async function measureFilter(store: LibraryStore, queries: Float32Array[], filter: PhotoFilter, minScore: number | undefined, size: number) {
  const matching = await store.countPhotos(filter);
  const latencies: number[] = [];
  let results: VectorHit[][] = [];
  for (let pass = 0; pass < 2; pass++) {
    latencies.length = 0;
    results = [];
    for (const vector of queries) {
      const { result, ms } = await timed(() => store.searchVectors({ vector, limit: LIMIT, ...filter, ...(minScore !== undefined ? { minScore } : {}) }));
      latencies.push(ms);
      results.push(result);
    }
  }
  let recallSum = 0;
  let fillSum = 0;
  for (let i = 0; i < queries.length; i++) {
    const exact = await store.searchVectors({ vector: queries[i]!, limit: LIMIT, exact: true, ...filter, ...(minScore !== undefined ? { minScore } : {}) });
    recallSum += recall(results[i]!, exact);
    fillSum += exact.length === 0 ? 1 : results[i]!.length / exact.length;
  }
  return { share: matching / size, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), recallAt20: recallSum / queries.length, fill: fillSum / queries.length };
}

export async function searchFiltersScale(size = 100_000, options: SearchFiltersOptions = {}): Promise<SearchFiltersFigures> {
  const log = options.log ?? ((line: string) => console.error(line));
  const queryCount = options.queries ?? 50;
  const started = performance.now();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-search-filters-'));
  const vectors = new ClusteredVectors(DIMENSION, 1000, 32, 42);
  const store = await openLibraryStore(path.join(root, 'library'), { model: MODEL });
  try {
    const write = await timed(async () => {
      for (let start = 0; start < size; start += WRITE_BATCH) {
        await store.upsertPhotos(Array.from({ length: Math.min(WRITE_BATCH, size - start) }, (_, k) => filterRecord(start + k, vectors.photo())));
      }
    });
    log(`  ${size}: ${size} rows in ${(write.ms / 1000).toFixed(1)} s; indexing`);
    const index = await timed(() => store.ensureVectorIndex());
    const indexed = await hasVectorIndex(path.join(root, 'library'));
    const queries = Array.from({ length: queryCount }, (_, i) => vectors.query(i % 2 === 1));
    // Unfiltered, twice (the first pass loads index partitions), for comparison.
    const plain: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      plain.length = 0;
      for (const vector of queries) plain.push((await timed(() => store.searchVectors({ vector, limit: LIMIT }))).ms);
    }
    const filters: FilterFigures[] = [];
    for (const { name, filter, minScore } of filterCases(size)) {
      log(`  ${size}: ${name}`);
      filters.push({ name, ...(await measureFilter(store, queries, filter, minScore, size)) });
    }
    return {
      size,
      dimension: DIMENSION,
      cores: os.availableParallelism(),
      queries: queryCount,
      indexed,
      unfilteredP50Ms: percentile(plain, 50),
      unfilteredP95Ms: percentile(plain, 95),
      filters,
      writeSeconds: write.ms / 1000,
      indexSeconds: index.ms / 1000,
      peakRssMb: peakRssMb(),
      totalSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await store.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export function printSearchFilters(f: SearchFiltersFigures): void {
  const n = f.size.toLocaleString('en');
  const rows: Row[] = [
    [`${n}: write, ensureVectorIndex`, `${f.writeSeconds.toFixed(1)} s, ${f.indexSeconds.toFixed(1)} s`, f.indexed ? 'IVF index built' : 'flat search'],
    [`${n}: no filter p50 / p95`, `${f.unfilteredP50Ms.toFixed(1)} / ${f.unfilteredP95Ms.toFixed(1)} ms`, 'for comparison'],
  ];
  for (const x of f.filters) {
    rows.push([
      `${n}: ${x.name} p50 / p95`,
      `${x.p50Ms.toFixed(1)} / ${x.p95Ms.toFixed(1)} ms`,
      `${(x.share * 100).toFixed(1)}% of photos; recall@20 ${x.recallAt20.toFixed(3)}, pages ${(x.fill * 100).toFixed(0)}% full (target p50 <= 20 ms)`,
    ]);
  }
  rows.push(['total, peak RSS', `${f.totalSeconds.toFixed(0)} s, ${f.peakRssMb.toFixed(0)} MB`]);
  printTable(`Filtered search, ${f.dimension}-d clustered vectors, limit ${LIMIT}, ${f.queries} queries (warm), ${f.cores} cores`, rows);
}

export function searchFiltersJson(f: SearchFiltersFigures): string {
  return JSON.stringify({
    bench: 'search-filters',
    size: f.size,
    dimension: f.dimension,
    cores: f.cores,
    queries: f.queries,
    indexed: f.indexed,
    unfiltered_p50_ms: round(f.unfilteredP50Ms, 2),
    unfiltered_p95_ms: round(f.unfilteredP95Ms, 2),
    filters: f.filters.map((x) => ({
      name: x.name,
      share: round(x.share, 4),
      p50_ms: round(x.p50Ms, 2),
      p95_ms: round(x.p95Ms, 2),
      recall_at_20: round(x.recallAt20, 4),
      fill: round(x.fill, 4),
    })),
    write_s: round(f.writeSeconds, 1),
    index_s: round(f.indexSeconds, 1),
    peak_rss_mb: round(f.peakRssMb, 0),
    total_s: round(f.totalSeconds, 1),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const size = Number(process.argv[2]) || undefined;
  searchFiltersScale(size)
    .then((figures) => {
      printSearchFilters(figures);
      console.log(searchFiltersJson(figures));
    })
    .catch((err: unknown) => {
      console.error(`search-filters: ${(err as Error).message}`);
      process.exitCode = 1;
    });
}
