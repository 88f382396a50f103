// Rows of photos that left the library a while ago, kept on this device with their vectors by
// content hash, so the same bytes coming back are taken back without embedding. A folder
// moved out of a library folder and back, a disk mounted inside one that is unmounted and
// mounted again, a folder emptied and refilled: each is two runs, the first of which removes
// the rows (the photos must leave search and every listing at once), so the second found
// nothing of that content to reuse and embedded every photo again.
//
// Outside the library's tables on purpose: nothing that reads the library (search, listings,
// other devices, copy-library, repair) ever sees a removed photo. A cache: a file that cannot
// be read or written only costs embedding again, never a run. Bounded by count and age, so
// the device's copy never grows with the library's history. Videos are not kept: their
// frames leave with them (pruneVideoFrames), and a poster row without them would search worse.
//
// <home>/cache/removed/<library key>/<model key>.rows, replaced whole (atomic):
//   magic line | header length (u32 LE) | JSON header { modelId, dimension, rows } | vectors (float32 LE)
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { writeFileAtomic } from '../../base/atomic-write';
import type { LibraryStore, PhotoSummary } from '../store/types';
import { modelKey, weightsKey } from '../store/model-key';
import { oldRowsAt } from './content-changes';

/** How many removed photos are kept (~2 KB of vector each at 512 dimensions: ~25 MB at most). */
export const MOST_KEPT = 10_000;
/** How long a removed photo's row is kept: long enough for a disk away over a holiday. */
export const KEPT_MS = 30 * 24 * 60 * 60_000;

const MAGIC = 'SHOEBOX-REMOVED-ROWS 1\n';

/** A removed photo's row: what it showed (its file's own date and place) and its vector. */
export type KeptRow = PhotoSummary & { vector: Float32Array };

interface Entry {
  row: KeptRow;
  removedAt: number;
}

/** The file of one library's removed rows for one model; `weights` (its fingerprint): one file
 *  per build, so that other weights under the same id never get these vectors back. */
export function removedRowsFile(cacheDir: string, libraryUri: string, modelId: string, weights?: string): string {
  const key = crypto.createHash('sha256').update(libraryUri).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'removed', key, `${weights ? weightsKey(modelId, weights) : modelKey(modelId)}.rows`);
}

export class RemovedRows {
  /** The entries as last read or written, and the file's stamp then (another process may write it). */
  private cached: { stamp: string; entries: Map<string, Entry> } | null = null;

  constructor(
    private readonly file: string,
    private readonly modelId: string,
  ) {}

  /** The row removed with content `hash` (this model's, within KEPT_MS), if kept. */
  async row(hash: string, now = Date.now()): Promise<KeptRow | undefined> {
    const entry = (await this.entries()).get(hash);
    return entry && now - entry.removedAt <= KEPT_MS && entry.row.modelId === this.modelId ? entry.row : undefined;
  }

  /**
   * One run's changes, in one write: `removed` rows are kept (the newest win a place), and the
   * contents in `back` (taken back this run, in the library again) are forgotten.
   */
  async update(removed: readonly KeptRow[], back: Iterable<string>, now = Date.now()): Promise<void> {
    const entries = new Map(await this.entries());
    let changed = false;
    for (const hash of back) changed = entries.delete(hash) || changed;
    for (const row of removed) {
      if (row.durationMs != null || row.modelId !== this.modelId || row.thumbKey === '') continue;
      entries.delete(row.hash); // re-inserted last: the oldest go first below
      entries.set(row.hash, { row, removedAt: now });
      changed = true;
    }
    for (const [hash, { removedAt }] of entries) {
      if (entries.size <= MOST_KEPT && now - removedAt <= KEPT_MS) break;
      entries.delete(hash);
      changed = true;
    }
    if (!changed) return;
    await writeFileAtomic(this.file, encode(this.modelId, [...entries.values()]), { durable: false });
    this.cached = { stamp: await stampOf(this.file), entries };
  }

  private async entries(): Promise<Map<string, Entry>> {
    const stamp = await stampOf(this.file);
    if (this.cached?.stamp !== stamp) this.cached = { stamp, entries: await read(this.file, this.modelId) };
    return this.cached.entries;
  }
}

/** Changes whenever the file is replaced (a rename gives a new inode). '' when there is none. */
async function stampOf(file: string): Promise<string> {
  return fs.stat(file, { bigint: true }).then(
    (st) => `${st.ino}:${st.size}:${st.mtimeNs}`,
    () => '',
  );
}

interface Header {
  modelId: string;
  dimension: number;
  rows: { row: PhotoSummary; removedAt: number }[];
}

function encode(modelId: string, entries: readonly Entry[]): Buffer {
  const dimension = entries[0]?.row.vector.length ?? 0;
  const kept = entries.filter((e) => e.row.vector.length === dimension);
  const header: Header = { modelId, dimension, rows: kept.map(({ row, removedAt }) => ({ row: summaryOf(row), removedAt })) };
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const vectors = Buffer.alloc(kept.length * dimension * 4);
  kept.forEach((e, i) => {
    for (let d = 0; d < dimension; d++) vectors.writeFloatLE(e.row.vector[d]!, (i * dimension + d) * 4);
  });
  return Buffer.concat([Buffer.from(MAGIC), length, json, vectors]);
}

/** The file's entries; anything unexpected reads as none (a cache). */
async function read(file: string, modelId: string): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes || bytes.subarray(0, MAGIC.length).toString() !== MAGIC) return entries;
  try {
    const length = bytes.readUInt32LE(MAGIC.length);
    const start = MAGIC.length + 4;
    const header = JSON.parse(bytes.subarray(start, start + length).toString()) as Header;
    const { dimension } = header;
    const vectors = start + length;
    if (header.modelId !== modelId || bytes.length !== vectors + header.rows.length * dimension * 4) return entries;
    header.rows.forEach(({ row, removedAt }, i) => {
      const vector = new Float32Array(dimension);
      for (let d = 0; d < dimension; d++) vector[d] = bytes.readFloatLE(vectors + (i * dimension + d) * 4);
      entries.set(row.hash, { row: { ...row, vector }, removedAt });
    });
  } catch {
    entries.clear();
  }
  return entries;
}

/** The row's own fields, none of what a store may add to the objects it returns. */
function summaryOf(r: PhotoSummary): PhotoSummary {
  return {
    path: r.path,
    folder: r.folder,
    size: r.size,
    mtimeMs: r.mtimeMs,
    hash: r.hash,
    width: r.width,
    height: r.height,
    takenAt: r.takenAt,
    takenOffset: r.takenOffset ?? null,
    cameraMake: r.cameraMake,
    cameraModel: r.cameraModel,
    gpsLat: r.gpsLat,
    gpsLon: r.gpsLon,
    orientation: r.orientation,
    modelId: r.modelId,
    thumbKey: r.thumbKey,
    indexedAt: r.indexedAt,
  };
}

/**
 * Of the rows a run removes (`leaving`), those whose content left the library: not one it placed
 * again this run (a move inside the library, a rewritten file's new content), nor one another
 * row still holds (a copy in another folder). Those are in the library still, nothing to keep:
 * a reorganisation inside it neither evicts the rows of a folder that really left nor
 * rewrites the cache. `rewritten`: paths whose rows this run replaced (they hold their old
 * content no more).
 */
export function leftTheLibrary(leaving: readonly string[], states: ReadonlyMap<string, { hash: string }>, rewritten: ReadonlySet<string>, placed: ReadonlySet<string>): string[] {
  const going = new Set(leaving);
  const held = new Set(placed);
  for (const [p, s] of states) if (!going.has(p) && !rewritten.has(p)) held.add(s.hash);
  return leaving.filter((p) => {
    const hash = states.get(p)?.hash;
    return hash === undefined || !held.has(hash);
  });
}

/**
 * The rows at `paths` as they are about to be removed, to keep: with `modelId`'s vectors (the
 * active model's, whichever table the row was listed from) and their files' own date and
 * place (an edit by hand is the content's, and applied again to the row taken back).
 */
export async function rowsToKeep(store: LibraryStore, paths: readonly string[], modelId: string): Promise<KeptRow[]> {
  if (paths.length === 0) return [];
  const [rows, places] = await Promise.all([oldRowsAt(store, paths.slice(0, MOST_KEPT)), store.placeEdits()]);
  return [...rows.values()].map((row) => {
    const place = places.get(row.hash);
    return { ...row, modelId, ...(place ? { gpsLat: place.fileGpsLat, gpsLon: place.fileGpsLon } : {}) };
  });
}
