// The photos table of one model (`photos__<model key>`): upserts, lookups, listings and
// vector search. Only this file reads or writes photo rows.
import type { Table } from '@lancedb/lancedb';
import type { Schema } from 'apache-arrow';
import type { PhotoDates, PhotoFilter, PhotoRecord, PhotoState, PhotoSummary, VectorHit, VectorQuery } from './types';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { withOwnConnection } from './own-connection';
import type { LibraryConnection } from './connection';
import { isPhotosTable, photosTableName } from './model-key';
import { adoptModelTable, chooseModelTables, type TablesModel } from './model-tables';
import { NotEmbeddedError } from './not-embedded-error';
import { MODEL_ID_METADATA, VECTOR_COLUMN, photosSchema, vectorDimension } from './schema';
import { chunkForPredicate, equals, inList, photoFilterPredicate, underFolder } from './sql';
import { ensureIndexes, hasVectorIndex, tuneVectorSearch } from './indexes';
import { CameraValues } from './camera-values';
import type { VectorCache } from './vector-cache';
import { stablePage, type RangeQuery } from './tie-stable-page';

const STATE_COLUMNS = ['path', 'size', 'mtimeMs', 'hash', 'modelId', 'thumbKey'];
/** Columns of the v1 layout that a reader may still meet (migrations.ts). */
const LEGACY_COLUMNS = ['mtime'];

export class PhotosRepository {
  readonly tableName: string;
  private table: Table | null = null;
  /** The table's columns as found on disk (a reader may meet an older layout). */
  private columns: string[] = [];
  private readonly writeSchema: Schema;
  private readonly cameras = new CameraValues();
  /** Set for libraries on object storage (index.ts): searches, counts and lookups by path answer from it (vector-cache.ts). */
  vectorCache: VectorCache | null = null;

  private constructor(
    private readonly conn: LibraryConnection,
    readonly modelId: string,
    private dimension: number,
    /** The key of this model's tables (model-tables.ts): the id's own, or its weights' own. */
    readonly key: string,
    weights: string | undefined,
  ) {
    this.tableName = photosTableName(modelId, key);
    this.writeSchema = photosSchema(modelId, dimension, weights);
  }

  /**
   * Opens (the writer creates) the model's table and checks its vector dimension. An
   * existing table's own dimension is used when the caller gives 0 (a reader) or a function
   * (called only to create the table): listing photos or an unchanged re-run should not have
   * to load the model to learn its dimension.
   */
  static async open(conn: LibraryConnection, model: TablesModel): Promise<PhotosRepository> {
    // The model's dimension, learnt once: the function loads the model.
    let learnt: Promise<number> | undefined;
    const modelDimension = typeof model.dimension === 'number' ? model.dimension : () => (learnt ??= (model.dimension as () => Promise<number>)());
    const { key, adopt } = await chooseModelTables(conn, { ...model, dimension: modelDimension });
    let dimension = typeof modelDimension === 'number' ? modelDimension : 0;
    const existing = await conn.table(photosTableName(model.id, key));
    if (existing && dimension === 0) dimension = vectorDimension(await existing.schema()) ?? 0;
    if (!existing && typeof modelDimension === 'function' && !conn.readOnly) dimension = await modelDimension();
    const readerWithoutTable = conn.readOnly && !existing;
    if (!readerWithoutTable && (!Number.isInteger(dimension) || dimension < 1)) {
      throw new Error(`Invalid vector dimension ${dimension} for model ${model.id}`);
    }
    const repo = new PhotosRepository(conn, model.id, dimension, key, model.weights);
    if (adopt && model.weights) await adoptModelTable(conn, model.id, model.weights);
    if (!conn.readOnly) await conn.ensureTable(repo.tableName, repo.writeSchema);
    await repo.current();
    return repo;
  }

  /** The table, or null while a reader finds none yet (the writer may create it later). */
  private async current(): Promise<Table | null> {
    if (this.table) return this.table;
    const table = await this.conn.table(this.tableName);
    if (!table) return null;
    const schema = await table.schema();
    const dimension = vectorDimension(schema);
    // A reader that found no table at open takes the one the writer created since.
    if (this.dimension === 0 && this.conn.readOnly && dimension !== null) this.dimension = dimension;
    if (dimension !== this.dimension) {
      throw new Error(
        `The library's vectors for model ${this.modelId} have dimension ${dimension ?? 'none'}, but the model produces ${this.dimension}; remove that model's vectors (shoebox models remove) or use the matching model.`,
      );
    }
    this.table = table;
    this.columns = schema.fields.map((f) => f.name);
    return table;
  }

  private async writable(): Promise<Table> {
    if (this.conn.readOnly) throw new Error('The library is open read-only');
    const table = await this.current();
    if (!table) throw new Error(`The photos table ${this.tableName} is missing`);
    return table;
  }

  /**
   * Columns to read for photos without vectors: whatever the table has, legacy ones
   * included. A reader asks again each time, since a writer may migrate the table under it.
   */
  private async summaryColumns(table: Table): Promise<string[]> {
    if (this.conn.readOnly) this.columns = (await table.schema()).fields.map((f) => f.name);
    return this.columns.filter((name) => name !== VECTOR_COLUMN);
  }

  /** Paths the last read of the whole table's states found with more than one row (removeDoubles). */
  private doubled = new Set<string>();

  async upsert(records: PhotoRecord[]): Promise<void> {
    if (records.length === 0) return;
    const table = await this.writable();
    const byPath = new Map<string, PhotoRecord>();
    for (const record of records) {
      if (record.modelId !== this.modelId) {
        throw new Error(`Photo ${record.path} was embedded by ${record.modelId}, not by this table's model ${this.modelId}`);
      }
      byPath.set(record.path, record); // the last record for a path wins, as if upserted in order
    }
    const data = rowsToArrow(this.writeSchema, [...byPath.values()]);
    const before = await table.version();
    // One merge-insert is one commit: a crash leaves either the old rows or all the new ones.
    await table.mergeInsert('path').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data);
    this.cameras.noteWrite(before, await table.version(), records.map((r) => ({ make: r.cameraMake, model: r.cameraModel })));
  }

  /**
   * After a commit that landed late (this writer's lease had lapsed and another device took
   * over): deletes the rows `upsert(records)` wrote (path and indexedAt both match) where the
   * path also has a row of another indexedAt, the doubles of two devices inserting the same
   * photo at once. A row it wrote that is its path's only row stays: Lance re-runs a merge-insert made
   * on an old version against the newer one, where it *updates* the row the other device
   * wrote for that path, and deleting it would take the photo out of the library until the
   * next run. What stays is an embedding of the same file by the same model; had the file
   * changed since, its stored size and mtime differ and the next run indexes it again.
   * Done on a connection of its own, at the latest version: this writer's handle may not show
   * the other device's rows, or may be closed already (the store retired with the lease).
   */
  async removeDoublesWritten(records: PhotoRecord[]): Promise<void> {
    await withOwnConnection(this.conn.location, undefined, async (db, tables) => {
      if (tables.includes(this.tableName)) await removeDoubles(await db.openTable(this.tableName), records);
    });
  }

  /**
   * Paths the last read of the whole table's states saw twice keep their newest row (by
   * indexedAt); see LibraryStore.repairDoubles. Only the exact older rows seen go. Rows that
   * tie (the same indexedAt: no predicate tells them apart) are replaced by one copy, written
   * a millisecond newer before they go: stopped between the two commits, the copy is the newest.
   */
  async removeDoubles(): Promise<number> {
    const paths = [...this.doubled];
    this.doubled = new Set();
    const table = await this.current();
    if (!table || !paths.length) return 0;
    let removed = 0;
    const older: string[] = [];
    const tied: string[] = [];
    for (const [p, at] of await indexedAtByPath(table, paths)) {
      const newest = Math.max(...at);
      const old = at.filter((t) => t < newest);
      if (old.length) older.push(`(${equals('path', p)} AND indexedAt IN (${[...new Set(old)].join(', ')}))`);
      removed += old.length;
      if (at.length - old.length > 1) {
        tied.push(`(${equals('path', p)} AND indexedAt = ${newest})`);
        removed += at.length - old.length - 1;
      }
    }
    for (let i = 0; i < older.length; i += 256) await table.delete(older.slice(i, i + 256).join(' OR '));
    for (let i = 0; i < tied.length; i += 256) {
      const these = tied.slice(i, i + 256).join(' OR ');
      const copies = new Map((await this.records(these)).map((r) => [r.path, { ...r, indexedAt: r.indexedAt + 1 }]));
      await table.add(rowsToArrow(this.writeSchema, [...copies.values()]));
      await table.delete(these);
    }
    return removed;
  }

  async states(folder?: string): Promise<Map<string, PhotoState>> {
    const states = new Map<string, PhotoState>();
    const table = await this.current();
    if (!table) return states;
    const have = new Set(await this.summaryColumns(table));
    let query = table.query().select([...STATE_COLUMNS, ...LEGACY_COLUMNS].filter((c) => have.has(c)));
    if (folder !== undefined) query = query.where(underFolder(folder));
    const rows = new ColumnReader(await query.toArrow());
    const doubled = new Set<string>();
    for (let i = 0; i < rows.length; i++) {
      const p = rows.string('path', i);
      if (states.has(p)) doubled.add(p);
      states.set(p, {
        size: rows.number('size', i),
        mtimeMs: mtimeMs(rows, i),
        hash: rows.string('hash', i),
        modelId: rows.string('modelId', i),
        thumbKey: have.has('thumbKey') ? rows.string('thumbKey', i) : '',
      });
    }
    if (folder === undefined) this.doubled = doubled;
    return states;
  }

  async byHash(hash: string): Promise<PhotoRecord[]> {
    return this.records(equals('hash', hash));
  }

  async get(path: string): Promise<PhotoRecord | null> {
    if (this.vectorCache?.ready) {
      const table = await this.current();
      return table ? this.vectorCache.record(table, this.dimension, path) : null;
    }
    return (await this.records(equals('path', path), 1))[0] ?? null;
  }

  private async records(where: string, limit?: number): Promise<PhotoRecord[]> {
    const table = await this.current();
    if (!table) return [];
    let query = table.query().where(where);
    if (limit !== undefined) query = query.limit(limit);
    const rows = new ColumnReader(await query.toArrow());
    return Array.from({ length: rows.length }, (_, i) => {
      const { thumbKey, indexedAt, ...rest } = summary(rows, i);
      return { ...rest, vector: rows.float32Array(VECTOR_COLUMN, i), thumbKey, indexedAt };
    });
  }

  async byPaths(paths: readonly string[]): Promise<Map<string, PhotoSummary>> {
    const found = new Map<string, PhotoSummary>();
    const table = await this.current();
    if (!table || paths.length === 0) return found;
    // On object storage, once a search has loaded the device's cache: from it, no query over the network.
    if (this.vectorCache?.ready) return this.vectorCache.summaries(table, this.dimension, paths);
    const columns = await this.summaryColumns(table);
    // One query per chunk of the IN list (the B-tree on path answers it), not one per path.
    for (const chunk of chunkForPredicate([...new Set(paths)])) {
      const rows = new ColumnReader(await table.query().select(columns).where(inList('path', chunk)).toArrow());
      for (let i = 0; i < rows.length; i++) {
        const photo = summary(rows, i);
        found.set(photo.path, photo);
      }
    }
    return found;
  }

  /** Photos ordered by path, so that offset/limit pages are stable. */
  async list(options: { folder?: string; limit?: number; offset?: number } = {}): Promise<PhotoSummary[]> {
    const table = await this.current();
    if (!table || options.limit === 0) return [];
    let query = table
      .query()
      .select(await this.summaryColumns(table))
      .orderBy({ columnName: 'path', ascending: true, nullsFirst: false });
    if (options.folder !== undefined) query = query.where(underFolder(options.folder));
    if (options.limit !== undefined) query = query.limit(options.limit);
    if (options.offset) query = query.offset(options.offset);
    const rows = new ColumnReader(await query.toArrow());
    return Array.from({ length: rows.length }, (_, i) => summary(rows, i));
  }

  /** Every photo's path, hash, times and position, unordered (the timeline sorts them itself). */
  async dates(): Promise<PhotoDates[]> {
    const table = await this.current();
    if (!table) return [];
    const have = new Set(await this.summaryColumns(table));
    const columns = ['path', 'hash', 'takenAt', 'mtimeMs', 'indexedAt', 'durationMs', 'gpsLat', 'gpsLon', ...LEGACY_COLUMNS].filter((c) => have.has(c));
    const rows = new ColumnReader(await table.query().select(columns).toArrow());
    return Array.from({ length: rows.length }, (_, i) => {
      const durationMs = have.has('durationMs') ? rows.optionalNumber('durationMs', i) : null;
      return {
        path: rows.string('path', i),
        hash: rows.string('hash', i),
        takenAt: rows.optionalNumber('takenAt', i),
        mtimeMs: mtimeMs(rows, i),
        indexedAt: rows.number('indexedAt', i),
        gpsLat: rows.optionalNumber('gpsLat', i),
        gpsLon: rows.optionalNumber('gpsLon', i),
        ...(durationMs !== null ? { durationMs } : {}),
      };
    });
  }

  async count(filter: PhotoFilter = {}): Promise<number> {
    const table = await this.current();
    if (!table) return 0;
    if (this.vectorCache) return this.vectorCache.count(table, this.dimension, filter);
    return table.countRows(await this.predicate(table, filter));
  }

  /**
   * Nearest photos to `query.vector` among those its filter admits. The filter is a
   * prefilter: LanceDB applies it before ranking, so a page holds `limit` matching photos
   * whenever that many exist. `minScore` becomes a distance range, so the cut-off is applied
   * by LanceDB too and `offset` counts only photos above it. Equal scores rank by path, so
   * every page is a slice of one order.
   */
  async search(query: VectorQuery): Promise<VectorHit[]> {
    const { vector, limit, offset = 0, exact = false, minScore } = query;
    if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) throw new Error(`Invalid limit/offset ${limit}/${offset}`);
    if (minScore !== undefined && !Number.isFinite(minScore)) throw new Error(`Invalid minScore ${minScore}`);
    const table = await this.current();
    // No table yet: nothing has been embedded with this model (a reader then knows no dimension).
    if (!table || limit === 0) return [];
    // The vectors here are not the query's model's (not-embedded-error.ts): for the user, nothing is embedded with it yet.
    if (vector.length !== this.dimension) throw new NotEmbeddedError(this.modelId);
    if (this.vectorCache && !exact) return this.vectorCache.search(table, this.dimension, query);
    const where = await this.predicate(table, query);
    // Cosine distance is 1 - score; LanceDB's range is [lower, upper), so the cut-off is
    // nudged by one float32 step to keep a photo scoring exactly `minScore`.
    const cut = minScore !== undefined ? 1 - minScore + 1e-7 : undefined;
    const ranked = (widen: boolean): RangeQuery => async (range) => {
      let search = table.vectorSearch(vector).column(VECTOR_COLUMN).distanceType('cosine').select(['path', '_distance']).limit(range.limit);
      if (range.offset > 0) search = search.offset(range.offset);
      if (where !== undefined) search = search.where(where);
      const upper = range.upper !== undefined && cut !== undefined ? Math.min(range.upper, cut) : (range.upper ?? cut);
      if (range.lower !== undefined || upper !== undefined) search = search.distanceRange(range.lower, upper);
      search = exact ? search.bypassVectorIndex() : tuneVectorSearch(search, { widen });
      const rows = new ColumnReader(await search.toArrow());
      return Array.from({ length: rows.length }, (_, i) => ({ path: rows.string('path', i), distance: rows.number('_distance', i) }));
    };
    // Equal scores by path (tie-stable-page.ts): every page a slice of one order.
    const run = async (widen: boolean) => (await stablePage(ranked(widen), offset, limit)).map((r): VectorHit => ({ path: r.path, score: 1 - r.distance }));
    const hits = await run(false);
    // A narrow filter may leave fewer matching photos in the probed partitions than the page
    // needs: then search again, probing further partitions until the page is full. Broad
    // filters (the common case) never pay for that: widening makes LanceDB's search ~2x slower.
    if (hits.length < limit && where !== undefined && !exact && (await hasVectorIndex(table))) return run(true);
    return hits;
  }

  /** The filter's predicate, the camera substring resolved to exact values (camera-values.ts). */
  private async predicate(table: Table, filter: PhotoFilter): Promise<string | undefined> {
    const cameras = filter.camera !== undefined ? await this.cameras.matching(table, filter.camera) : undefined;
    return photoFilterPredicate(filter, cameras);
  }

  /** Every n-th row's vector, up to `max` of them (evenly spread, deterministic). */
  async sampleVectors(max: number): Promise<Float32Array[]> {
    if (!Number.isInteger(max) || max < 0) throw new Error(`Invalid sample size ${max}`);
    const table = await this.current();
    if (!table || max === 0) return [];
    // A writer may delete rows between the count and the take: count again and retry once.
    for (let attempt = 0; ; attempt++) {
      const rows = await table.countRows();
      if (rows === 0) return [];
      const step = Math.max(1, rows / max);
      const offsets = Array.from({ length: Math.min(max, rows) }, (_, k) => Math.floor(k * step));
      try {
        const batch = new ColumnReader(await table.takeOffsets(offsets).select([VECTOR_COLUMN]).toArrow());
        return Array.from({ length: batch.length }, (_, i) => batch.float32Array(VECTOR_COLUMN, i));
      } catch (error) {
        if (attempt > 0) throw error;
      }
    }
  }

  /** Every path of this model's table (under `folder`), sorted: what listings merge (library-photos.ts). */
  async paths(folder?: string): Promise<string[]> {
    const table = await this.current();
    return table ? pathColumn(table, folder) : [];
  }

  async ensureVectorIndex(): Promise<void> {
    await ensureIndexes(await this.writable());
  }
}

/** v1 rows carry `mtime` in seconds (migrations.ts); readers of an unmigrated library see ms. */
function mtimeMs(rows: ColumnReader, i: number): number {
  return rows.optionalNumber('mtimeMs', i) ?? rows.number('mtime', i) * 1000;
}

/** Only a recorded offset is a field: most photos have none, and v2 tables no column. */
function takenOffset(rows: ColumnReader, i: number): { takenOffset?: number } {
  const offset = rows.optionalNumber('takenOffset', i);
  return offset === null ? {} : { takenOffset: offset };
}

/** Only a video has a length (schema v4; older tables have no column). */
function durationMs(rows: ColumnReader, i: number): { durationMs?: number } {
  const ms = rows.optionalNumber('durationMs', i);
  return ms === null ? {} : { durationMs: ms };
}

function summary(rows: ColumnReader, i: number): PhotoSummary {
  return {
    path: rows.string('path', i),
    folder: rows.string('folder', i),
    size: rows.number('size', i),
    mtimeMs: mtimeMs(rows, i),
    hash: rows.string('hash', i),
    width: rows.number('width', i),
    height: rows.number('height', i),
    takenAt: rows.optionalNumber('takenAt', i),
    ...takenOffset(rows, i),
    ...durationMs(rows, i),
    cameraMake: rows.optionalString('cameraMake', i),
    cameraModel: rows.optionalString('cameraModel', i),
    gpsLat: rows.optionalNumber('gpsLat', i),
    gpsLon: rows.optionalNumber('gpsLon', i),
    orientation: rows.optionalNumber('orientation', i),
    modelId: rows.string('modelId', i),
    thumbKey: rows.optionalString('thumbKey', i) ?? '',
    indexedAt: rows.number('indexedAt', i),
  };
}

/** The `path` column of a photos table (under `folder`), sorted. */
export async function pathColumn(table: Table, folder?: string): Promise<string[]> {
  let query = table.query().select(['path']);
  if (folder !== undefined) query = query.where(underFolder(folder));
  const rows = new ColumnReader(await query.toArrow());
  return Array.from({ length: rows.length }, (_, i) => rows.string('path', i)).sort();
}

/** Summaries (never vectors) of `paths` from any model's photos table, one query per 4,096 paths. */
export async function summariesFrom(table: Table, paths: readonly string[]): Promise<PhotoSummary[]> {
  const columns = (await table.schema()).fields.map((f) => f.name).filter((name) => name !== VECTOR_COLUMN);
  const out: PhotoSummary[] = [];
  for (const chunk of chunkForPredicate([...new Set(paths)])) {
    const rows = new ColumnReader(await table.query().select(columns).where(inList('path', chunk)).toArrow());
    for (let i = 0; i < rows.length; i++) out.push(summary(rows, i));
  }
  return out;
}

/** Every model's photos table, with the model id recorded in its schema metadata. */
export async function photoTables(conn: LibraryConnection): Promise<{ name: string; modelId: string; dimension: number | null; rows: number }[]> {
  const result = [];
  for (const name of (await conn.tableNames()).filter(isPhotosTable)) {
    const table = await conn.table(name);
    if (!table) continue;
    const schema = await table.schema();
    result.push({ name, modelId: schema.metadata.get(MODEL_ID_METADATA) ?? name, dimension: vectorDimension(schema), rows: await table.countRows() });
  }
  return result;
}

/**
 * Deletes rows matching `predicates` (one commit per predicate) from every model's photos
 * table: a file that is gone, or a folder that is no longer watched, is gone for all models.
 */
export async function deleteFromAllPhotoTables(conn: LibraryConnection, predicates: string[]): Promise<void> {
  if (predicates.length === 0) return;
  for (const name of (await conn.tableNames()).filter(isPhotosTable)) {
    const table = await conn.table(name);
    for (const predicate of predicates) await table?.delete(predicate);
  }
}

export function pathPredicates(paths: readonly string[]): string[] {
  return chunkForPredicate([...new Set(paths)]).map((chunk) => inList('path', chunk));
}

/**
 * Deletes `records`' own rows (path and indexedAt) where their path also has a row of another
 * indexedAt. Where every row of the path carries ours (a merge-insert updates each row of a
 * path already doubled), none can be told apart here: they stay for the index run's repair.
 */
async function removeDoubles(table: Table, records: PhotoRecord[]): Promise<void> {
  try {
    const times = await indexedAtByPath(table, records.map((r) => r.path));
    const ours = records.filter((r) => (times.get(r.path) ?? []).some((t) => t !== Number(r.indexedAt)));
    const rows = ours.map((r) => `(${equals('path', r.path)} AND indexedAt = ${Number(r.indexedAt)})`);
    for (let i = 0; i < rows.length; i += 256) await table.delete(rows.slice(i, i + 256).join(' OR '));
  } finally {
    table.close();
  }
}

/** Each path's rows' indexedAt values. */
async function indexedAtByPath(table: Table, paths: readonly string[]): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>();
  for (const chunk of chunkForPredicate([...new Set(paths)])) {
    const rows = new ColumnReader(await table.query().select(['path', 'indexedAt']).where(inList('path', chunk)).toArrow());
    for (let i = 0; i < rows.length; i++) {
      const p = rows.string('path', i);
      times.set(p, [...(times.get(p) ?? []), rows.number('indexedAt', i)]);
    }
  }
  return times;
}
