// The vector cache on disk (<home>/cache/vectors/<library key>/<model key>.vectors), so the
// first search after a start reads one local file instead of the whole table from object
// storage. One file, replaced atomically:
//   magic line | header length (u32 LE) | JSON header (model, dimension, table version, the
//   rows' string columns) | padding to 8 bytes | vectors (float32) | each number column
//   (float64, NaN for null, in NUMBER_COLUMNS order)
// little-endian, as every platform Shoebox runs on. The vectors are read straight into the
// ranking kernel's memory (vector-dots.ts): no second copy of ~200 MB at 100k photos. Numbers
// stay binary: JSON would make the first search after a start parse ~10 MB more. A cache:
// anything unexpected in the file means "not there", and the table is read again.
import fs from 'node:fs/promises';
import crypto from 'node:crypto';
import path from 'node:path';
import { NUMBER_COLUMNS, STRING_COLUMNS, allocRows, interner, type StringColumn, type VectorRows } from './vector-rows';

/** 3: the photo summary columns (photosByPath answered from the cache) joined the file. */
const MAGIC = 'SHOEBOX-VECTORS 3\n';

export interface CachedTable {
  modelId: string;
  /** The table version the rows are a snapshot of. */
  version: number;
  rows: VectorRows;
}

interface Header {
  modelId: string;
  version: number;
  dimension: number;
  strings: Record<StringColumn, (string | null)[]>;
}

const bytesOf = (a: Float32Array | Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const padTo8 = (length: number) => (8 - (length % 8)) % 8;

export async function saveCachedTable(file: string, cached: CachedTable): Promise<void> {
  const { rows } = cached;
  const header: Header = {
    modelId: cached.modelId,
    version: cached.version,
    dimension: rows.dimension,
    strings: Object.fromEntries(STRING_COLUMNS.map((c) => [c, rows[c]])) as Header['strings'],
  };
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const head = Buffer.concat([Buffer.from(MAGIC), length, json]);
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Temp file and rename: a reader (another process of this home) sees the old file or the new.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writev([head, Buffer.alloc(padTo8(head.length)), bytesOf(rows.vectors), ...NUMBER_COLUMNS.map((c) => bytesOf(rows[c]))]);
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** Repeated values (folders, models, cameras) held once: JSON.parse makes a string per photo. */
function interned(values: (string | null)[]): (string | null)[] {
  const intern = interner();
  return values.map((v) => (v === null ? v : intern(v)));
}

async function readExactly(handle: fs.FileHandle, into: Uint8Array, position: number): Promise<boolean> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) return false;
    done += bytesRead;
  }
  return true;
}

/** The cached snapshot of `modelId`'s table, or null when there is none or it cannot be trusted. */
export async function loadCachedTable(file: string, modelId: string): Promise<CachedTable | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = (await handle.stat()).size;
    const start = Buffer.alloc(MAGIC.length + 4);
    if (!(await readExactly(handle, start, 0)) || start.subarray(0, MAGIC.length).toString() !== MAGIC) return null;
    const jsonLength = start.readUInt32LE(MAGIC.length);
    if (start.length + jsonLength > size) return null;
    const json = Buffer.alloc(jsonLength);
    if (!(await readExactly(handle, json, start.length))) return null;
    let header: Header;
    try {
      header = JSON.parse(json.toString()) as Header;
    } catch {
      return null;
    }
    const n = header.strings?.paths?.length;
    const d = header.dimension;
    if (header.modelId !== modelId || !Number.isInteger(d) || d < 1 || !Number.isInteger(n)) return null;
    if (STRING_COLUMNS.some((c) => !Array.isArray(header.strings[c]) || header.strings[c].length !== n)) return null;
    const vectorsAt = start.length + jsonLength + padTo8(start.length + jsonLength);
    if (size !== vectorsAt + n * d * 4 + n * 8 * NUMBER_COLUMNS.length) return null;
    const rows = allocRows(n, d);
    let at = vectorsAt;
    for (const into of [rows.vectors, ...NUMBER_COLUMNS.map((c) => rows[c])]) {
      if (!(await readExactly(handle, bytesOf(into), at))) return null;
      at += into.byteLength;
    }
    for (const c of STRING_COLUMNS) (rows[c] as (string | null)[]) = c === 'paths' || c === 'hashes' || c === 'thumbKeys' ? header.strings[c] : interned(header.strings[c]);
    return { modelId, version: header.version, rows };
  } finally {
    await handle.close();
  }
}
