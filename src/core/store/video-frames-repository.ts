// The frames of videos, one table per model (`video_frames__<model key>`): a row per sampled
// frame, keyed by the video's content hash and the frame's time, with its embedding. The
// video itself is one row of the photos table (its poster frame's vector and thumbnail, its
// duration); these rows let a search find the moment inside it. Keyed by content like
// signatures: a moved or copied video keeps its frames, and removing a video leaves rows that
// no photo row names (search joins through the photos table, so they are never shown, and
// `pruneVideoFrames` drops them).
//
// Created by the first write (no schema version needed: no existing table changed). A video's
// frames are replaced in one delete and one add; the photos row is committed after both, so
// a crash in between leaves a video without a row, which the next run reads again.
import { Field, Float64, Schema, Utf8 } from 'apache-arrow';
import type { Table } from '@lancedb/lancedb';
import type { LibraryConnection } from './connection';
import { ColumnReader, rowsToArrow } from './arrow-rows';
import { modelKey } from './model-key';
import { VECTOR_COLUMN, vectorType } from './schema';
import { chunkForPredicate, equals, inAnyChunk, inList } from './sql';
import { ensureIndexes, tuneVectorSearch } from './indexes';
import type { FrameHit, VideoFrameRecord } from './types';

export const VIDEO_FRAMES_PREFIX = 'video_frames__';

/** `key`: the model's tables' (model-tables.ts), by default its id's own. */
export function videoFramesTableName(modelId: string, key = modelKey(modelId)): string {
  return VIDEO_FRAMES_PREFIX + key;
}

function framesSchema(dimension: number): Schema {
  return new Schema([new Field('hash', new Utf8(), false), new Field('timeMs', new Float64(), false), new Field(VECTOR_COLUMN, vectorType(dimension), false)]);
}

export class VideoFramesRepository {
  constructor(
    private readonly conn: LibraryConnection,
    private readonly modelId: string,
    private readonly key = modelKey(modelId),
  ) {}

  get tableName(): string {
    return videoFramesTableName(this.modelId, this.key);
  }

  /** Replaces the frames of the video `hash`. */
  async put(hash: string, frames: readonly VideoFrameRecord[]): Promise<void> {
    if (frames.length === 0) return;
    const schema = framesSchema(frames[0]!.vector.length);
    const table = await this.conn.ensureTable(this.tableName, schema);
    await table.delete(equals('hash', hash));
    await table.add(rowsToArrow(schema, frames.map((f) => ({ hash, timeMs: f.timeMs, vector: f.vector }))));
  }

  /** Many videos' frames in one commit (bulk loads: the bench); no video may have frames yet. */
  async addMany(videos: readonly { hash: string; frames: readonly VideoFrameRecord[] }[]): Promise<void> {
    const rows = videos.flatMap((v) => v.frames.map((f) => ({ hash: v.hash, timeMs: f.timeMs, vector: f.vector })));
    if (rows.length === 0) return;
    const schema = framesSchema(rows[0]!.vector.length);
    const table = await this.conn.ensureTable(this.tableName, schema);
    await table.add(rowsToArrow(schema, rows));
  }

  /** The IVF index on the frames' vectors (and a B-tree on hash), as the photos table has, once they are many. */
  async ensureIndex(): Promise<void> {
    const table = await this.conn.table(this.tableName);
    if (table) await ensureIndexes(table, { scalar: ['hash'], bitmap: [] });
  }

  /** The `limit` frames nearest to `vector`, best first (several may be of one video). */
  async search(vector: Float32Array, limit: number, hashes?: readonly string[]): Promise<FrameHit[]> {
    const table = await this.conn.table(this.tableName);
    if (!table || limit <= 0) return [];
    let query = table.vectorSearch(vector).column(VECTOR_COLUMN).distanceType('cosine').select(['hash', 'timeMs', '_distance']).limit(limit);
    if (hashes) query = query.where(inAnyChunk('hash', hashes));
    // Frames of a few named videos may sit in partitions the usual probes skip: probe on.
    query = tuneVectorSearch(query, { widen: hashes !== undefined });
    const rows = new ColumnReader(await query.toArrow());
    return Array.from({ length: rows.length }, (_, i) => ({ hash: rows.string('hash', i), timeMs: rows.number('timeMs', i), score: 1 - rows.number('_distance', i) }));
  }

  async framesOf(hashes: readonly string[]): Promise<Map<string, VideoFrameRecord[]>> {
    const out = new Map<string, VideoFrameRecord[]>();
    const table = await this.conn.table(this.tableName);
    if (!table) return out;
    for (const chunk of chunkForPredicate([...new Set(hashes)])) {
      const rows = new ColumnReader(await table.query().select(['hash', 'timeMs', VECTOR_COLUMN]).where(inList('hash', chunk)).toArrow());
      for (let i = 0; i < rows.length; i++) {
        const hash = rows.string('hash', i);
        const list = out.get(hash) ?? [];
        list.push({ timeMs: rows.number('timeMs', i), vector: rows.float32Array(VECTOR_COLUMN, i) });
        out.set(hash, list);
      }
    }
    return out;
  }

  async count(): Promise<number> {
    const table = await this.conn.table(this.tableName);
    return table ? table.countRows() : 0;
  }

  /** Which of `hashes` have frames: a video without them is read again. */
  async hashesWithFrames(hashes: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const table = await this.conn.table(this.tableName);
    if (!table) return found;
    for (const chunk of chunkForPredicate([...new Set(hashes)])) {
      const rows = new ColumnReader(await table.query().select(['hash']).where(inList('hash', chunk)).toArrow());
      for (let i = 0; i < rows.length; i++) found.add(rows.string('hash', i));
    }
    return found;
  }

  /** Drops the frames of videos no longer in the library (`live`: every content hash it holds). */
  async prune(live: ReadonlySet<string>): Promise<number> {
    const table = await this.conn.table(this.tableName);
    if (!table) return 0;
    const stored = await distinctHashes(table);
    const gone = [...stored].filter((h) => !live.has(h));
    for (const chunk of chunkForPredicate(gone)) await table.delete(inList('hash', chunk));
    return gone.length;
  }
}

async function distinctHashes(table: Table): Promise<Set<string>> {
  const rows = new ColumnReader(await table.query().select(['hash']).toArrow());
  const out = new Set<string>();
  for (let i = 0; i < rows.length; i++) out.add(rows.string('hash', i));
  return out;
}
