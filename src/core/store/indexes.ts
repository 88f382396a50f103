// The photos table's indexes: when to build them, with which parameters, and how searches
// use them. Figures from bench/search-scale.ts and a comparison of LanceDB's index types on
// the 2-core reference machine (512-d clustered vectors, limit 20, recall vs exact search):
//
//   index, query parameters               rows   build     p50 (warm)  recall@20   size
//   IVF_FLAT, nprobes 20                  1M     50 s      9 ms        1.000       = the vectors
//   IVF_FLAT, nprobes 20                  100k   3.4 s     3.5 ms      1.000
//   IVF_RQ, nprobes 20, refine 10         1M     36 s      10 ms       0.93        1/32
//   IVF_PQ 32 sub-vectors, refine 20      100k   65 s      6.6 ms      0.998       1/64
//   IVF_PQ 64 sub-vectors, refine 10      100k   172 s     7.2 ms      1.000       1/32
//   IVF_HNSW_SQ, 1-32 partitions, ef 80   100k   26-127 s  2-5 ms      0.93-0.98   1/4
//
// IVF_FLAT is exact within the partitions it probes, so its recall only depends on nprobes;
// the quantized types need a refine step and still miss neighbours when many photos are
// almost equally close (one event's photos), and PQ/HNSW training takes 20-50x longer
// (at 1M, ten minutes or more on 2 cores).
// Its cost is space: the index holds its own copy of the vectors (2 GB per 1M photos at
// 512-d), and the partitions that queries probe stay in LanceDB's index cache (memory).
// A partition's first probe loads it: the first searches after opening are ~3x slower.
import type { Table, VectorQuery as LanceVectorQuery } from '@lancedb/lancedb';
import { loadLanceDb } from './connection';
import { VECTOR_COLUMN } from './schema';

/**
 * Below this many rows searches are flat. A flat search reads every vector (512-d here:
 * 11-16 ms at 10k, 90-150 ms at 100k, 0.8-2.3 s at 1M), while IVF needs enough rows per
 * partition to train; 10k is where the index starts paying.
 */
export const INDEX_MIN_ROWS = 10_000;

/** Unindexed rows are searched flat on every query; past this many, fold them into the index. */
const MAX_UNINDEXED_ROWS = 5_000;

/** Once the table has grown by half since the partitions were trained, retrain them. */
const RETRAIN_GROWTH = 0.5;

/** Partitions probed per query: recall 1.0 at 100k and 1M in the benchmark, ~10 ms at 1M. */
const NPROBES = 20;

/** Lookups by these columns (getPhoto, photosByHash, merge-insert on path) use a B-tree. */
const SCALAR_INDEX_COLUMNS = ['path', 'hash'];

/** Few distinct values, filtered by equality (the camera filter, camera-values.ts): bitmaps. */
const BITMAP_INDEX_COLUMNS = ['cameraMake', 'cameraModel'];

function partitionsFor(rows: number): number {
  return Math.max(16, Math.round(Math.sqrt(rows)));
}

async function trainVectorIndex(table: Table, rows: number): Promise<void> {
  const { Index } = await loadLanceDb();
  await table.createIndex(VECTOR_COLUMN, {
    config: Index.ivfFlat({ distanceType: 'cosine', numPartitions: partitionsFor(rows) }),
    replace: true,
  });
}

/**
 * Once the table reaches INDEX_MIN_ROWS: creates the IVF index on `vector`, B-trees on
 * `path` and `hash`, and bitmaps on the camera columns. Later calls fold new rows into the indexes (an incremental
 * `optimize`) or retrain the IVF partitions when the table has outgrown them.
 */
export async function ensureIndexes(table: Table, columns: { scalar: readonly string[]; bitmap: readonly string[] } = { scalar: SCALAR_INDEX_COLUMNS, bitmap: BITMAP_INDEX_COLUMNS }): Promise<void> {
  const rows = await table.countRows();
  if (rows < INDEX_MIN_ROWS) return;
  const indexes = await table.listIndices();
  const { Index } = await loadLanceDb();
  for (const column of columns.scalar) {
    if (!indexes.some((i) => i.columns.includes(column))) await table.createIndex(column, { config: Index.btree() });
  }
  for (const column of columns.bitmap) {
    if (!indexes.some((i) => i.columns.includes(column))) await table.createIndex(column, { config: Index.bitmap() });
  }
  const vector = indexes.find((i) => i.columns.includes(VECTOR_COLUMN));
  if (!vector) {
    await trainVectorIndex(table, rows);
    return;
  }
  const stats = await table.indexStats(vector.name);
  if (!stats) return;
  if (stats.numUnindexedRows > RETRAIN_GROWTH * stats.numIndexedRows) await trainVectorIndex(table, rows);
  else if (stats.numUnindexedRows > MAX_UNINDEXED_ROWS) await optimizeTable(table);
}

/**
 * Applies the index's query parameters (ignored by LanceDB when there is no index).
 * `widen`: probe NPROBES partitions, then further ones (nearest first) until the page is
 * full; for a narrow filter, which leaves few matching photos in any NPROBES partitions.
 */
export function tuneVectorSearch(query: LanceVectorQuery, options: { widen?: boolean } = {}): LanceVectorQuery {
  return options.widen ? query.minimumNprobes(NPROBES).maximumNprobes(0) : query.nprobes(NPROBES);
}

export async function hasVectorIndex(table: Table): Promise<boolean> {
  return (await table.listIndices()).some((i) => i.columns.includes(VECTOR_COLUMN));
}

/**
 * Compacts small fragments, folds unindexed rows into the indexes and deletes versions
 * older than a few minutes. Not zero: a reader in another process may still be reading
 * the version it started on.
 */
export async function optimizeTable(table: Table): Promise<void> {
  await table.optimize({ cleanupOlderThan: new Date(Date.now() - 5 * 60_000) });
}
