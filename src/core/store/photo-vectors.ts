// Bulk reads of one model's photo vectors, for work that treats the library as a matrix
// (tagging N photos against L labels, albums): stream (path, hash, vector) in batches with
// the vectors as one flat Float32Array, and look vectors and paths up by content hash.
import type { VectorBatch } from './types';
import type { LibraryConnection } from './connection';
import { ColumnReader } from './arrow-rows';
import { photosTableName } from './model-key';
import { VECTOR_COLUMN, vectorDimension } from './schema';
import { chunkForPredicate, inList, underFolder } from './sql';

/** What the reader needs of an Arrow vector (LanceDB's CommonJS classes: duck-typed). */
interface ArrowData {
  offset: number;
  length: number;
  values?: unknown;
  children: ArrowData[];
}
interface ArrowVector {
  length: number;
  data: ArrowData[];
  get(i: number): unknown;
}
export interface ArrowBatch {
  numRows: number;
  getChild(name: string): ArrowVector | null;
}

export class PhotoVectors {
  constructor(
    private readonly conn: LibraryConnection,
    private readonly modelId: string,
    /** The model's photos table (model-tables.ts: its id's own, or its weights' own). */
    private readonly tableName = photosTableName(modelId),
  ) {}

  private async table() {
    return this.conn.table(this.tableName);
  }

  async *scan(options: { folder?: string; batchSize?: number } = {}): AsyncGenerator<VectorBatch> {
    const table = await this.table();
    if (!table) return;
    const dimension = vectorDimension(await table.schema());
    if (!dimension) throw new Error(`The photos table of ${this.modelId} has no vector column`);
    const batchSize = options.batchSize ?? 4096;
    let query = table.query().select(['path', 'hash', VECTOR_COLUMN]);
    if (options.folder !== undefined) query = query.where(underFolder(options.folder));
    let pending: VectorBatch[] = [];
    let pendingRows = 0;
    for await (const batch of query as AsyncIterable<ArrowBatch>) {
      if (batch.numRows === 0) continue;
      pending.push(readBatch(batch, dimension));
      pendingRows += batch.numRows;
      while (pendingRows >= batchSize) {
        const merged = concat(pending, dimension);
        yield slice(merged, 0, batchSize);
        const rest = slice(merged, batchSize, merged.paths.length);
        pending = rest.paths.length ? [rest] : [];
        pendingRows = rest.paths.length;
      }
    }
    if (pendingRows > 0) yield concat(pending, dimension);
  }

  async byHash(hashes: readonly string[]): Promise<Map<string, Float32Array>> {
    const found = new Map<string, Float32Array>();
    const table = await this.table();
    if (!table) return found;
    for (const chunk of chunkForPredicate([...new Set(hashes)])) {
      const rows = new ColumnReader(await table.query().select(['hash', VECTOR_COLUMN]).where(inList('hash', chunk)).toArrow());
      for (let i = 0; i < rows.length; i++) {
        const hash = rows.string('hash', i);
        if (!found.has(hash)) found.set(hash, rows.float32Array(VECTOR_COLUMN, i));
      }
    }
    return found;
  }

  async pathsByHash(hashes: readonly string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    const table = await this.table();
    if (!table) return found;
    for (const chunk of chunkForPredicate([...new Set(hashes)])) {
      const rows = new ColumnReader(await table.query().select(['path', 'hash']).where(inList('hash', chunk)).toArrow());
      for (let i = 0; i < rows.length; i++) {
        const hash = rows.string('hash', i);
        const list = found.get(hash);
        if (list) list.push(rows.string('path', i));
        else found.set(hash, [rows.string('path', i)]);
      }
    }
    return found;
  }
}

export function readBatch(batch: ArrowBatch, dimension: number): VectorBatch {
  const n = batch.numRows;
  const paths = stringColumn(batch, 'path');
  const hashes = stringColumn(batch, 'hash');
  const column = batch.getChild(VECTOR_COLUMN);
  if (!column) throw new Error('vector column missing from the scan');
  const vectors = new Float32Array(n * dimension);
  let row = 0;
  for (const data of column.data) {
    const child = data.children[0];
    const values = child?.values;
    // Copy straight from the child's float buffer; a chunk laid out otherwise goes row by row.
    if (child && values instanceof Float32Array && child.length >= (data.offset + data.length) * dimension) {
      const start = child.offset + data.offset * dimension;
      vectors.set(values.subarray(start, start + data.length * dimension), row * dimension);
      row += data.length;
    } else {
      for (let i = 0; i < data.length; i++, row++) {
        const v = column.get(row) as { toArray(): ArrayLike<number> };
        vectors.set(v.toArray(), row * dimension);
      }
    }
  }
  if (row !== n) throw new Error(`vector column has ${row} rows, expected ${n}`);
  return { paths, hashes, dimension, vectors };
}

function stringColumn(batch: ArrowBatch, name: string): string[] {
  const column = batch.getChild(name);
  if (!column) throw new Error(`${name} column missing from the scan`);
  return Array.from({ length: batch.numRows }, (_, i) => String(column.get(i)));
}

function concat(parts: VectorBatch[], dimension: number): VectorBatch {
  if (parts.length === 1) return parts[0]!;
  const rows = parts.reduce((s, p) => s + p.paths.length, 0);
  const vectors = new Float32Array(rows * dimension);
  let offset = 0;
  for (const p of parts) {
    vectors.set(p.vectors, offset);
    offset += p.vectors.length;
  }
  return { paths: parts.flatMap((p) => p.paths), hashes: parts.flatMap((p) => p.hashes), dimension, vectors };
}

function slice(b: VectorBatch, from: number, to: number): VectorBatch {
  return {
    paths: b.paths.slice(from, to),
    hashes: b.hashes.slice(from, to),
    dimension: b.dimension,
    vectors: b.vectors.slice(from * b.dimension, to * b.dimension),
  };
}
