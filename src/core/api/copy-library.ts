// Copies a local library to a new location (an S3 prefix its devices will share, or another
// folder) without losing anything the user made: every table byte for byte (photos and their
// vectors, tags and the decisions on them, label sets, smart albums, the text read in photos,
// signatures, folders, the library's settings, the indexes) and the library's files
// (thumbnails, duplicate decisions and report, search calibration). Nothing is embedded again.
//
// Policy (`shoebox copy-library`):
// - the source is never changed, and is held with the writer lock so nothing writes to it
//   while it is copied (the app or `watch` running on it: "library busy", one line);
// - the target must be empty: a copy never writes into another library. An unfinished copy
//   leaves its marker (MARKER) there, and the same copy run again resumes it;
// - each table's data, deletion and index files go before its manifests (_versions), so a
//   table is never visible with a file missing; the marker goes last;
// - the copy is checked before it counts as done: every table reads whole there and holds as
//   many rows as the source's.
import fs from 'node:fs/promises';
import path from 'node:path';
import { DECISIONS_KEY } from '../dupes/decisions-file';
import { REPORTS_PREFIX } from '../dupes/report-store';
import type { LibraryService } from '../library/library-service';
import type { LibraryFiles } from '../location/library-files';
import type { LibraryLocation } from '../location/library-location';
import { FolderFiles } from '../location/folder-files';
import { S3Files } from '../location/s3-files';
import { THUMBS_PREFIX } from '../media';
import { CALIBRATION_PREFIX } from '../search/search-service';
import { checkLibraryTables, tableRowCounts } from '../store';
import { CopyRefusedError } from './copy-refused-error';

/** Left in the target while a copy runs; its presence (from the same source) lets a copy resume. */
export const COPY_MARKER = 'copy-in-progress.json';

/** The library's files beside its tables: each feature's prefix, and the one file of its own. */
const FILE_PREFIXES = [THUMBS_PREFIX, REPORTS_PREFIX, CALIBRATION_PREFIX];
const FILE_KEYS = [DECISIONS_KEY];

/** Files written at once: enough to hide an object store's round trips, few enough for a NAS. */
const CONCURRENCY = 8;

export interface CopyTarget {
  location: LibraryLocation;
  /** Where the target's files go (location/files-for.ts: its folder, or objects under its prefix). */
  files: LibraryFiles;
}

export interface CopyProgress {
  done: number;
  total: number;
  bytes: number;
}

export interface CopyReport {
  from: string;
  to: string;
  /** Each table copied, with its rows (equal in both, checked). */
  tables: { name: string; rows: number }[];
  /** Files copied: the tables' and the library's (thumbnails…). */
  files: number;
  bytes: number;
  /** An unfinished copy of the same library was found there and completed. */
  resumed: boolean;
  seconds: number;
}

export async function copyLibrary(lib: LibraryService, target: CopyTarget, options: { signal?: AbortSignal; onProgress?: (p: CopyProgress) => void } = {}): Promise<CopyReport> {
  const started = performance.now();
  const source = lib.location;
  if (source.kind !== 'local') throw new CopyRefusedError(`copy-library copies a local library; ${source.uri} is already on S3, where every device reads it`);
  if (target.location.kind === 'local' && overlaps(source.databaseUri, target.location.databaseUri)) {
    throw new CopyRefusedError(`${target.location.uri} is the library itself or inside it: choose another place`);
  }
  await lib.writable(); // the writer lock, kept until the library closes: nothing writes meanwhile
  const tablesTo = tableFiles(target.location);
  const resumed = await claimTarget(target, tablesTo, source.uri);

  const libraryKeys = (await Promise.all(FILE_PREFIXES.map((prefix) => lib.files.list(prefix)))).flat();
  for (const key of FILE_KEYS) if ((await lib.files.stamp(key)) !== null) libraryKeys.push(key);
  const tables = await localTables(source.databaseUri);
  const total = libraryKeys.length + tables.reduce((n, t) => n + t.data.length + t.manifests.length, 0);
  const progress = { done: 0, total, bytes: 0 };
  const step = (bytes: number) => {
    progress.done++;
    progress.bytes += bytes;
    options.onProgress?.({ ...progress });
  };
  options.onProgress?.({ ...progress });

  await inParallel(libraryKeys, options.signal, async (key) => {
    const data = await lib.files.read(key);
    if (data === null) return; // gone since the listing (a report replaced): nothing to copy
    if (key.startsWith(THUMBS_PREFIX)) await target.files.writeNew(key, data); // content-addressed
    else await target.files.write(key, data);
    step(data.byteLength);
  });
  for (const table of tables) {
    for (const files of [table.data, table.manifests]) {
      await inParallel(files, options.signal, async (key) => {
        const data = await fs.readFile(path.join(source.databaseUri, ...key.split('/')));
        await tablesTo.write(key, data);
        step(data.byteLength);
      });
    }
  }

  const counts = await verifyCopy(source, target.location);
  await target.files.remove(COPY_MARKER);
  return {
    from: source.uri,
    to: target.location.uri,
    tables: [...counts].map(([name, rows]) => ({ name, rows })).sort((a, b) => a.name.localeCompare(b.name)),
    files: progress.done,
    bytes: progress.bytes,
    resumed,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Where the target's tables go: LanceDB's own place for them (its folder, or its S3 prefix). */
function tableFiles(location: LibraryLocation): LibraryFiles {
  return location.kind === 's3' ? new S3Files(location) : new FolderFiles(location.databaseUri);
}

/**
 * Refuses a target holding anything but an unfinished copy of this very library, then marks it.
 * Whether it resumes.
 */
async function claimTarget(target: CopyTarget, tablesTo: LibraryFiles, from: string): Promise<boolean> {
  const marker = await target.files.read(COPY_MARKER);
  const resuming = marker !== null && markerSource(marker) === from;
  if (!resuming) {
    const present = [...(await tablesTo.list('')), ...(await Promise.all(FILE_PREFIXES.map((p) => target.files.list(p)))).flat()];
    for (const key of FILE_KEYS) if ((await target.files.stamp(key)) !== null) present.push(key);
    if (present.length > 0) {
      throw new CopyRefusedError(`${target.location.uri} is not empty (${present.length} files, e.g. ${present[0]}): a copy never writes into another library; choose an empty place`);
    }
  }
  await target.files.write(COPY_MARKER, `${JSON.stringify({ from, startedAt: new Date().toISOString() })}\n`);
  return resuming;
}

function markerSource(data: Buffer): string | null {
  try {
    const from = (JSON.parse(data.toString('utf8')) as { from?: unknown }).from;
    return typeof from === 'string' ? from : null;
  } catch {
    return null;
  }
}

interface LocalTable {
  /** Keys relative to the library folder, "<name>.lance/...": data, deletions, indexes, transactions. */
  data: string[];
  /** "<name>.lance/_versions/...": what makes the rest visible, copied last. */
  manifests: string[];
}

/** The tables of a local library: its "<name>.lance" folders (the writer lease's is the device's own). */
async function localTables(dir: string): Promise<LocalTable[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const tables: LocalTable[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.endsWith('.lance') || entry.name.startsWith('.')) continue;
    const files = (await fs.readdir(path.join(dir, entry.name), { recursive: true, withFileTypes: true }))
      .filter((f) => f.isFile())
      .map((f) => path.relative(dir, path.join(f.parentPath, f.name)).split(path.sep).join('/'));
    const manifest = (key: string) => key.split('/')[1] === '_versions';
    tables.push({ data: files.filter((k) => !manifest(k)), manifests: files.filter(manifest) });
  }
  return tables;
}

/** Every table reads whole at the target and holds the source's rows; else the copy is not done. */
async function verifyCopy(source: LibraryLocation, target: LibraryLocation): Promise<Map<string, number>> {
  const [from, to] = [await tableRowCounts(source), await tableRowCounts(target)];
  for (const [name, rows] of from) {
    const copied = to.get(name);
    if (copied !== rows) throw new Error(`the copy of table ${name} at ${target.uri} holds ${copied ?? 'no'} rows, not ${rows}: run the same copy again`);
  }
  const { damaged } = await checkLibraryTables(target);
  if (damaged.length) throw new Error(`the copy at ${target.uri} does not read whole (${damaged.map((d) => `${d.table}: ${d.reason}`).join('; ')}): run the same copy again`);
  return from;
}

function overlaps(a: string, b: string): boolean {
  const inside = (child: string, parent: string) => {
    const rel = path.relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  return inside(path.resolve(a), path.resolve(b)) || inside(path.resolve(b), path.resolve(a));
}

/** Runs `work` on every item, CONCURRENCY at a time; stops taking new items once `signal` aborts. */
async function inParallel<T>(items: readonly T[], signal: AbortSignal | undefined, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      signal?.throwIfAborted();
      await work(items[next++]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}
