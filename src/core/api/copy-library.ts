// Copies a library to a new location (a local one to an S3 prefix its devices will share; a
// shared one back to a folder, as a backup or to leave the cloud; or to another folder or
// prefix) without losing anything the user made: every table byte for byte (photos and their
// vectors, tags and the decisions on them, label sets, smart albums, the text read in photos,
// signatures, folders, the library's settings, the indexes) and the library's files
// (thumbnails, duplicate decisions and report, search calibration). Nothing is embedded again.
//
// Policy (`shoebox copy-library`):
// - the source is never changed, and is held with the writer lock so nothing writes its
//   tables while they are copied (the app or `watch` running on it: "library busy", one line);
//   its small files that change without that lock (duplicate decisions) go last, and any that
//   changed meanwhile go again;
// - the target must be empty: a copy never writes into another library. The copy claims it
//   with a marker (COPY_MARKER) written only if none is there, so two copies cannot share a
//   target; an unfinished copy leaves it, and the same copy run again resumes, first removing
//   the target's table files the source does not have (versions of an earlier attempt), then
//   copying only what is not there yet: every table file and thumbnail is written once under
//   its name and never changed (Lance's files are named by id or version, thumbnails by
//   content), and a file is only ever there whole (a folder's writes are renamed into place,
//   an object appears whole), so one already there is the one to copy (a manifest is compared
//   all the same). No Shoebox opens a place holding the marker (store/connection.ts, the
//   writer lease), so nothing but the copy writes there until it is done;
// - each table's data, deletion and index files go before its manifests (_versions), so a
//   table is never visible with a file missing; Lance's version hint and stray files (hidden,
//   Finder's, a NAS's, Lance's own temporary ones) stay behind; the marker goes last;
// - the copy is checked before it counts as done: every table reads whole there, at the
//   source's version and with its rows.
import crypto from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isAtOrInside } from '../../base/path-inside';
import { DECISIONS_KEY } from '../dupes/decisions-file';
import { TRASHED_CONTENTS_KEY } from '../library/trashed-contents';
import { REPORTS_PREFIX } from '../dupes/report-store';
import { realpathOr } from '../location/files-for';
import { libraryAbove } from '../location/library-above';
import { isLibraryKey, type LibraryFiles } from '../location/library-files';
import type { LibraryLocation, S3Place } from '../location/library-location';
import { errorWithoutSecrets } from '../location/location-error';
import { COPY_MARKER, parseCopyMarker, tableFiles, whereToResume, type CopyMarker } from '../location/unfinished-copy';
import { THUMBS_PREFIX } from '../media';
import { CALIBRATION_PREFIX } from '../search/search-service';
import { checkLibraryTables, tableNames, tableStates } from '../store';
import { TABLES } from '../store/schema';
import { countLibraryPhotos } from '../store/library-photo-count';
import { CopyRefusedError } from './copy-refused-error';

/** The library's files beside its tables: each feature's prefix, and the one file of its own. */
const FILE_PREFIXES = [THUMBS_PREFIX, REPORTS_PREFIX, CALIBRATION_PREFIX];
const FILE_KEYS = [DECISIONS_KEY, TRASHED_CONTENTS_KEY];

/** Lance's note of a table's newest version: a hint it checks, rewritten by its next commit; not copied. */
const VERSION_HINT = 'latest_version_hint.json';

/** Files written at once: enough to hide an object store's round trips, few enough for a NAS. */
const CONCURRENCY = 8;

/** Rounds of copying again the small files that changed during the copy, before giving up. */
const SETTLE_ROUNDS = 3;

/** The library copied: where it is, its files, and its writer lock (nothing writes its tables meanwhile). */
export interface CopySource {
  location: LibraryLocation;
  files: LibraryFiles;
  /** Takes the library's writer lock and lease, kept until the caller releases them. */
  hold(): Promise<void>;
}

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
  /** The library's photos, videos included, each once however many models embedded it (a
   *  photo is a row in every model's photos table: the tables' rows are not the count). */
  photos: number;
  /** Of `photos`, the videos (said apart: a video is not a photo). */
  videos: number;
  /** Files copied: the tables' and the library's (thumbnails…). */
  files: number;
  bytes: number;
  /** On a resume: the table files and thumbnails an earlier attempt had copied (not copied again). */
  alreadyThere: number;
  /** Files left behind: hidden or oddly named ones that are not the library's (.DS_Store, Lance's temporary files). */
  skipped: number;
  /** An unfinished copy of the same library was found there and completed. */
  resumed: boolean;
  seconds: number;
}

export async function copyLibrary(lib: CopySource, target: CopyTarget, options: { signal?: AbortSignal; onProgress?: (p: CopyProgress) => void } = {}): Promise<CopyReport> {
  try {
    return await copyInto(lib, target, options);
  } catch (error) {
    // LanceDB's and the SDK's S3 errors may echo a key, of either end.
    throw errorWithoutSecrets(error, [...lib.location.secrets, ...target.location.secrets]);
  }
}

async function copyInto(lib: CopySource, target: CopyTarget, options: { signal?: AbortSignal; onProgress?: (p: CopyProgress) => void }): Promise<CopyReport> {
  const started = performance.now();
  const source = lib.location;
  refuseBadPlace(lib, target);
  await refuseInsideLibrary(target);
  await lib.hold(); // the writer lock, kept until the copy is done: nothing writes the tables meanwhile
  const tablesTo = tableFiles(target.location);
  const { resumed, id } = await claimTarget(target, tablesTo, source);

  const tablesFrom = tableFiles(source);
  const tables = source.kind === 'local' ? await localTables(source.databaseUri) : await listedTables(tablesFrom, await tableNames(source));
  const thumbs = (await lib.files.list(THUMBS_PREFIX)).filter(isLibraryKey);
  const others = await smallFiles(lib.files);
  const there = resumed ? await removeLeftovers(tablesTo, tables) : new Set<string>();
  const thumbsThere = resumed ? new Set(await target.files.list(THUMBS_PREFIX)) : new Set<string>();
  const progress = { done: 0, total: thumbs.length + others.length + tables.reduce((n, t) => n + t.data.length + t.manifests.length, 0), bytes: 0 };
  let alreadyThere = 0;
  const step = (bytes: number) => {
    progress.done++;
    progress.bytes += bytes;
    options.onProgress?.({ ...progress });
  };
  const skip = () => {
    alreadyThere++;
    step(0);
  };
  options.onProgress?.({ ...progress });

  await inParallel(thumbs, options.signal, async (key) => {
    if (thumbsThere.has(key)) return skip();
    const data = await lib.files.read(key);
    if (data === null) return;
    await target.files.writeNew(key, data); // content-addressed: one already there is the same
    step(data.byteLength);
  });
  for (const table of tables) {
    for (const files of [table.data, table.manifests]) {
      await inParallel(files, options.signal, async (key) => {
        // A data file's name is a fresh id, so one there is the one to copy; a manifest's is
        // its version number, which a commit made there since (a Shoebox without the open's
        // check of the marker) could have taken: it is copied again unless it is the same.
        if (there.has(key) && (files === table.data || (await sameBytes(tablesFrom, tablesTo, key)))) return skip();
        const data = await tablesFrom.read(key);
        // The writer lease keeps every other writer out: a file gone meanwhile is not a copy to finish.
        if (data === null) throw new Error(`${key} left the library during the copy: run the same copy again`);
        await tablesTo.write(key, data);
        step(data.byteLength);
      });
    }
  }
  // The small files last (decisions are made without the writer lock), then again any that
  // changed while the copy ran, until a round finds none changed.
  let copied = await copySmallFiles(lib.files, target.files, others, options.signal, step);
  const states = await verifyCopy(source, target.location);
  for (let round = 0; ; round++) {
    const changed = await changedSince(lib.files, copied);
    if (changed.length === 0) break;
    if (round === SETTLE_ROUNDS) throw new Error(`the library's files kept changing during the copy (${changed[0]}): run the same copy again once nothing else uses the library`);
    copied = new Map([...copied, ...(await copySmallFiles(lib.files, target.files, changed, options.signal, step))]);
  }

  const { photos, videos } = await countLibraryPhotos(source); // the writer lock still held: the count of what was copied
  await releaseTarget(target, id);
  return {
    from: source.uri,
    to: target.location.uri,
    tables: [...states].map(([name, s]) => ({ name, rows: s.rows })).sort((a, b) => a.name.localeCompare(b.name)),
    photos,
    videos,
    files: progress.done - alreadyThere,
    bytes: progress.bytes,
    alreadyThere,
    skipped: tables.reduce((n, t) => n + t.skipped, 0),
    resumed,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * A target inside the library or one of its own folders (for the default library: the home's
 * thumbs, duplicates, calibration), or holding it (a prefix above an S3 library's), or another
 * home's default library (whose files live in that home, not beside its tables: they would
 * look lost there) is refused.
 */
function refuseBadPlace(lib: CopySource, target: CopyTarget): void {
  const from = lib.location;
  const to = target.location;
  const nested = () => new CopyRefusedError(`${to.uri} is the library itself, holds it or lies inside it: choose another place`);
  if (to.kind === 's3') {
    if (from.kind === 's3' && sameBucket(from.s3!, to.s3!) && prefixesNest(from.s3!.prefix, to.s3!.prefix)) throw nested();
    return;
  }
  const toPath = realpathOr(to.databaseUri);
  if (from.kind === 'local') {
    const real = (p: string) => realpathOr(path.resolve(p));
    const library = real(from.databaseUri);
    if (isAtOrInside(toPath, library) || isAtOrInside(library, toPath)) throw nested();
    // The default library's files live in the home beside it (thumbs/…): a folder of those is
    // not the library, and is named as what it is.
    for (const folder of FILE_PREFIXES.map((p) => lib.files.where(p.replace(/\/$/, '')))) {
      if (isAtOrInside(toPath, real(folder))) throw new CopyRefusedError(`${to.uri} lies inside the library's files (${folder}): choose another place`);
      if (isAtOrInside(real(folder), toPath)) throw new CopyRefusedError(`${to.uri} holds the library's files (${folder}): choose another place`);
    }
  }
  const parent = path.dirname(toPath);
  if (path.basename(toPath) === 'library' && ['settings.json', 'models', 'thumbs'].some((n) => existsSync(path.join(parent, n)))) {
    throw new CopyRefusedError(`${to.uri} is the default library of the Shoebox home ${parent}: copy to a folder of its own, then open it with --library`);
  }
}

/**
 * A target inside another library (a folder or prefix above it holds a library's meta table,
 * or a copy being made) is refused: that library's later copies would carry this one along.
 * One holding a library is refused as not empty (claimTarget).
 */
async function refuseInsideLibrary(target: CopyTarget): Promise<void> {
  const above = await libraryAbove(target.location, [`${TABLES.meta}.lance/`, COPY_MARKER]);
  if (above) throw new CopyRefusedError(`${target.location.uri} lies inside the library ${above}: a copy never writes into another library; choose a place outside it`);
}

/** One store: the same bucket at the same endpoint (none: AWS), however the endpoint is written. */
function sameBucket(a: S3Place, b: S3Place): boolean {
  const server = (p: S3Place) => {
    try {
      return p.endpoint ? new URL(p.endpoint).origin : '';
    } catch {
      return p.endpoint ?? '';
    }
  };
  return a.bucket === b.bucket && server(a) === server(b);
}

/** Whether one prefix is the other or lies under it ("" holds every prefix). */
function prefixesNest(a: string, b: string): boolean {
  const under = (inner: string, outer: string) => outer === '' || inner === outer || inner.startsWith(`${outer}/`);
  return under(a, b) || under(b, a);
}

/**
 * Claims the target: refuses one holding anything but an unfinished copy of this library from
 * this device, then writes a marker of its own, only if the one read is still there (or none
 * is): of two copies started at once into one place, one is refused. Another copy's marker
 * does not say whether that copy still runs (it records when it began, not when it last
 * wrote), so the refusal says both: let it finish, or, stopped, finish or give it up.
 */
async function claimTarget(target: CopyTarget, tablesTo: LibraryFiles, source: LibraryLocation): Promise<{ resumed: boolean; id: string }> {
  const from = source.uri;
  const { data, version } = await target.files.readVersioned(COPY_MARKER);
  const previous = data ? parseCopyMarker(data) : null;
  // The same library: an S3 URI names one wherever it is copied from (two copies of it cannot
  // run at once: each holds its writer lease), a folder's path only on the device it is on.
  const resumed = previous !== null && previous.from === from && (source.kind === 's3' || previous.host === os.hostname());
  if (previous && !resumed) {
    const started = `started on ${previous.host}${previous.startedAt ? ` at ${previous.startedAt}` : ''}`;
    throw new CopyRefusedError(
      `${target.location.uri} holds a copy of ${previous.from} ${started}, which may still be running: let it finish; if it stopped, run that copy again (${whereToResume(previous)}) to finish it, or remove everything under ${target.location.uri} to give it up`,
    );
  }
  if (!resumed) {
    const present = [...(await tablesTo.list('')), ...(await Promise.all(FILE_PREFIXES.map((p) => target.files.list(p)))).flat()];
    for (const key of [...FILE_KEYS, COPY_MARKER]) if ((await target.files.stamp(key)) !== null) present.push(key);
    if (present.length > 0) {
      throw new CopyRefusedError(`${target.location.uri} is not empty (${new Set(present).size} files, e.g. ${present[0]}): a copy never writes into another library; choose an empty place`);
    }
  }
  const marker: CopyMarker = { from, host: os.hostname(), id: crypto.randomUUID(), startedAt: new Date().toISOString() };
  if (!(await target.files.writeIfVersion(COPY_MARKER, `${JSON.stringify(marker)}\n`, resumed ? version : null))) {
    throw new CopyRefusedError(`another copy is writing to ${target.location.uri}: let it finish, or choose another place`);
  }
  return { resumed, id: marker.id };
}

/** Removes the marker, unless another copy took the target over meanwhile (then this one is not done). */
async function releaseTarget(target: CopyTarget, id: string): Promise<void> {
  const current = await target.files.read(COPY_MARKER);
  if (!current || parseCopyMarker(current)?.id !== id) throw new Error(`another copy took over ${target.location.uri} while this one ran: run it again once that one is done`);
  await target.files.remove(COPY_MARKER);
}

interface SourceTable {
  name: string;
  /** Keys relative to the library folder, "<name>.lance/...": data, deletions, indexes, transactions. */
  data: string[];
  /** "<name>.lance/_versions/N.manifest": what makes the rest visible, copied last. */
  manifests: string[];
  /** Stray files left behind (hidden, oddly named); the version hint is not counted. */
  skipped: number;
}

/** The tables of a local library: its "<name>.lance" folders (the writer lease's is the device's own). */
async function localTables(dir: string): Promise<SourceTable[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const tables: SourceTable[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.endsWith('.lance') || !isLibraryKey(entry.name)) continue;
    const files = (await fs.readdir(path.join(dir, entry.name), { recursive: true, withFileTypes: true }))
      .filter((f) => f.isFile())
      .map((f) => path.relative(dir, path.join(f.parentPath, f.name)).split(path.sep).join('/'));
    tables.push(sourceTable(entry.name, files));
  }
  return tables;
}

/**
 * The tables of an S3 library, by LanceDB's names: each one's objects listed under its prefix
 * (listing the whole prefix would walk every thumbnail too).
 */
async function listedTables(files: LibraryFiles, names: string[]): Promise<SourceTable[]> {
  const tables: SourceTable[] = [];
  for (const name of names) {
    const folder = `${name}.lance`;
    if (!isLibraryKey(folder)) continue;
    tables.push(sourceTable(folder, await files.list(`${folder}/`)));
  }
  return tables;
}

/** A table folder's files sorted for the copy: data first, manifests last, strays and the version hint left behind. */
function sourceTable(name: string, keys: string[]): SourceTable {
  const plain = keys.filter(isLibraryKey);
  const kept = plain.filter((key) => path.posix.basename(key) !== VERSION_HINT);
  const manifest = (key: string) => key.split('/')[1] === '_versions';
  return { name, data: kept.filter((k) => !manifest(k)), manifests: kept.filter(manifest), skipped: keys.length - plain.length };
}

/**
 * On a resume: removes the target's table files the source does not have (an earlier
 * attempt's versions, tables it lacks); returns the ones it has, already copied.
 */
async function removeLeftovers(tablesTo: LibraryFiles, tables: SourceTable[]): Promise<Set<string>> {
  const wanted = new Set(tables.flatMap((t) => [...t.data, ...t.manifests]));
  const present = (await tablesTo.list('')).filter((key) => key.split('/')[0]!.endsWith('.lance'));
  for (const key of present) if (!wanted.has(key)) await tablesTo.remove(key);
  return new Set(present.filter((key) => wanted.has(key)));
}

async function sameBytes(a: LibraryFiles, b: LibraryFiles, key: string): Promise<boolean> {
  const [x, y] = await Promise.all([a.read(key), b.read(key)]);
  return x !== null && y !== null && x.equals(y);
}

/** The library's small files (duplicate reports, calibrations, decisions) as they are now. */
async function smallFiles(files: LibraryFiles): Promise<string[]> {
  const keys = (await Promise.all([REPORTS_PREFIX, CALIBRATION_PREFIX].map((p) => files.list(p)))).flat().filter(isLibraryKey);
  for (const key of FILE_KEYS) if ((await files.stamp(key)) !== null) keys.push(key);
  return keys;
}

/** Copies `keys`, each with the stamp it had before it was read (changedSince compares with it). */
async function copySmallFiles(from: LibraryFiles, to: LibraryFiles, keys: string[], signal: AbortSignal | undefined, step: (bytes: number) => void): Promise<Map<string, string | null>> {
  const stamps = new Map<string, string | null>();
  await inParallel(keys, signal, async (key) => {
    stamps.set(key, await from.stamp(key));
    const data = await from.read(key);
    if (data === null) return to.remove(key); // gone since the listing (a report replaced)
    await to.write(key, data);
    step(data.byteLength);
  });
  return stamps;
}

/** Small files new since the copy, or whose stamp changed. */
async function changedSince(files: LibraryFiles, copied: Map<string, string | null>): Promise<string[]> {
  const now = await smallFiles(files);
  const changed: string[] = [];
  for (const key of new Set([...now, ...copied.keys()])) if (!copied.has(key) || (await files.stamp(key)) !== copied.get(key)) changed.push(key);
  return changed;
}

/** Every table reads whole at the target, at the source's version and with its rows; else the copy is not done. */
async function verifyCopy(source: LibraryLocation, target: LibraryLocation): Promise<Map<string, { rows: number; version: number }>> {
  const [from, to] = [await tableStates(source), await tableStates(target)];
  for (const [name, state] of from) {
    const copied = to.get(name);
    if (copied?.rows !== state.rows || copied.version !== state.version) {
      throw new Error(`the copy of table ${name} at ${target.uri} is ${copied ? `at version ${copied.version} with ${copied.rows} rows` : 'missing'}, not version ${state.version} with ${state.rows}: run the same copy again`);
    }
  }
  const { damaged } = await checkLibraryTables(target);
  if (damaged.length) throw new Error(`the copy at ${target.uri} does not read whole (${damaged.map((d) => `${d.table}: ${d.reason}`).join('; ')}): run the same copy again`);
  return from;
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
