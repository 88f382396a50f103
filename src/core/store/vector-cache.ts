// A device-side cache of one model's vectors, for libraries on object storage: LanceDB answers
// a search there in 500-1000 ms (every query reads index partitions over the network), this
// cache in tens of milliseconds, with the same results as an exact LanceDB search
// (vector-rows.ts ranks them). It follows the table's version: a search first asks the table
// for its version (a reader connection checks the latest manifest on the object store) and,
// when it moved, brings the cache up to date before answering, so another device's commits
// are seen. That check is a request (~50 ms on the test gateway, as much as ranking 100k
// photos), so an answer may rest on a check made up to `recheckMs` before (default 1 s): a
// burst of searches (typing, paging) makes one check, and a commit is seen within a second.
//
// Incremental where Lance allows: a row id is (fragment id << 32 | offset) and fragments are
// never rewritten in place (a delete marks rows, an update deletes and appends, compaction
// writes new fragments), so a row id names the same row content for the table's whole life.
// The refresh reads the live row ids only (no column data), drops the cached rows that are no
// longer live and takes the new ones by id. When ids are not addresses (a table made with
// stable row ids, where an update keeps the id), or the table was replaced (a few surviving
// rows are checked), or most rows are new (after compaction), the table is read whole.
//
// A version number does not name a table: a library deleted and made again at the same
// address (another library copied there) reaches the same numbers with other rows. So rows not
// read from the table in this run (the file, or rows held while the table could not be read)
// are trusted only once a few of them, and the count, match the table (sameTable); a copy made
// byte for byte matches, and holds the same rows.
//
// On disk in <home>/cache/vectors/ (vector-cache-file.ts), keyed by library and model, so the
// first search after a start reads a local file and only what changed since.
import type { Table } from '@lancedb/lancedb';
import type { PhotoFilter, PhotoRecord, PhotoSummary, VectorHit, VectorQuery } from './types';
import { VECTOR_COLUMN } from './schema';
import { readBatch, type ArrowBatch } from './photo-vectors';
import { allocRows, concatRows, interner, countRows, emptyRows, rankRows, spliceRows, vectorNorms, type VectorRows } from './vector-rows';
import { recordOf, summariesOf } from './vector-summaries';
import { loadCachedTable, saveCachedTable, type CachedTable } from './vector-cache-file';

/** Columns read besides path, hash and the vector: what filters test and a photo's summary shows
 *  (`mtime`: the v1 layout's, in seconds; older tables lack takenOffset, durationMs, thumbKey). */
const ROW_COLUMNS = ['folder', 'size', 'mtimeMs', 'mtime', 'width', 'height', 'takenAt', 'takenOffset', 'cameraMake', 'cameraModel', 'gpsLat', 'gpsLon', 'orientation', 'modelId', 'thumbKey', 'indexedAt', 'durationMs'];
/** Rows taken by id per request. */
const TAKE_CHUNK = 4096;
/** Surviving rows compared with the table on each incremental refresh (same path and hash). */
const SPOT_CHECKS = 4;
const RECHECK_MS = 1000;

export class VectorCache {
  private cached: CachedTable | null = null;
  private loaded = false;
  private syncing: Promise<VectorRows> | null = null;
  private saving: Promise<void> = Promise.resolve();
  /** Rows read from the table since the file was last written: what a restart would read again. */
  private unsaved = 0;
  /** When the version was last checked (performance.now()), and the wait allowed after it. */
  private checkedAt = -Infinity;
  /** Whether the cached rows are known to be this table's (read from it, or checked against it). */
  private verified = false;
  private readonly recheckMs: number;

  constructor(
    private readonly file: string,
    private readonly modelId: string,
    options: { recheckMs?: number } = {},
  ) {
    this.recheckMs = options.recheckMs ?? RECHECK_MS;
  }

  async search(table: Table, dimension: number, query: VectorQuery): Promise<VectorHit[]> {
    return this.answer(table, dimension, (rows) => rankRows(rows, query));
  }

  async count(table: Table, dimension: number, filter: PhotoFilter): Promise<number> {
    return this.answer(table, dimension, (rows) => countRows(rows, filter));
  }

  /** The photos among `paths`, as the table's rows without vectors (a page of search results). */
  async summaries(table: Table, dimension: number, paths: readonly string[]): Promise<Map<string, PhotoSummary>> {
    return this.answer(table, dimension, (rows) => summariesOf(rows, paths));
  }

  /** One photo, vector included, or null. */
  async record(table: Table, dimension: number, path: string): Promise<PhotoRecord | null> {
    return this.answer(table, dimension, (rows) => recordOf(rows, path));
  }

  /**
   * `fn` over the rows as of the table's current version. With rows in hand, the version is
   * asked for and `fn` runs while the object store answers (ranking is synchronous, the request
   * runs on LanceDB's own threads): an unchanged version costs no more than the slower of the
   * two; a moved one brings the rows up to date and runs `fn` again.
   */
  private async answer<T>(table: Table, dimension: number, fn: (rows: VectorRows) => T): Promise<T> {
    const cached = this.cached;
    if (!cached || this.syncing || !this.verified) return fn(await this.rows(table, dimension));
    if (performance.now() - this.checkedAt < this.recheckMs) return fn(cached.rows);
    const checkedAt = performance.now();
    const asked = table.version();
    asked.catch(() => {}); // awaited below; never an unhandled rejection if `fn` throws first
    const answer = fn(cached.rows);
    const version = await this.unlessGone(asked);
    if (version === cached.version && this.cached === cached && this.verified) {
      this.checkedAt = checkedAt;
      return answer;
    }
    return fn(await this.rows(table, dimension, version));
  }

  /** The rows as of the table's current version (or `known`, just read); concurrent callers share one refresh. */
  async rows(table: Table, dimension: number, known?: number): Promise<VectorRows> {
    this.syncing ??= this.sync(table, dimension, known).finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  /**
   * Whether the rows are in memory (a search loaded them). Lookups by path use the cache only
   * then: a one-off lookup (a CLI command, a thumbnail) should not read the whole table or a
   * ~200 MB file to answer what one query answers in ~200 ms.
   */
  get ready(): boolean {
    return this.cached !== null;
  }

  /** The table was just written (by this process): the next answer checks the version first. */
  stale(): void {
    this.checkedAt = -Infinity;
  }

  /** Waits for a write of the cache file in progress. */
  async close(): Promise<void> {
    await this.saving;
  }

  private async sync(table: Table, dimension: number, known?: number): Promise<VectorRows> {
    // The version first: a commit landing during the refresh moves it again, and the next
    // search refreshes once more, so the cache never claims a version it may not hold.
    const checkedAt = performance.now();
    const version = known ?? (await this.unlessGone(table.version()));
    this.checkedAt = checkedAt;
    if (!this.loaded) {
      this.loaded = true;
      const onDisk = await loadCachedTable(this.file, this.modelId);
      this.cached = onDisk?.rows.dimension === dimension ? onDisk : null;
      this.verified = false;
    }
    if (this.cached?.version === version) {
      if (this.verified || (await sameTable(table, this.cached.rows))) {
        this.verified = true;
        return this.cached.rows;
      }
      this.cached = null; // another table at this address: its rows are read whole
    }
    const before = this.cached;
    let rows = before && before.version < version ? await this.incremental(table, before.rows, dimension) : null;
    const whole = !rows;
    rows ??= await readAll(table, dimension);
    this.cached = { modelId: this.modelId, version, rows };
    this.verified = true; // read from the table, or checked against it (incremental)
    this.saveSoon(whole);
    return rows;
  }

  /** The table's answer; a failure (the table gone, the server not answering) makes the held rows unverified. */
  private async unlessGone<T>(asked: Promise<T>): Promise<T> {
    try {
      return await asked;
    } catch (error) {
      this.verified = false; // the table may come back as another one (the library made again)
      throw error;
    }
  }

  /** The cached rows brought up to date by row id, or null when the table must be read whole. */
  private async incremental(table: Table, rows: VectorRows, dimension: number): Promise<VectorRows | null> {
    const live = await liveRowIds(table);
    if (!live) return null; // row ids are not addresses: an id does not pin a row's content
    const cachedAt = new Map<number, number>();
    rows.rowIds.forEach((id, i) => cachedAt.set(id, i));
    const liveSet = new Set(live);
    const drop = new Set<number>();
    rows.rowIds.forEach((id, i) => {
      if (!liveSet.has(id)) drop.add(i);
    });
    const added = live.filter((id) => !cachedAt.has(id));
    // After a compaction every id is new: one streaming read beats taking them all by id.
    if (added.length > Math.max(1024, rows.paths.length / 2)) return null;
    const surviving = rows.rowIds.filter((_, i) => !drop.has(i));
    if (!(await sameRows(table, rows, surviving, cachedAt))) return null;
    const fresh = await takeRows(table, added, dimension);
    this.unsaved += fresh.paths.length;
    return spliceRows(rows, drop, fresh);
  }

  /**
   * Writes the file in the background once a restart would have to read enough again: the
   * whole table after a full read, else 2% of the rows (at least 256). A small refresh costs
   * less than rewriting the file (~200 MB at 100k photos of 512-d vectors).
   */
  private saveSoon(whole: boolean): void {
    const snapshot = this.cached!;
    if (!whole && this.unsaved < Math.max(256, snapshot.rows.paths.length * 0.02)) return;
    this.unsaved = 0;
    // A cache: a failed write only means the next start reads the table again.
    this.saving = this.saving.then(() => saveCachedTable(this.file, snapshot)).catch(() => {});
  }
}

/** The table's live row ids, or null when they are not row addresses (stable row ids). */
async function liveRowIds(table: Table): Promise<number[] | null> {
  const ids: number[] = [];
  const query = table.query().select(['_rowaddr']).withRowId();
  for await (const batch of query as AsyncIterable<ArrowBatch>) {
    const id = batch.getChild('_rowid');
    const addr = batch.getChild('_rowaddr');
    if (!id || !addr) throw new Error('row ids missing from the scan');
    for (let i = 0; i < batch.numRows; i++) {
      const value = id.get(i) as bigint;
      if (value !== (addr.get(i) as bigint)) return null;
      ids.push(Number(value));
    }
  }
  return ids;
}

/** Cached rows at the table's version are its own: as many rows, and a few of them hold what the cache says. */
async function sameTable(table: Table, rows: VectorRows): Promise<boolean> {
  const [count, same] = await Promise.all([table.countRows(), sameRows(table, rows, rows.rowIds, new Map(Array.from(rows.rowIds, (id, i) => [id, i])))]);
  return count === rows.paths.length && same;
}

/** A few surviving rows still hold what the cache says (a replaced table reuses ids): path, hash and when indexed (a photo indexed again elsewhere has the same path and hash). */
async function sameRows(table: Table, rows: VectorRows, surviving: Float64Array, at: Map<number, number>): Promise<boolean> {
  if (surviving.length === 0) return true;
  const step = Math.max(1, Math.floor(surviving.length / SPOT_CHECKS));
  const ids = Array.from({ length: Math.min(SPOT_CHECKS, surviving.length) }, (_, k) => surviving[k * step]!);
  const withIndexedAt = (await table.schema()).fields.some((f) => f.name === 'indexedAt');
  const result = await table.takeRowIds(ids).select(['path', 'hash', ...(withIndexedAt ? ['indexedAt'] : [])]).withRowId().toArrow();
  const found = new Map<number, { path: string; hash: string; indexedAt: number }>();
  for (const batch of result.batches as unknown as ArrowBatch[]) {
    const id = batch.getChild('_rowid')!;
    const path = batch.getChild('path')!;
    const hash = batch.getChild('hash')!;
    const indexedAt = batch.getChild('indexedAt');
    for (let i = 0; i < batch.numRows; i++) {
      const at = indexedAt?.get(i);
      found.set(Number(id.get(i) as bigint), { path: String(path.get(i)), hash: String(hash.get(i)), indexedAt: at === null || at === undefined ? NaN : Number(at) });
    }
  }
  return ids.every((id) => {
    const row = found.get(id);
    const i = at.get(id)!;
    return row !== undefined && row.path === rows.paths[i] && row.hash === rows.hashes[i] && Object.is(row.indexedAt, rows.indexedAt[i]);
  });
}

async function columnsOf(table: Table): Promise<string[]> {
  const have = new Set((await table.schema()).fields.map((f) => f.name));
  return ['path', 'hash', VECTOR_COLUMN, ...ROW_COLUMNS.filter((c) => have.has(c))];
}

async function readAll(table: Table, dimension: number): Promise<VectorRows> {
  const parts: VectorRows[] = [];
  const query = table.query().select(await columnsOf(table)).withRowId();
  for await (const batch of query as AsyncIterable<ArrowBatch>) if (batch.numRows > 0) parts.push(toRows(batch, dimension));
  return parts.length ? concatRows(parts, dimension) : emptyRows(dimension);
}

async function takeRows(table: Table, ids: readonly number[], dimension: number): Promise<VectorRows> {
  const parts: VectorRows[] = [];
  const columns = await columnsOf(table);
  for (let k = 0; k < ids.length; k += TAKE_CHUNK) {
    const result = await table.takeRowIds(ids.slice(k, k + TAKE_CHUNK)).select(columns).withRowId().toArrow();
    for (const batch of result.batches as unknown as ArrowBatch[]) if (batch.numRows > 0) parts.push(toRows(batch, dimension));
  }
  return parts.length ? concatRows(parts, dimension) : emptyRows(dimension);
}

function toRows(batch: ArrowBatch, dimension: number): VectorRows {
  const n = batch.numRows;
  const { paths, hashes, vectors } = readBatch(batch, dimension);
  const rows = allocRows(n, dimension, vectors);
  rows.paths = paths;
  rows.hashes = hashes;
  const numbers = (name: string, into: Float64Array, scale = 1) => {
    const c = batch.getChild(name);
    for (let i = 0; i < n; i++) {
      const v = c?.get(i);
      into[i] = v === null || v === undefined ? NaN : Number(v) * scale;
    }
  };
  const strings = (name: string, into: (string | null)[], missing: string | null) => {
    const c = batch.getChild(name);
    const intern = interner();
    for (let i = 0; i < n; i++) {
      const v = c?.get(i);
      into[i] = typeof v === 'string' ? intern(v) : missing;
    }
  };
  numbers('_rowid', rows.rowIds);
  for (const c of ['takenAt', 'takenOffset', 'gpsLat', 'gpsLon', 'size', 'width', 'height', 'orientation', 'indexedAt', 'durationMs'] as const) numbers(c, rows[c]);
  if (batch.getChild('mtimeMs')) numbers('mtimeMs', rows.mtimeMs);
  else numbers('mtime', rows.mtimeMs, 1000);
  strings('folder', rows.folders, null);
  strings('modelId', rows.modelIds, null);
  strings('thumbKey', rows.thumbKeys, '');
  strings('cameraMake', rows.cameraMake, null);
  strings('cameraModel', rows.cameraModel, null);
  rows.norms = vectorNorms(vectors, dimension);
  return rows;
}
