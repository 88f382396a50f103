// Brings the library in line with the disk: new and changed files are indexed, unchanged
// ones cost a stat(), deleted ones are removed, and a file whose content is already in the
// library (a move, a rename, a copy) reuses that embedding instead of being embedded again.
//
// Crash safety: photos are committed to LanceDB in small batches, each one atomic, and a
// photo only counts as indexed once its batch is committed. A kill -9 loses at most the
// batch in flight, which the next run embeds again; there are never half rows.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LibraryEvent } from '../../shared/api';
import type { ClipModel } from '../clip/clip-model';
import { ImageDecodeError, preprocessImage } from '../clip/preprocess';
import type { FailureRecord, LibraryStore, PhotoRecord } from '../store/types';
import { sniffFormat, toSharpInput, readPhotoMetadata, thumbnailKey, writeThumbnail, type PhotoMetadata } from '../media';
import { scanFolder, isInside, type FoundFile } from './scan';
import { hasPhotoExtension, readHead } from './photo-files';
import { emptySummary, type IndexSummary } from './index-summary';
import { ProgressTracker } from './progress';
import { WriteBatcher } from './write-batcher';
import { SignatureBatcher } from '../dupes/signature-batcher';

export interface IndexerDeps {
  store: LibraryStore;
  model: ClipModel;
  modelId: string;
  thumbsDir: string;
  emit: (event: LibraryEvent) => void;
  /** Long side of thumbnails, pixels. */
  thumbnailSize?: number;
  /** Called with each committed batch of photos (auto-tagging hooks in here). */
  onPhotosCommitted?: (records: PhotoRecord[]) => Promise<void>;
}

export interface IndexOptions {
  signal?: AbortSignal;
}

/** Full pass over whole folders: what `shoebox index` and the watcher's start-up catch-up run. */
export async function indexFolders(deps: IndexerDeps, folders: string[], options: IndexOptions = {}): Promise<IndexSummary> {
  const roots = folders.map((f) => path.resolve(f));
  const visited = new Set<string>();
  const found: FoundFile[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    for (const file of await scanFolder(root, visited)) {
      if (!seen.has(file.path)) {
        seen.add(file.path);
        found.push(file);
      }
    }
  }
  return reconcile(deps, found, (p) => roots.some((r) => isInside(p, r)), options);
}

/**
 * Incremental pass over paths the watcher reported (created, changed or deleted): each is
 * stat'ed again, so the order and duplication of file-system events do not matter.
 */
export async function indexPaths(deps: IndexerDeps, paths: string[], folderOf: (p: string) => string | undefined, options: IndexOptions = {}): Promise<IndexSummary> {
  const found: FoundFile[] = [];
  const scopes: string[] = [];
  for (const p of new Set(paths.map((x) => path.resolve(x)))) {
    const folder = folderOf(p);
    if (!folder) continue;
    // A path covers itself and, if it is (or was) a directory, everything below it.
    scopes.push(p);
    try {
      const st = await fs.stat(p);
      if (st.isDirectory()) for (const f of await scanFolder(p)) found.push({ ...f, folder });
      else if (st.isFile()) found.push({ path: p, folder, size: st.size, mtimeMs: Math.floor(st.mtimeMs) });
    } catch {
      // Gone: reconcile() removes it and anything that was below it.
    }
  }
  const inScope = (p: string) => scopes.some((s) => p === s || p.startsWith(s + path.sep));
  return reconcile(deps, found, inScope, options);
}

async function reconcile(deps: IndexerDeps, found: FoundFile[], inScope: (p: string) => boolean, options: IndexOptions): Promise<IndexSummary> {
  const started = performance.now();
  const { store } = deps;
  const summary = emptySummary();
  summary.scanned = found.length;

  const states = await store.photoStates();
  const failures = new Map((await store.listFailures()).map((f) => [f.path, f]));
  const foundPaths = new Set(found.map((f) => f.path));

  const candidates: FoundFile[] = [];
  for (const file of found) {
    const row = states.get(file.path);
    // A row without a thumbnail (migrated from schema v1) is indexed again to make one.
    if (row && row.size === file.size && row.mtimeMs === file.mtimeMs && row.thumbKey !== '') {
      summary.unchanged++;
      continue;
    }
    const failure = failures.get(file.path);
    if (failure && failure.size === file.size && failure.mtimeMs === file.mtimeMs) {
      // Retried only when the file changes.
      summary.failed.push({ path: file.path, reason: failure.reason });
      continue;
    }
    candidates.push(file);
  }
  // Rows whose file is gone; a candidate with the same content claims the row's embedding.
  const missing = new Map([...states].filter(([p]) => inScope(p) && !foundPaths.has(p)));
  const missingByHash = new Map([...missing].map(([p, s]) => [s.hash, p]));
  // Content already in the library: only for these is a twin worth a query. A query per new
  // photo scanned every uncompacted commit of the run (~100 ms each at 10k photos).
  const knownHashes = new Set([...states.values()].map((s) => s.hash));

  const writer = new WriteBatcher(store, {
    ...(deps.onPhotosCommitted ? { onCommitted: deps.onPhotosCommitted } : {}),
    // The same upkeep as after a run (library-service.ts), every few thousand photos of a long one.
    maintenance: async () => {
      await store.ensureVectorIndex();
      await store.optimize();
    },
  });
  // Perceptual signatures for duplicate detection, from the thumbnail already in memory.
  const signatures = new SignatureBatcher(store);
  const progress = new ProgressTracker(candidates.length, (p) => deps.emit({ type: 'index-progress', progress: p }));
  const pre = deps.model.folder.preprocessing;
  type Pending = { file: FoundFile; hash: string; meta: PhotoMetadata; thumbKey: string };
  const pending = new Map<number, Pending>();
  // A photo that changed into something unreadable loses its old row (its content is gone).
  const broken: string[] = [];
  const fail = (file: FoundFile, reason: string) => {
    summary.failed.push({ path: file.path, reason });
    if (states.has(file.path)) broken.push(file.path);
    writer.fail({ path: file.path, folder: file.folder, size: file.size, mtimeMs: file.mtimeMs, reason, failedAt: Date.now() } satisfies FailureRecord);
  };
  const count = (file: FoundFile) => (states.has(file.path) ? summary.updated++ : summary.added++);

  const decode = async (filePath: string, index: number) => {
    const file = candidates[index]!;
    const format = sniffFormat(await readHead(filePath));
    if (!format) {
      if (!hasPhotoExtension(filePath)) return null; // not a photo at all: ignored, not failed
      throw new ImageDecodeError('not an image (unrecognised content)');
    }
    const bytes = await fs.readFile(filePath);
    const hash = crypto.createHash('sha256').update(bytes).digest('hex');
    const twin = knownHashes.has(hash) ? await reusableTwin(store, hash, missingByHash) : null;
    knownHashes.add(hash); // a second copy in this run may find this one once it is committed
    if (twin) {
      if (missing.has(twin.path)) summary.moved++;
      count(file);
      writer.put({ ...twin, path: file.path, folder: file.folder, size: file.size, mtimeMs: file.mtimeMs, indexedAt: Date.now() });
      return null;
    }
    const meta = await readPhotoMetadata(bytes);
    const input = await toSharpInput(bytes, format);
    const image = await preprocessImage(input, pre, { thumbnailSize: deps.thumbnailSize ?? 384 });
    const thumbKey = thumbnailKey(hash);
    if (image.thumbnail) {
      await writeThumbnail(deps.thumbsDir, thumbKey, image.thumbnail);
      signatures.add(hash, image.thumbnail); // in the background; never throws
    }
    pending.set(index, { file, hash, meta, thumbKey });
    return image;
  };

  await deps.model.embedImageFiles(
    candidates.map((c) => c.path),
    (result) => {
      progress.tick();
      const file = candidates[result.index]!;
      if (result.error !== undefined) return fail(file, result.error);
      if (result.skipped) return;
      const p = pending.get(result.index)!;
      pending.delete(result.index);
      summary.embedded++;
      count(file);
      writer.put({
        path: file.path,
        folder: file.folder,
        size: file.size,
        mtimeMs: file.mtimeMs,
        hash: p.hash,
        width: result.width!,
        height: result.height!,
        ...p.meta,
        modelId: deps.modelId,
        vector: result.embedding!,
        thumbKey: p.thumbKey,
        indexedAt: Date.now(),
      });
    },
    { decode, ...(options.signal ? { signal: options.signal } : {}) },
  );

  // Only after every new row is committed may old rows go: a crash in between leaves a
  // duplicate the next run removes, never a lost photo.
  await writer.flush();
  await signatures.flush();
  if (!options.signal?.aborted) {
    const gone = [...missing.keys()];
    summary.removed = gone.length;
    if (gone.length || broken.length) await store.removePhotos([...gone, ...broken]);
    const stale = [...failures.keys()].filter((p) => inScope(p) && (!foundPaths.has(p) || writer.wasIndexed(p)));
    if (stale.length) await store.clearFailures(stale);
  }
  summary.seconds = (performance.now() - started) / 1000;
  if (summary.added || summary.removed || summary.updated) deps.emit({ type: 'photos-changed', added: summary.added, removed: summary.removed });
  return summary;
}

/** A stored photo with the same content, whose embedding and metadata can be reused. */
async function reusableTwin(store: LibraryStore, hash: string, missingByHash: Map<string, string>): Promise<PhotoRecord | null> {
  const twins = (await store.photosByHash(hash)).filter((t) => t.thumbKey !== '');
  if (twins.length === 0) return null;
  const movedFrom = missingByHash.get(hash);
  return twins.find((t) => t.path === movedFrom) ?? twins[0]!;
}
