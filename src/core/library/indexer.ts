// Brings the library in line with the disk: new and changed files are indexed, unchanged
// ones cost a stat(), deleted ones are removed, and a file whose content is already in the
// library (a move, a rename, a copy) reuses that embedding instead of being embedded again,
// and so does a copy of content met earlier in the same run (run-twins.ts), and content that
// left the library in an earlier run and is back (removed-rows.ts).
//
// Crash safety: photos are committed to LanceDB in small batches, each one atomic, and a
// photo only counts as indexed once its batch is committed. A kill -9 loses at most the
// batch in flight, which the next run embeds again; there are never half rows.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LibraryEvent } from '../../shared/api';
import type { ClipModel } from '../clip/clip-model';
import { ImageDecodeError, preprocessImage, type PreprocessedImage } from '../clip/preprocess';
import type { ImageResult } from '../clip/image-pipeline';
import type { FailureRecord, LibraryStore, PhotoRecord, PhotoState, PhotoSummary } from '../store/types';
import { sniffFormat, toSharpInputWithHeader, readPhotoMetadata, thumbnailKey, type PhotoMetadata, type ThumbnailStore } from '../media';
import { isAtOrInside, isInside } from '../../base/path-inside';
import { linkProblem } from './link-problem';
import { FOLDER_NOT_FOUND, errorCode, folderProblem, isGone, isSkipped, listOnce, namedLikeMedia, outermostFolder, scanContext, scanFolder, type FoundFile, type Unreadable } from './scan';
import { notRegularFileReason } from '../../base/file-kind';
import { keptUnder } from './kept-rows';
import { undecodableEntry } from './undecodable-name';
import { copiesElsewhere, copiesLine, parentHere } from './moved-folder';
import { FileGoneError, PhotoFile } from './photo-files';
import { sha256OffThread } from './hash-thread';
import { SharedBuffers } from '../../base/shared-buffers';
import { hasPhotoExtension } from '../media/photo-extensions';
import { StoppedError, throwIfStopped, untilAborted } from './abortable';
import { changedPhotos, emptySummary, unavailableLines, type IndexSummary } from './index-summary';
import { ProgressTracker } from './progress';
import { WriteBatcher } from './write-batcher';
import { sayingPhotosKept } from './photos-kept';
import { RunTwins } from './run-twins';
import { oldRowsAt, samePictureChanges, type ChangedContentMarks } from './content-changes';
import type { RecentRemovals } from './recent-removals';
import { leftTheLibrary, rowsToKeep, type RemovedRows } from './removed-rows';
import { keptNotInCopy, keptNotInCopyLine, type KeptNotInCopyLines } from './mapped-copy-keep';
import type { MappedCopyHashes } from './mapped-copy-hashes';
import { sameContentInCopies } from './mapped-copy-times';
import { ThumbnailUploads } from './thumbnail-uploads';
import { VideoIndexer, type IndexedVideo } from './video-indexing';
import { sha256File } from '../../base/sha256-file';
import { withGcHeadroom } from '../../base/gc-headroom';
import { cores } from '../../base/thread-budget';
import { FFMPEG_STOPPED, FfmpegUnusableError, hasVideoExtension, sniffVideo, type FfmpegLocation } from '../media';

/** How long the indexer trusts its read of the rotations (see turnsOf). */
const TURNS_FRESH_MS = 2000;

export interface IndexerDeps {
  store: LibraryStore;
  model: ClipModel;
  modelId: string;
  /** Where thumbnails go: the library's files (a folder, or S3 with a device cache). */
  thumbs: ThumbnailStore;
  emit: (event: LibraryEvent) => void;
  /** Long side of thumbnails, pixels. */
  thumbnailSize?: number;
  /** Called with each committed batch of photos (auto-tagging hooks in here). */
  onPhotosCommitted?: (records: PhotoRecord[]) => Promise<void>;
  /** Starts the run's thumbnail step (the engine plugs in duplicate detection's signatures). */
  thumbnailStep?: () => ThumbnailStep;
  /** Which ffmpeg reads videos; default: located on first video (media/video-ffmpeg.ts), null: none. */
  ffmpeg?: FfmpegLocation | null;
  /** What the user gave the old content of a file another program rewrote goes to its new
   *  content (content-changes.ts): carried before the new row replaces the old (a failure
   *  fails the commit), released from the old once the run is committed. */
  changedContentMarks?: ChangedContentMarks;
  /** Rows of photos removed a while ago, kept on this device with their vectors: the same
   *  content coming back (a folder moved out and back) takes its row instead of being embedded. */
  removedRows?: RemovedRows;
}

/**
 * Work on each new content's thumbnail pixels, which the indexer has in memory anyway: the
 * engine plugs in duplicate detection's perceptual signatures (src/core/dupes
 * SignatureBatcher) through LibraryServiceOptions, so the library never imports a feature.
 */
export interface ThumbnailStep {
  /** Queues work on one content's thumbnail (packed RGB); never throws, never blocks the indexer. */
  add(hash: string, thumbnail: { data: Uint8Array; width: number; height: number }): void;
  /** Waits for the queued work and its saves; rejects with the first failed save. */
  flush(): Promise<void>;
}

export interface IndexOptions {
  signal?: AbortSignal;
  /** A row whose file is gone stays unless its content is still in the library at another
   *  path (a move or copy seen): while a folder is paused, a photo moved into that folder is
   *  not seen arriving there, and must not leave the library meanwhile. Asked when the run
   *  removes rows (a pause may come while it runs). */
  keepMissing?: () => boolean;
  /** The watcher's memory of rows its earlier batches removed: a file written at such a path
   *  soon after takes the old content's marks, as a file rewritten in place does. */
  recentRemovals?: RecentRemovals;
  /** A watch's memory of the kept lines it said (mapped-copy-keep.ts): said again only when a count changes. */
  keptLines?: KeptNotInCopyLines;
}

/** What a scan needs to know about the library besides the folders it lists. */
export interface ScanScope {
  /** Every library folder as stored: names a file's folder, and the linked-file rule (scan.ts). */
  libraryFolders: readonly string[];
  /** Shoebox's own data folders (thumbnails, models, database): never indexed. */
  skip: readonly string[];
  /** The library folders this device sees at another path (`folders map`): this device's
   *  path -> the library's. */
  mappedFolders?: ReadonlyMap<string, string>;
  /** Photos missing from those copies are kept (mapped-copy-keep.ts): set only where another
   *  device may hold the folders, and the run was not told to remove them. */
  keepNotInCopy?: boolean;
  /** This device's answers for files of those folders whose mtimes alone differ from their
   *  rows (mapped-copy-times.ts); without it they are read at every run. */
  copyHashes?: MappedCopyHashes;
}

/**
 * Full pass over whole folders: what `shoebox index` and the watcher's start-up catch-up run.
 * `targets` are library folders or folders inside one.
 */
export async function indexFolders(deps: IndexerDeps, targets: string[], scope: ScanScope, options: IndexOptions = {}): Promise<IndexSummary> {
  const roots = [...new Set(targets.map((f) => path.resolve(f)))];
  const ctx = scanContext(scope.libraryFolders, scope.skip);
  const found = new Map<string, FoundFile>();
  const unreadable: Unreadable[] = [];
  const failed: Unreadable[] = [];
  for (const root of roots) {
    const folderOf = (p: string) => outermostFolder(p, ctx.libraryFolders) ?? root;
    const scan = await scanFolder(root, ctx, { folderOf, isLibraryRoot: ctx.libraryFolders.includes(root) });
    for (const file of scan.files) if (!found.has(file.path)) found.set(file.path, file);
    unreadable.push(...scan.unreadable);
    failed.push(...scan.failed);
  }
  return reconcile(deps, ctx.libraryFolders, [...found.values()], (p) => roots.some((r) => isInside(p, r)), { unreadable, alwaysReport: roots, failed }, options, scope);
}

/**
 * Incremental pass over paths the watcher reported (created, changed or deleted): each is
 * stat'ed again, so the order and duplication of file-system events do not matter (a new
 * folder and the files copied into it are listed once).
 */
export async function indexPaths(deps: IndexerDeps, paths: string[], folderOf: (p: string) => string | undefined, scope: ScanScope, options: IndexOptions = {}): Promise<IndexSummary> {
  const ctx = scanContext(scope.libraryFolders, scope.skip);
  const found = new Map<string, FoundFile>();
  const scopes: string[] = [];
  const unreadable: Unreadable[] = [];
  const failed: Unreadable[] = [];
  const rootProblems = new Map<string, Promise<string | null>>();
  for (const p of new Set(paths.map((x) => path.resolve(x)))) {
    const folder = folderOf(p);
    if (!folder || isSkipped(p, ctx)) continue;
    // A library folder that vanished or cannot be read (an unmounted disk) says nothing about
    // its files: they are kept until it is back.
    if (!rootProblems.has(folder)) rootProblems.set(folder, folderProblem(folder));
    const problem = await rootProblems.get(folder)!;
    if (problem) {
      unreadable.push({ path: folder, reason: problem });
      continue;
    }
    let st: import('node:fs').Stats;
    try {
      st = await fs.stat(p);
    } catch (error) {
      const undecodable = isGone(error) ? await undecodableEntry(p) : null;
      if (!isGone(error)) unreadable.push({ path: p, reason: (await isLink(p)) ? linkProblem(error) : `cannot read (${errorCode(error)})` });
      // Named in bytes that are not UTF-8: there, but no call can open it (failed, as index says).
      else if (undecodable) (undecodable.folder ? unreadable : failed).push({ path: p, reason: undecodable.reason });
      else if (await isLink(p)) unreadable.push({ path: p, reason: 'link target not found' });
      else scopes.push(p); // gone: reconcile() removes it and anything that was below it
      continue;
    }
    // A path covers itself and, if it is a directory, everything below it.
    scopes.push(p);
    const fileFolder = (f: string) => outermostFolder(f, ctx.libraryFolders) ?? folder;
    if (st.isDirectory()) {
      const scan = await scanFolder(p, ctx, { folderOf: fileFolder, isLibraryRoot: p === folder });
      for (const file of scan.files) found.set(file.path, file);
      unreadable.push(...scan.unreadable);
      failed.push(...scan.failed);
    } else if (st.isFile()) {
      const real = await fs.realpath(p).catch(() => p);
      // A hard link added later than its other name is a row of its own until the next full
      // scan drops one (same content).
      const indexed = listOnce(ctx, p, real, st);
      if (indexed === null) continue;
      // ino and ctime too, as the full scan gives them: a mapped copy's cached answer is checked by them (mapped-copy-hashes.ts).
      found.set(indexed, { path: indexed, folder: fileFolder(indexed), size: st.size, mtimeMs: Math.floor(st.mtimeMs), ino: st.ino, ctimeMs: st.ctimeMs });
    } else if (namedLikeMedia(p)) {
      // A FIFO or socket named like a photo: failed as the full scan fails it (scan.ts).
      found.set(p, { path: p, folder: fileFolder(p), size: st.size, mtimeMs: Math.floor(st.mtimeMs), notRegular: notRegularFileReason(st) });
    }
  }
  const inScope = (p: string) => scopes.some((s) => isAtOrInside(p, s));
  return reconcile(deps, ctx.libraryFolders, [...found.values()], inScope, { unreadable, alwaysReport: [], failed }, options, scope);
}

async function isLink(p: string): Promise<boolean> {
  return fs.lstat(p).then((st) => st.isSymbolicLink(), () => false);
}

interface Unavailable {
  /** Could not be read: rows at or under these paths are kept. */
  unreadable: Unreadable[];
  /** Reported even when no photo was kept under them (the folders the user asked for). */
  alwaysReport: readonly string[];
  /** Seen by the scan but impossible to index (scan.ts `failed`): reported as failed each run. */
  failed: Unreadable[];
}

type ReconcileScope = Pick<ScanScope, 'mappedFolders' | 'copyHashes' | 'keepNotInCopy'>;

/** A run that fails (the library stopped answering) says how many photos it committed first. */
async function reconcile(deps: IndexerDeps, libraryFolders: readonly string[], found: FoundFile[], inScope: (p: string) => boolean, unavailable: Unavailable, options: IndexOptions, scope: ReconcileScope): Promise<IndexSummary> {
  const run: { writer?: WriteBatcher } = {};
  return sayingPhotosKept(reconcileRun(deps, libraryFolders, found, inScope, unavailable, options, scope, run), () => run.writer?.committed ?? 0);
}

async function reconcileRun(deps: IndexerDeps, libraryFolders: readonly string[], found: FoundFile[], inScope: (p: string) => boolean, unavailable: Unavailable, options: IndexOptions, scope: ReconcileScope, run: { writer?: WriteBatcher }): Promise<IndexSummary> {
  const started = performance.now();
  const mapped = scope.mappedFolders ?? new Map<string, string>();
  const { store } = deps;
  const summary = emptySummary();
  summary.scanned = found.length;

  let states = await store.photoStates();
  // A path with two rows (another device's commit that landed after its lease lapsed, left
  // when it was killed before taking it back) is one again; a failure here loses nothing.
  if (await store.repairDoubles().catch(() => 0)) states = await store.photoStates();
  const failures = new Map((await store.listFailures()).map((f) => [f.path, f]));
  // Dates and places set by hand whose rows a crash left with the old values take them now (a few queries, or none).
  // A repair that fails (a damaged edits table, a dropped connection) is said and indexing goes on.
  const redated = await store.repairEdits().catch((e: unknown) => {
    deps.emit({ type: 'log', level: 'warn', message: `dates and places set by hand were not checked: ${e instanceof Error ? e.message : String(e)}` });
    return 0;
  });
  const foundPaths = new Set(found.map((f) => f.path));
  // Files the scan saw but cannot open (a name not UTF-8): failed each run, and recorded so that
  // status lists them too; known once recorded, as an unchanged failed photo is.
  const unopenable = new Set(unavailable.failed.map((f) => f.path));
  for (const f of unavailable.failed) summary.failed.push(failures.get(f.path)?.reason === f.reason ? { ...f, known: true } : { ...f });

  // A mapped folder's copy made without keeping times: its photos are unchanged where their
  // content is the row's, and their rows keep the other device's mtime (mapped-copy-times.ts).
  const sameInCopy = scope.copyHashes ? await sameContentInCopies(found, states, mapped, scope.copyHashes, options.signal) : new Set<string>();
  scope.copyHashes?.save();
  const candidates: FoundFile[] = [];
  for (const file of found) {
    const row = states.get(file.path);
    // A row without a thumbnail (migrated from schema v1) is indexed again to make one.
    if (row && row.size === file.size && (row.mtimeMs === file.mtimeMs || sameInCopy.has(file.path)) && row.thumbKey !== '') {
      summary.unchanged++;
      continue;
    }
    const failure = failures.get(file.path);
    if (failure && failure.size === file.size && failure.mtimeMs === file.mtimeMs && !retriedNow(failure)) {
      // Retried only when the file changes, or when what failed was the reading, not the
      // content (retriedNow).
      summary.failed.push({ path: file.path, reason: failure.reason, known: true });
      continue;
    }
    candidates.push(file);
  }
  // Rows whose file is gone (its directory was read and it is not there); a candidate with
  // the same content claims the row's embedding. Rows under what could not be read stay.
  const kept = keptUnder(unavailable.unreadable);
  const missing = new Map([...states].filter(([p]) => inScope(p) && !foundPaths.has(p) && !kept.covers(p)));
  summary.unavailable = kept.report(states.keys(), unavailable.alwaysReport);
  for (const line of unavailableLines(summary)) deps.emit({ type: 'log', level: 'warn', message: line });
  const missingByHash = new Map([...missing].map(([p, s]) => [s.hash, p]));
  const missingSizes = new Set([...missing.values()].map((s) => s.size));
  // Content in the library before this run: only for these is a twin worth a query (content
  // met in this run is RunTwins'). A query per new photo scanned every uncompacted commit of
  // the run (~100 ms each at 10k photos).
  const knownHashes = new Set([...states.values()].map((s) => s.hash));
  // Contents the user turned (Rotate): the model sees them turned, as the user does. Read again
  // every few seconds (a version check; on S3 one small request), so a photo turned during a
  // long run (another model's) and not embedded yet is embedded turned; one embedded already
  // is embedded again by the turn itself (rotations-api.ts).
  // A failed read (a dropped connection) leaves the photos upright, never fails them.
  const none: ReadonlyMap<string, number> = new Map();
  let turned = { readAt: Date.now(), map: store.rotations().catch(() => none) };
  const turnsOf = async (hash: string): Promise<number> => {
    if (Date.now() - turned.readAt > TURNS_FRESH_MS) {
      const previous = turned.map;
      turned = { readAt: Date.now(), map: store.rotations().catch(() => previous) };
    }
    return (await turned.map).get(hash) ?? 0;
  };

  // Byte-identical files in this run (a folder and its backup): the first is embedded, the
  // copies take its row. Before this, each was embedded until the first was committed.
  const twins = new RunTwins<FoundFile>((copy, row) => {
    count(copy);
    writer.put(copyRow(copy, row));
  });
  const uploads = new ThumbnailUploads(deps.thumbs);
  // The contents this run committed a row for (keepMissing: a missing row whose content is among them moved).
  const placed = new Set<string>();
  // Of those, the contents committed at a path that did not hold them (a move or rename seen
  // here): only these say a missing row of a mapped folder's copy moved (mapped-copy-keep.ts).
  const arrived = new Set<string>();
  const writer = new WriteBatcher(store, {
    beforeCommit: async (records) => {
      await uploads.settled(records.map((r) => r.thumbKey));
      await carryMarks(records);
    },
    onCommitted: async (records) => {
      for (const r of records) {
        placed.add(r.hash);
        if (states.get(r.path)?.hash !== r.hash) arrived.add(r.hash);
      }
      twins.committed(records);
      await deps.onPhotosCommitted?.(records);
    },
    // The same upkeep as after a run (library-service.ts), every few thousand photos of a long one.
    maintenance: async () => {
      await store.ensureVectorIndex();
      await store.optimize();
    },
  });
  run.writer = writer;
  // The pipeline stops at a stop, and at a failed commit: nothing embedded after it could be
  // written (flush() below says why). Before, every photo left was embedded or failed with the
  // commit's error, and the progress bar reached the end before the error was said.
  const running = options.signal ? AbortSignal.any([options.signal, writer.failed]) : writer.failed;
  for (const f of unavailable.failed) {
    if (failures.get(f.path)?.reason === f.reason) continue;
    // No size or date: the file cannot be stat'ed; the record goes once it is renamed or deleted.
    writer.fail({ path: f.path, folder: outermostFolder(f.path, libraryFolders) ?? path.dirname(f.path), size: 0, mtimeMs: 0, reason: f.reason, failedAt: Date.now() });
  }
  /** The user's marks of a rewritten file's old content go to its new one first (content-changes.ts). */
  const carried = new Map<string, string>(); // old content -> a new content it went to
  const recent = options.recentRemovals;
  /** The content a path showed before: its row, or one the watcher removed a moment ago. */
  const previousHash = (p: string) => states.get(p)?.hash ?? recent?.at(p)?.hash;
  const carryMarks = async (records: readonly PhotoRecord[]) => {
    const replacing = deps.changedContentMarks ? records.filter((r) => (previousHash(r.path) ?? r.hash) !== r.hash) : [];
    if (replacing.length === 0) return;
    const before = await oldRowsAt(store, replacing.filter((r) => states.has(r.path)).map((r) => r.path));
    for (const r of replacing) {
      const removed = states.has(r.path) ? undefined : recent?.at(r.path);
      if (removed) before.set(r.path, removed);
    }
    const changes = samePictureChanges(replacing, before);
    if (changes.length === 0) return;
    await deps.changedContentMarks!.carry(changes);
    for (const c of changes) carried.set(c.from, c.to);
  };
  /**
   * After the run's commits: the old contents no photo holds any more give up their marks. Not
   * after a stop: a photo of the old content the run did not reach (a backup copy made before
   * the edit) would come in without them.
   */
  const releaseMarks = async () => {
    if (carried.size === 0) return;
    const held = await store.libraryPathsByHash([...carried.keys()]);
    const moved = [...carried].filter(([from]) => !held.has(from)).map(([from, to]) => ({ from, to }));
    if (moved.length) await deps.changedContentMarks!.release(moved);
  };
  // Perceptual signatures for duplicate detection, from the thumbnail already in memory.
  const signatures = deps.thumbnailStep?.();
  // Named like a photo but not a regular file: failed from what the scan saw, never opened
  // (a FIFO's open waits for a writer); the rest go through the model.
  const regular = candidates.filter((c) => c.notRegular === undefined);
  const progress = new ProgressTracker(regular.filter((c) => hasPhotoExtension(c.path)).length, (p) => deps.emit({ type: 'index-progress', progress: p }));
  const pre = deps.model.folder.preprocessing;
  type Pending = { file: FoundFile; hash: string; meta: PhotoMetadata; thumbKey: string; durationMs?: number; size?: { width: number; height: number } | null; turns?: number };
  // The turn each content was embedded at, recorded after the run's commits for the contents
  // ever turned (turn-alignment.ts compares it with the rotations).
  const embeddedAt = new Map<string, number>();
  const videos = new VideoIndexer({ model: deps.model, store, thumbnailSize: deps.thumbnailSize ?? 384, ...(deps.ffmpeg !== undefined ? { ffmpeg: deps.ffmpeg } : {}) });
  const pending = new Map<number, Pending>();
  // Photo bytes land in reused shared buffers, one per decode at once (at most one per core;
  // larger files are not kept), where the hash worker reads them.
  const readBuffers = new SharedBuffers(Math.max(4, cores()), 32 * 1024 * 1024);
  // A photo that changed into something unreadable loses its old row (its content is gone).
  const broken: string[] = [];
  const fail = (file: FoundFile, reason: string) => {
    const record = { path: file.path, folder: file.folder, size: file.size, mtimeMs: file.mtimeMs, reason, failedAt: Date.now() } satisfies FailureRecord;
    summary.failed.push({ path: file.path, reason });
    // A failure that says nothing of the file (retried next run) keeps the row it had.
    if (states.has(file.path) && !retriedNow(record)) broken.push(file.path);
    writer.fail(record);
  };
  // A file another model's table holds is in the library already: new to this model only, or
  // updated when it changed since that model indexed it. (Free with a single photos table.)
  const others = candidates.some((c) => !states.has(c.path)) ? await store.pathsOnlyOtherModelsHold() : new Set<string>();
  const elsewhere = others.size ? await store.photosByPath(candidates.filter((c) => !states.has(c.path) && others.has(c.path)).map((c) => c.path)) : new Map<string, PhotoSummary>();
  const count = (file: FoundFile) => {
    if (states.has(file.path)) return summary.updated++;
    const row = elsewhere.get(file.path);
    if (!row) return summary.added++;
    return row.size === file.size && row.mtimeMs === file.mtimeMs ? summary.newToModel++ : summary.updated++;
  };

  // Settled without being a failure: files gone since the scan (simply not in the library),
  // decodes a stop cut short (left for the next run).
  const goneSinceScan = new Set<string>();
  // The files of the pass running (indices below are into it): every regular candidate, then the
  // copies whose first in this run did not become a row (twins.takeOrphans).
  let files = regular;
  for (const c of candidates) if (c.notRegular !== undefined) fail(c, c.notRegular);
  // The progress counts every file in the first pass: later passes neither grow nor tick it.
  let firstPass = true;
  const cutShort = new Set<number>();
  // Indices that are the first of their content in this run: their copies wait on them.
  const firsts = new Map<number, string>();
  // Progress counts photo files: those named like one, and those whose content turns out to be one.
  const sniffed = new Set<number>();
  const decode = async (filePath: string, index: number) => {
    // Once a commit failed, nothing more can be written: stop embedding (flush() reports why).
    writer.throwIfFailed();
    try {
      // A stop never waits on a decode stuck on a file that does not answer.
      return await untilAborted(decodeFile(filePath, index), running);
    } catch (error) {
      if (error instanceof FileGoneError) goneSinceScan.add(files[index]!.path);
      if (error instanceof StoppedError) cutShort.add(index);
      throw error;
    }
  };
  const decodeFile = async (filePath: string, index: number) => {
    // Not more than a few batches ahead of the commits: a commit that hangs stalls the run
    // instead of letting it embed photos that would be thrown away with it.
    await writer.room();
    writer.throwIfFailed();
    const file = files[index]!;
    // One open for the sniff and the read; regular file, size and declared dimensions are
    // checked before the file is read whole.
    const opened = await PhotoFile.open(filePath);
    let head: Buffer;
    let format: ReturnType<typeof sniffFormat>;
    let bytes: Buffer | undefined;
    try {
      head = await opened.head();
      format = sniffFormat(head);
      if (format) {
        sniffed.add(index);
        if (!hasPhotoExtension(filePath) && firstPass) progress.grow();
        bytes = await opened.readAll({ buffers: readBuffers });
      }
    } finally {
      opened.close(); // before a video's frames are read, which takes long
    }
    if (!format || !bytes) {
      // An empty file says so, whatever its name (a video being copied, a failed download).
      if (head.length === 0 && (hasVideoExtension(filePath) || hasPhotoExtension(filePath))) throw new ImageDecodeError('empty file (0 bytes)');
      if (sniffVideo(head) || hasVideoExtension(filePath)) return decodeVideo(file, index, sniffVideo(head) !== null);
      if (!hasPhotoExtension(filePath)) {
        summary.otherFiles++; // not a photo at all: ignored, not failed, but counted
        return null;
      }
      throw new ImageDecodeError('not an image (unrecognised content)');
    }
    let meta: PhotoMetadata;
    let image: PreprocessedImage;
    let hash: string;
    let turns: number;
    try {
      // On a worker, not the event loop, which every photo's other steps wait on.
      hash = await sha256OffThread(bytes);
      if (await takesTwin(file, hash, index)) return null;
      meta = await readPhotoMetadata(bytes);
      const { input, header } = await toSharpInputWithHeader(bytes, format);
      turns = await turnsOf(hash);
      image = await preprocessImage(input, pre, { thumbnailSize: deps.thumbnailSize ?? 384, header, turns });
    } finally {
      readBuffers.give(bytes); // nothing holds the bytes now: the decode is done
    }
    const thumbKey = thumbnailKey(hash);
    throwIfStopped(options.signal);
    if (image.thumbnail) {
      await uploads.start(thumbKey, image.thumbnail);
      signatures?.add(hash, image.thumbnailPixels!); // in the background; never throws
    }
    pending.set(index, { file, hash, meta, thumbKey, turns });
    return image;
  };

  // Rows of reused contents outside what this run looks at, maybe gone (see vanishedTwins).
  const twinsElsewhere = new Set<string>();
  // The missing paths a new path took the row of: each is one move, however many new paths
  // took it (a photo renamed and copied in one run is one move and one addition, not two moves).
  const movedFrom = new Set<string>();
  /** A stored row with the same content claims the file (a move or a copy): nothing to embed. */
  const reuseTwin = async (file: FoundFile, hash: string): Promise<boolean> => {
    const rows = (await store.photosByHash(hash)).filter((t) => t.thumbKey !== '');
    throwIfStopped(options.signal); // a decode that ends after a stop commits nothing
    const twin = reusableTwin(rows, missingByHash.get(hash));
    if (!twin) return false;
    for (const r of rows) if (states.has(r.path) && !foundPaths.has(r.path) && !missing.has(r.path) && !kept.covers(r.path)) twinsElsewhere.add(r.path);
    if (missing.has(twin.path)) {
      movedFrom.add(twin.path);
      summary.moved = movedFrom.size;
    }
    count(file);
    writer.put(copyRow(file, twin));
    return true;
  };
  // Contents taken back from the rows kept after their removal (removed-rows.ts): forgotten there after the run.
  const takenBack = new Set<string>();
  /** Content that left the library a while ago and is back (a folder moved out and back): its kept row. */
  const takesBack = async (file: FoundFile, hash: string): Promise<boolean> => {
    const kept = await deps.removedRows?.row(hash).catch(() => undefined);
    throwIfStopped(options.signal);
    if (!kept || kept.modelId !== deps.modelId) return false;
    takenBack.add(hash);
    count(file);
    writer.put(copyRow(file, kept));
    return true;
  };
  /** Whether `file` takes a row of the same content (stored, kept after a removal, or made in this run) instead of being embedded. */
  const takesTwin = async (file: FoundFile, hash: string, index: number): Promise<boolean> => {
    if (knownHashes.has(hash) && (await reuseTwin(file, hash))) return true;
    throwIfStopped(options.signal); // a decode that ends after a stop takes no row, waits for none
    if (await takesBack(file, hash)) return true;
    const claim = twins.claim(hash, file);
    if (claim === 'copy' || (claim === 'stored' && (await reuseTwin(file, hash)))) return true;
    firsts.set(index, hash);
    return false;
  };
  // A video (video-indexing.ts): its frames are embedded and stored here; its poster frame
  // is returned to be embedded and committed as the video's row, like a photo.
  const decodeVideo = async (file: FoundFile, index: number, isVideo: boolean) => {
    if (!isVideo) throw new ImageDecodeError('not a video (unrecognised content)'); // named .mp4 etc.
    if (!(await videos.ffmpeg())) {
      // A video moved or renamed needs no ffmpeg: its row moves with it (same content). Hashed
      // only where a row that went missing has its size, not every video at every such run.
      if (missingSizes.has(file.size)) {
        const hash = await sha256File(file.path, options.signal);
        if (knownHashes.has(hash) && (await reuseTwin(file, hash))) return null;
      }
      videos.skip(); // left for a run with a usable ffmpeg: not failed, and said once (below)
      return null;
    }
    sniffed.add(index);
    if (!hasPhotoExtension(file.path) && firstPass) progress.grow();
    const hash = await sha256File(file.path, options.signal); // streamed: a video need not fit in memory
    if (await takesTwin(file, hash, index)) return null;
    let video: IndexedVideo;
    try {
      video = await videos.index(file.path, hash, options.signal);
    } catch (error) {
      // ffmpeg gone or broken mid-run (uninstalled, replaced): the setup's fault, not the video's.
      if (!(error instanceof FfmpegUnusableError)) throw error;
      videos.skip(error);
      return null;
    }
    const thumbKey = thumbnailKey(hash);
    throwIfStopped(options.signal);
    await uploads.start(thumbKey, video.poster.thumbnail!);
    signatures?.add(hash, video.poster.thumbnailPixels!);
    const meta: PhotoMetadata = { takenAt: video.takenAt, takenOffset: video.takenOffset, cameraMake: null, cameraModel: null, gpsLat: video.gps?.lat ?? null, gpsLon: video.gps?.lon ?? null, orientation: null };
    pending.set(index, { file, hash, meta, thumbKey, durationMs: video.durationMs, size: video.size });
    return video.poster;
  };

  // The photos and videos a stop left undone (what `status` then counts as pending: files named
  // like one, or found to be one); a set, since a copy cut short may also be its first's orphan.
  const left = new Set<string>();
  // A pass over `files`; what a stop left of them goes to `left`.
  const pass = async (): Promise<void> => {
    const handled = new Set<number>();
    // Megabytes of pixels a photo: without the headroom V8 ran a full collection every few photos.
    await withGcHeadroom(() => deps.model.embedImageFiles(
      files.map((c) => c.path),
      (result) => {
        const first = firsts.get(result.index);
        firsts.delete(result.index);
        const row = settle(result, () => handled.add(result.index));
        if (first === undefined) return;
        if (row) twins.made(row);
        else twins.lost(first);
      },
      { decode, signal: running },
    ));
    files.forEach((f, i) => {
      if (!handled.has(i) && (hasPhotoExtension(f.path) || hasVideoExtension(f.path) || sniffed.has(i))) left.add(f.path);
    });
    // Firsts a stop left without a result: their copies, settled as waiting on them, become
    // orphans, counted as left (they were neither made nor lost).
    for (const first of firsts.values()) twins.lost(first);
    firsts.clear();
    cutShort.clear();
    sniffed.clear();
    pending.clear();
  };
  /** Writes what one photo's result says; returns the row it made, if any. */
  const settle = (result: ImageResult, handled: () => void): PhotoRecord | null => {
    if (cutShort.has(result.index)) return null; // not done: counted in `left`
    handled();
    const file = files[result.index]!;
    if (firstPass && (hasPhotoExtension(file.path) || sniffed.has(result.index))) progress.tick();
    if (goneSinceScan.has(file.path)) return null; // deleted since the scan: not there, not failed
    if (result.error !== undefined) {
      fail(file, result.error);
      return null;
    }
    if (result.skipped) return null;
    const p = pending.get(result.index)!;
    pending.delete(result.index);
    summary.embedded++;
    count(file);
    const row: PhotoRecord = {
      path: file.path,
      folder: file.folder,
      size: file.size,
      mtimeMs: file.mtimeMs,
      hash: p.hash,
      // A video's row has its real size; the frame embedded was reduced for the model.
      width: p.size?.width ?? result.width!,
      height: p.size?.height ?? result.height!,
      ...p.meta,
      modelId: deps.modelId,
      vector: result.embedding!,
      thumbKey: p.thumbKey,
      indexedAt: Date.now(),
      ...(p.durationMs !== undefined ? { durationMs: p.durationMs } : {}),
    };
    writer.put(row);
    embeddedAt.set(p.hash, p.turns ?? 0);
    return row;
  };
  await pass();
  // Copies whose first failed, vanished or was cut short are embedded on their own (already
  // counted in the progress); a stop leaves them for the next run.
  for (let orphans = twins.takeOrphans(); orphans.length; orphans = twins.takeOrphans()) {
    if (running.aborted) {
      for (const o of orphans) left.add(o.path);
      break;
    }
    files = orphans;
    firstPass = false;
    await pass();
  }

  // Only after every new row is committed may old rows go: a crash in between leaves a
  // duplicate the next run removes, never a lost photo.
  await writer.flush();
  await signatures?.flush();
  // Not recorded (a dropped connection): the next run only embeds those contents again.
  await recordTurns(store, embeddedAt).catch(() => {});
  const skippedVideos = videos.skippedLine();
  if (skippedVideos) deps.emit({ type: 'log', level: 'warn', message: skippedVideos });
  if (options.signal?.aborted) {
    summary.interrupted = true;
    summary.left = left.size;
  } else {
    // A move whose two ends the watcher saw in two batches, or out of a paused folder it does
    // not follow: the row at the old path is gone too (else the photo showed twice).
    for (const p of await vanishedTwins([...twinsElsewhere], libraryFolders, options.signal)) missing.set(p, states.get(p)!);
    const keep = options.keepMissing?.() === true;
    // Rows this run replaced (changed files) or drops (broken) hold nothing any more.
    const rewritten = new Set([...candidates.map((c) => c.path), ...broken]);
    const removable = keep ? movedAway(missing, states, rewritten, placed) : [...missing.keys()];
    // Not in this device's copy of a shared mapped folder, and not arrived elsewhere here: kept,
    // said once a run (a watch: when its count changes).
    const notInCopy = keptNotInCopy(removable, states, scope.keepNotInCopy ? mapped : new Map<string, string>(), arrived);
    const gone = removable.filter((p) => !notInCopy.kept.has(p));
    if (notInCopy.folders.length) summary.notInCopy = notInCopy.folders;
    const said = options.keptLines ? options.keptLines.toSay(notInCopy.folders, unavailable.alwaysReport) : notInCopy.folders;
    for (const k of said) deps.emit({ type: 'log', level: 'warn', message: keptNotInCopyLine(k) });
    summary.removed = gone.length + broken.length;
    const dropped = new Set(broken);
    for (const f of summary.failed) if (dropped.has(f.path)) f.dropped = true;
    // Remembered first: the next batch may bring a file written at one of these paths.
    if (recent?.wants(gone.length)) recent.remember(await oldRowsAt(store, gone));
    // Kept a while, before they go: the same content back later takes its row again. A cache:
    // one that cannot be read or written costs an embedding later, never this run. Only content
    // that left the library: a move inside it, or a copy elsewhere, keeps nothing (nor rewrites the file).
    const left = deps.removedRows ? leftTheLibrary([...gone, ...broken], states, rewritten, placed) : [];
    if (deps.removedRows && (left.length || takenBack.size)) {
      const removedRows = deps.removedRows;
      await rowsToKeep(store, left, deps.modelId)
        .then((rows) => removedRows.update(rows, takenBack))
        .catch(() => {});
    }
    if (gone.length || broken.length) {
      await store.removePhotos([...gone, ...broken]);
      await store.pruneVideoFrames(); // a removed video's frames; nothing is in flight now
    }
    const stale = [...failures.keys()].filter((p) => inScope(p) && !kept.covers(p) && (!foundPaths.has(p) || goneSinceScan.has(p) || writer.wasIndexed(p)) && !unopenable.has(p));
    if (stale.length) await store.clearFailures(stale);
    // After the removals (a copy of the old content deleted meanwhile holds nothing). Not
    // released (a dropped connection): the old contents keep copies of the marks, as before.
    await releaseMarks().catch((e: unknown) => deps.emit({ type: 'log', level: 'warn', message: `marks of rewritten photos were copied, not moved: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` }));
    // A folder not found whose photos all arrived elsewhere (moved into the library): said.
    // Only a library folder not found: an unreadable subfolder is there, and not the user's to remove.
    // (Only a hint: a read that fails leaves it out, never the run that has landed.)
    const notFound = summary.unavailable.filter((u) => u.kept > 0 && u.reason === FOLDER_NOT_FOUND && libraryFolders.includes(u.path) && parentHere(u.path));
    const after = notFound.length ? await store.photoStates().catch(() => null) : null;
    for (const u of after ? notFound : []) {
      const copiesAt = copiesElsewhere(after!, u.path, libraryFolders, (p) => !kept.covers(p));
      if (copiesAt === null) continue;
      u.copiesAt = copiesAt;
      deps.emit({ type: 'log', level: 'warn', message: copiesLine(u.path, u.kept, copiesAt) });
    }
  }
  summary.seconds = (performance.now() - started) / 1000;
  if (changedPhotos(summary) || redated) deps.emit({ type: 'photos-changed', added: summary.added, removed: summary.removed });
  return summary;
}

/** How long a read that timed out (a hung network drive) waits before it is tried again. */
const TIMED_OUT_RETRY_MS = 60 * 60 * 1000;

/**
 * Failures tried again though the file is unchanged: those of reading it (permissions fixed
 * with chmod keep its mtime; a hung network drive comes back), and "unknown error", which says
 * nothing the user can act on (before 2026-12-05 a damaged JPEG decoded beside others often
 * was: preprocess.ts). A read that timed out costs 30 s, and the watcher catches up after
 * every job: it is tried again an hour after it failed. A damaged or unsupported file waits
 * until it changes.
 */
function retriedNow(failure: FailureRecord): boolean {
  const { reason } = failure;
  if (reason.startsWith('read timed out')) return Date.now() - failure.failedAt >= TIMED_OUT_RETRY_MS;
  // The model failing (its folder removed under a running watch, a runtime error) says
  // nothing of the photo: the next run, with a model that works, tries it again. Nor does a
  // video's ffmpeg stopped by a signal (the OOM killer, a kill -9: media/video-frames.ts).
  return reason === 'unknown error' || reason.startsWith('cannot read (') || reason.startsWith('inference failed') || reason.startsWith(FFMPEG_STOPPED);
}

/** `file`'s row, with the embedding and metadata of `twin`, a photo of the same content. */
function copyRow(file: FoundFile, twin: PhotoRecord): PhotoRecord {
  return { ...twin, path: file.path, folder: file.folder, size: file.size, mtimeMs: file.mtimeMs, indexedAt: Date.now() };
}

/** Of the stored photos with a content, the one whose embedding and metadata to reuse: the
 *  row the file moved from, where the run saw one. */
function reusableTwin(twins: readonly PhotoRecord[], movedFrom: string | undefined): PhotoRecord | null {
  if (twins.length === 0) return null;
  return twins.find((t) => t.path === movedFrom) ?? twins[0]!;
}

/**
 * Of `paths` (rows whose content the run found at another path), those whose file is gone
 * from a folder the scan would trust: moved. As the scan keeps the rows below a folder that is
 * missing or unreadable (an unplugged disk, a link to a folder whose target is gone) and below
 * an empty library folder (an unmounted one), those stay.
 */
async function vanishedTwins(paths: readonly string[], libraryFolders: readonly string[], signal: AbortSignal | undefined): Promise<string[]> {
  const trusted = new Map<string, Promise<boolean>>();
  const gone: string[] = [];
  for (const p of paths) {
    if (signal?.aborted) break; // checked again at the next run
    const dir = path.dirname(p);
    if (!trusted.has(dir)) trusted.set(dir, readableFolder(dir, libraryFolders.includes(dir)));
    if (!(await trusted.get(dir))) continue;
    if (await fs.lstat(p).then(() => false, isGone)) gone.push(p);
  }
  return gone;
}

/** Whether a folder is there and can be read; a library folder must hold an entry too (never listed whole). */
async function readableFolder(dir: string, libraryFolder: boolean): Promise<boolean> {
  try {
    const handle = await fs.opendir(dir);
    try {
      return !libraryFolder || (await handle.read()) !== null;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/** Records the turns contents were embedded at: those turned, and those recorded at another turn before. */
async function recordTurns(store: LibraryStore, embeddedAt: ReadonlyMap<string, number>): Promise<void> {
  if (embeddedAt.size === 0) return;
  const before = await store.embeddedTurns();
  const entries = [...embeddedAt].filter(([hash, turns]) => turns !== 0 || before.has(hash)).map(([hash, turns]) => ({ hash, turns }));
  if (entries.length) await store.recordEmbeddedTurns(entries);
}

/**
 * The missing rows whose content the library still holds at another path (a row this run
 * left as it was, or one it committed): moved or copied there, nothing to keep.
 */
function movedAway(missing: ReadonlyMap<string, PhotoState>, states: ReadonlyMap<string, PhotoState>, rewritten: ReadonlySet<string>, placed: ReadonlySet<string>): string[] {
  const held = new Set(placed);
  for (const [p, s] of states) if (!missing.has(p) && !rewritten.has(p)) held.add(s.hash);
  return [...missing].filter(([, s]) => held.has(s.hash)).map(([p]) => p);
}
