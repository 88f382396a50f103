// A model's photo vectors held in memory with the columns search filters on, ranked the way
// LanceDB ranks them: exact cosine, the filter applied before ranking, the relevance cut-off
// as the same distance range, then offset/limit. The vector cache (vector-cache.ts) keeps one
// of these in step with the library's table so that searches on object storage never wait
// on the network. Pure: no I/O, testable with plain arrays.
import { sep } from 'node:path';
import type { PhotoFilter, VectorHit, VectorQuery } from './types';
import { cameraMatches } from './camera-values';
import { dateOf, filterUtcOffset, instantOf } from './photo-date';
import { allocVectors, dotsWith } from './vector-dots';

/** One model's rows, column by column; `vectors` holds `dimension` floats per row. Besides what
 *  search ranks and filters on, every column of a photo's summary (PhotoSummary), so that a
 *  page of results (photosByPath) and a photo (getPhoto) are answered here too, not over S3. */
export interface VectorRows {
  dimension: number;
  /** Lance row ids (fragment << 32 | offset, below 2^53): a row's identity in the table's history. */
  rowIds: Float64Array;
  paths: string[];
  hashes: string[];
  folders: string[];
  modelIds: string[];
  /** '' when the table records none (schema v1). */
  thumbKeys: string[];
  cameraMake: (string | null)[];
  cameraModel: (string | null)[];
  /** NaN stands for null (no date). */
  takenAt: Float64Array;
  /** Minutes east of UTC; NaN: none recorded. */
  takenOffset: Float64Array;
  /** NaN: no coordinate. */
  gpsLat: Float64Array;
  gpsLon: Float64Array;
  size: Float64Array;
  mtimeMs: Float64Array;
  width: Float64Array;
  height: Float64Array;
  /** NaN: no EXIF orientation. */
  orientation: Float64Array;
  indexedAt: Float64Array;
  /** NaN: a photo, not a video. */
  durationMs: Float64Array;
  vectors: Float32Array;
  /** Each vector's length (vectorNorms), kept so that no search or start computes them again. */
  norms: Float64Array;
}

/** The number columns (NaN for null), in the order the cache file stores them. */
export const NUMBER_COLUMNS = ['rowIds', 'takenAt', 'takenOffset', 'gpsLat', 'gpsLon', 'size', 'mtimeMs', 'width', 'height', 'orientation', 'indexedAt', 'durationMs', 'norms'] as const;
/** The string columns; the last two hold null too. */
export const STRING_COLUMNS = ['paths', 'hashes', 'folders', 'modelIds', 'thumbKeys', 'cameraMake', 'cameraModel'] as const;
export type NumberColumn = (typeof NUMBER_COLUMNS)[number];
export type StringColumn = (typeof STRING_COLUMNS)[number];

/** One string per distinct value: a folder, model or camera name is held once, not once per photo. */
export function interner(): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) => {
    const known = seen.get(value);
    if (known !== undefined) return known;
    seen.set(value, value);
    return value;
  };
}

/** Rows of this many photos: every column allocated, zero-filled (the vectors: given, or in the kernel's memory). */
export function allocRows(n: number, dimension: number, vectors?: Float32Array): VectorRows {
  const rows = { dimension, vectors: vectors ?? allocVectors(n, dimension) } as VectorRows;
  for (const c of NUMBER_COLUMNS) rows[c] = new Float64Array(n);
  for (const c of STRING_COLUMNS) (rows[c] as (string | null)[]) = new Array<string | null>(n);
  return rows;
}

export function emptyRows(dimension: number): VectorRows {
  return allocRows(0, dimension);
}

/** Rows of `parts` in order, the rows at `drop[k]` of part k left out: one copy of each column. */
function joinRows(parts: readonly VectorRows[], drops: readonly (ReadonlySet<number> | undefined)[], dimension: number): VectorRows {
  const kept = parts.map((part, k) => {
    const drop = drops[k];
    if (!drop || drop.size === 0) return null; // every row
    const keep: number[] = [];
    for (let i = 0; i < part.paths.length; i++) if (!drop.has(i)) keep.push(i);
    return keep;
  });
  const n = parts.reduce((sum, part, k) => sum + (kept[k]?.length ?? part.paths.length), 0);
  const d = dimension;
  const out = allocRows(n, d);
  let to = 0;
  parts.forEach((from, k) => {
    const rows = kept[k] ?? null;
    const count = rows ? rows.length : from.paths.length;
    for (let r = 0; r < count; r++, to++) {
      const i = rows ? rows[r]! : r;
      for (const c of NUMBER_COLUMNS) out[c][to] = from[c][i]!;
      for (const c of STRING_COLUMNS) out[c][to] = from[c][i]!;
      out.vectors.set(from.vectors.subarray(i * d, (i + 1) * d), to * d);
    }
  });
  return out;
}

/** `rows` without the rows at `drop` and with `added` after them. */
export function spliceRows(rows: VectorRows, drop: ReadonlySet<number>, added: VectorRows): VectorRows {
  return joinRows([rows, added], [drop, undefined], rows.dimension);
}

/** Concatenates batches read from the table (same dimension). */
export function concatRows(parts: readonly VectorRows[], dimension: number): VectorRows {
  return joinRows(parts, [], dimension);
}

/** Each row's vector length (stored vectors are normalised, but exact cosine divides by it). */
export function vectorNorms(vectors: Float32Array, dimension: number): Float64Array {
  const n = dimension > 0 ? vectors.length / dimension : 0;
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = i * dimension; j < (i + 1) * dimension; j++) s += vectors[j]! * vectors[j]!;
    norms[i] = Math.sqrt(s);
  }
  return norms;
}

type Admit = (rows: VectorRows, i: number) => boolean;

/**
 * The filter as a row test, with the semantics of sql.ts `photoFilterPredicate` (and the
 * camera substring as camera-values.ts resolves it): a NULL column never matches a condition
 * on it. Null when the filter admits every row.
 */
export function compileFilter(filter: PhotoFilter): Admit | null {
  const tests: Admit[] = [];
  if (filter.folder !== undefined) {
    const prefix = filter.folder.endsWith(sep) ? filter.folder : filter.folder + sep;
    tests.push((r, i) => r.paths[i]!.startsWith(prefix));
  }
  const { takenFrom, takenBefore, takenFromInstant, takenBeforeInstant, camera, hasGps } = filter;
  // A photo's date as the timeline dates it: taken (NaN: none), else its file time (photo-date.ts).
  const utcOffset = takenFrom !== undefined || takenBefore !== undefined ? filterUtcOffset(filter) : 0;
  const taken = (r: VectorRows, i: number) => (Number.isNaN(r.takenAt[i]!) ? null : r.takenAt[i]!);
  const date = (r: VectorRows, i: number) => dateOf(taken(r, i), r.mtimeMs[i]!, utcOffset);
  if (takenFrom !== undefined) tests.push((r, i) => date(r, i) >= takenFrom);
  if (takenBefore !== undefined) tests.push((r, i) => date(r, i) < takenBefore);
  const instant = (r: VectorRows, i: number) => instantOf(taken(r, i), Number.isNaN(r.takenOffset[i]!) ? null : r.takenOffset[i]!, r.mtimeMs[i]!);
  if (takenFromInstant !== undefined) tests.push((r, i) => instant(r, i) >= takenFromInstant);
  if (takenBeforeInstant !== undefined) tests.push((r, i) => instant(r, i) < takenBeforeInstant);
  if (camera !== undefined) tests.push((r, i) => cameraMatches({ make: r.cameraMake[i]!, model: r.cameraModel[i]! }, camera));
  // As sql.ts: both coordinates present (NaN is none).
  const gps = (r: VectorRows, i: number) => !Number.isNaN(r.gpsLat[i]!) && !Number.isNaN(r.gpsLon[i]!);
  if (hasGps === true) tests.push((r, i) => gps(r, i));
  if (hasGps === false) tests.push((r, i) => !gps(r, i));
  if (filter.paths !== undefined) {
    const paths = new Set(filter.paths);
    tests.push((r, i) => paths.has(r.paths[i]!));
  }
  if (filter.hashes !== undefined) {
    const hashes = new Set(filter.hashes);
    tests.push((r, i) => hashes.has(r.hashes[i]!));
  }
  if (tests.length === 0) return null;
  return (r, i) => tests.every((t) => t(r, i));
}

/** How many rows the filter admits (the store's `countPhotos`). */
export function countRows(rows: VectorRows, filter: PhotoFilter): number {
  const admit = compileFilter(filter);
  if (!admit) return rows.paths.length;
  let count = 0;
  for (let i = 0; i < rows.paths.length; i++) if (admit(rows, i)) count++;
  return count;
}

/**
 * The page `query` asks for: exact cosine top (offset + limit), best first, ties by path so
 * pages are stable. `minScore` keeps what LanceDB's distance range keeps (photos-repository.ts:
 * cosine distance below 1 - minScore + 1e-7).
 */
export function rankRows(rows: VectorRows, query: VectorQuery): VectorHit[] {
  const { vector, limit, offset = 0, minScore } = query;
  const d = rows.dimension;
  if (vector.length !== d) throw new Error(`Query vector has ${vector.length} dimensions; the cached vectors have ${d}`);
  const want = offset + limit;
  if (limit === 0) return [];
  const admit = compileFilter(query);
  const maxDistance = minScore !== undefined ? 1 - minScore + 1e-7 : Infinity;
  let qNorm = 0;
  for (let j = 0; j < d; j++) qNorm += vector[j]! * vector[j]!;
  qNorm = Math.sqrt(qNorm);
  const top = new TopK(want, rows.paths);
  const m = rows.vectors;
  const n = rows.paths.length;
  const norms = rows.norms;
  // The SIMD kernel's products (vector-dots.ts) when the rows live in its memory.
  const dots = n > 0 ? dotsWith(m, vector) : null;
  for (let i = 0; i < n; i++) {
    if (admit && !admit(rows, i)) continue;
    if (dots) {
      const norm = norms[i]! * qNorm;
      const score = norm > 0 ? dots[i]! / norm : 0;
      if (1 - score < maxDistance) top.offer(i, score);
      continue;
    }
    // Four accumulators: V8 keeps them in registers and the loop runs ~2x faster than one.
    const o = i * d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let j = 0;
    for (; j + 3 < d; j += 4) {
      s0 += m[o + j]! * vector[j]!;
      s1 += m[o + j + 1]! * vector[j + 1]!;
      s2 += m[o + j + 2]! * vector[j + 2]!;
      s3 += m[o + j + 3]! * vector[j + 3]!;
    }
    for (; j < d; j++) s0 += m[o + j]! * vector[j]!;
    const norm = norms[i]! * qNorm;
    const score = norm > 0 ? (s0 + s1 + s2 + s3) / norm : 0;
    if (1 - score >= maxDistance) continue;
    top.offer(i, score);
  }
  return top
    .sorted()
    .slice(offset)
    .map((i) => ({ path: rows.paths[i.index]!, score: i.score }));
}

/** The k best (score, then path) among offered rows: a min-heap whose root is the worst kept. */
class TopK {
  private readonly heap: { index: number; score: number }[] = [];

  constructor(
    private readonly k: number,
    private readonly paths: readonly string[],
  ) {}

  /** a ranks below b (lower score; equal scores: later path). */
  private worse(a: { index: number; score: number }, b: { index: number; score: number }): boolean {
    return a.score < b.score || (a.score === b.score && this.paths[a.index]! > this.paths[b.index]!);
  }

  offer(index: number, score: number): void {
    const h = this.heap;
    const item = { index, score };
    if (h.length < this.k) {
      h.push(item);
      let c = h.length - 1;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!this.worse(h[c]!, h[p]!)) break;
        [h[c], h[p]] = [h[p]!, h[c]!];
        c = p;
      }
      return;
    }
    if (!this.worse(h[0]!, item)) return;
    h[0] = item;
    let p = 0;
    for (;;) {
      const l = 2 * p + 1;
      const r = l + 1;
      let w = p;
      if (l < h.length && this.worse(h[l]!, h[w]!)) w = l;
      if (r < h.length && this.worse(h[r]!, h[w]!)) w = r;
      if (w === p) return;
      [h[p], h[w]] = [h[w]!, h[p]!];
      p = w;
    }
  }

  sorted(): { index: number; score: number }[] {
    return [...this.heap].sort((a, b) => (this.worse(a, b) ? 1 : this.worse(b, a) ? -1 : 0));
  }
}
