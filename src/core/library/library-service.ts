// The library: watched folders indexed into the store with one model. Owns the writer lock,
// the store connection and the loaded model, each opened on first need so that read-only
// commands never load ONNX sessions they do not use.
import { setTimeout as sleep } from 'node:timers/promises';
import fs from 'node:fs';
import path from 'node:path';
import type { LibraryEvent } from '../../shared/api';
import { ClipModel, type ClipModelOptions } from '../clip/clip-model';
import { probeProvider, type ProbeResult } from '../clip/provider-probe';
import { openLibraryStore } from '../store';
import type { FailureRecord, FolderRecord, LibraryStore, PhotoRecord, PhotoSummary } from '../store/types';
import { homePaths, type HomePaths } from '../paths';
import { LibraryLocation } from '../location/library-location';
import { BoundedCache } from '../location/bounded-cache';
import { thumbnailCacheBytes } from '../settings';
import { libraryFilesFor } from '../location/files-for';
import type { LibraryFiles } from '../location/library-files';
import { libraryThumbnails, type ThumbnailStore } from '../media/thumbnail';
import { createHash } from 'node:crypto';
import { NO_MODEL_ID, type ModelChoice } from './model-choice';
import { findCatalogEntry } from '../models/catalog';
import { acquireLibraryWriter, LibraryBusyError, type LibraryWriter } from './writer-lock';
import { readWriterLease, type LeaseHolder } from '../store/writer-lease';
import { indexFolders, type IndexerDeps, type ScanScope, type ThumbnailStep } from './indexer';
import { sayingPhotosKept } from './photos-kept';
import { hasVideoExtension, type FfmpegLocation } from '../media';
import { changedPhotos, type IndexSummary } from './index-summary';
import { isAtOrInside, isInside } from '../../base/path-inside';
import { copiesElsewhere } from './moved-folder';
import { FOLDER_EMPTY, FOLDER_NOT_FOUND, outermostFolder, scanContext, scanFolder } from './scan';
import { refuseNonPhotoFolder } from './folder-rules';
import { hasPhotoExtension } from '../media/photo-extensions';
import { modelKey } from '../store/model-key';
import { PinnedModelBuild } from './pinned-model-build';
import { declaredEmbeddingDimension } from '../models/declared-dimension';
import type { TextEmbedder } from '../tags/label-embeddings';
import { CachedTextEmbedder, modelFingerprint } from './text-embedding-cache';
import { DeviceFolders } from './device-folders';
import { mappedStore } from './mapped-store';
import { libraryShared, mappedFolders } from './mapped-copy-keep';
import { MappedCopyHashes, mappedCopyHashesFile } from './mapped-copy-hashes';
import { knownSameContent } from './mapped-copy-times';
import { vectorCacheDir } from './vector-cache-dir';
import { RemovedRows, removedRowsFile } from './removed-rows';
import { alignTurnedVectors } from './turn-alignment';
import type { ChangedContentMarks } from './content-changes';
import { watchFolders, type WatchOptions } from './library-watch';
import { WriterHandBack } from './writer-hand-back';
import { photoDatesOf } from '../store/photo-dates';
import { operationsInFlight } from '../store/operations-in-flight';

/** A store whose writer lock was handed back serves the reads in flight for this long, then closes. */
const HANDED_BACK_CLOSE_MS = 30_000;

export interface LibraryServiceOptions {
  home: string;
  /** Where the library lives (a folder or an S3 prefix); default <home>/library. */
  location?: LibraryLocation;
  model: ModelChoice;
  modelOptions?: ClipModelOptions;
  emit: (event: LibraryEvent) => void;
  /** The command taking the writer lock, for "library busy" messages. */
  command?: string;
  onClose?: () => void;
  /**
   * Work on each new content's thumbnail while indexing, given the writable store: the
   * engine passes duplicate detection's signature batcher (src/core/engine.ts). Without it,
   * photos are indexed without signatures and the duplicate scan computes them later.
   */
  thumbnailStep?: (store: LibraryStore) => ThumbnailStep;
  /** Which ffmpeg reads videos (IndexerDeps.ffmpeg). */
  ffmpeg?: FfmpegLocation | null;
  /** How long a reader retired by a writer's open serves its holders at least (retireReader); tests shorten it. */
  retiredReaderCloseMs?: number;
}

/** What `shoebox status` reports (not src/shared's LibraryStatus, the app's status). */
export interface LibraryStatusReport {
  /** Every photo and video the library lists. */
  photos: number;
  /** Of `photos`, how many are videos. */
  videos: number;
  failed: { path: string; reason: string }[];
  /** Files under the folders that are new or changed since they were indexed; null without a
   *  model on this device (nothing can be embedded here). */
  pending: number | null;
  /** The model in use; null: none on this device (the library was opened for reading). */
  model: string | null;
  /** Without a model here (model null): the models whose embeddings the library holds, most
   *  photos first, so the user is told which one to bring (install, import or --model-dir). */
  embeddedWith?: { model: string; photos: number; inCatalog: boolean }[];
  /** `unavailable`: why a folder cannot be read now (missing, unmounted), its photos kept. */
  /** `copiesAt`: every photo of a folder not found is in the library under that folder too (moved-folder.ts). */
  /** `videos`: of the folder's `photos`, how many are videos. */
  folders: { path: string; photos: number; videos: number; unavailable?: string; copiesAt?: string }[];
}

export class LibraryService {
  readonly paths: HomePaths;
  /** Where the library's database lives: <home>/library unless --library / SHOEBOX_LIBRARY say otherwise. */
  readonly location: LibraryLocation;
  /** The library's own files beside its tables (libraryFilesFor: the home for the default library). */
  readonly files: LibraryFiles;
  /** Its thumbnails; an S3 library's go through a cache in <home>/cache on this device. */
  readonly thumbnails: ThumbnailStore;
  /** This device's paths of the library's folders (device-folders.ts): the stores work in them. */
  readonly deviceFolders: DeviceFolders;
  private model: ClipModel | undefined;
  private store: LibraryStore | undefined;
  private readOnlyStore: Promise<LibraryStore> | undefined;
  /** Reading stores a writer's open retired (retireReader), serving the reads in flight until they close. */
  private readonly retiredReaders = new Set<Promise<LibraryStore>>();
  private lock: LibraryWriter | undefined;
  /** The writer's lock and store being opened (writable()), shared by callers arriving together. */
  private openingWriter: Promise<LibraryStore> | undefined;
  /** A store whose writer lease was lost, being closed (retireWriter). */
  private retiring: Promise<void> | undefined;
  /** Each writing store's lock, lost or not (watch() ends with the loss of its store's). */
  private readonly locks = new WeakMap<LibraryStore, LibraryWriter>();
  /** Stores whose lock was handed back, serving the reads in flight until they close. */
  private readonly handedBack = new Set<LibraryStore>();
  private labelTexts: TextEmbedder | undefined;
  /** Rows of removed photos kept on this device, so content that comes back is not embedded again. */
  private removedRows: RemovedRows | undefined;
  private readonly thumbCache: BoundedCache | undefined;
  /** Runs after each committed batch of indexed photos; the engine wires auto-tagging here. */
  onPhotosCommitted: ((records: PhotoRecord[]) => Promise<void>) | undefined;
  /** Runs after each index run and watch sync, in the background while watching; the engine
   *  wires the text-in-photos reading pass here (src/core/text), off the embedding's path. */
  afterSync: ((store: LibraryStore, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Whether a run removes only rows whose content it saw elsewhere (IndexOptions.keepMissing):
   *  the app's host while a folder's indexing is paused (api/indexing-pause.ts). */
  keepMissing: (() => boolean) | undefined;
  /** Hands what the user gave a rewritten file's old content to its new one (IndexerDeps):
   *  the app's host, through the queues the user's own edits go through (api/changed-content-marks.ts). */
  changedContentMarks: ChangedContentMarks | undefined;
  /** Told when this process may not write because another one does: a write or the watcher
   *  found the library busy, or the lease was lost (the app's host shows it: writer-elsewhere.ts). */
  onWriterElsewhere: ((error: Error) => void) | undefined;
  /** A rotation may have been handed to new contents the watcher embedded upright: align before its next rest. */
  private turnsCarried = false;
  /** Gives the writer lock back when this process stops using it (handBackAfter). */
  private readonly handBack = new WriterHandBack(() => this.giveBack());

  constructor(private readonly options: LibraryServiceOptions) {
    this.paths = homePaths(options.home);
    this.location = options.location ?? LibraryLocation.local(this.paths.library);
    this.files = libraryFilesFor(this.location, options.home);
    this.thumbCache = this.location.kind === 's3' ? thumbnailCache(this.paths, this.location) : undefined;
    this.thumbnails = libraryThumbnails(this.files, this.thumbCache);
    this.deviceFolders = new DeviceFolders(this.paths.home, this.location.uri);
    this.build = new PinnedModelBuild(options.model.id, options.model.dir, options.command ?? 'shoebox');
  }

  get modelId(): string {
    return this.options.model.id;
  }

  /** Set when the library was opened without a model (reading only): the error to give. */
  get modelMissing(): Error | undefined {
    return this.options.model.missing;
  }

  /** The model's folder. */
  get modelDir(): string {
    return this.options.model.dir;
  }

  /** Which weights the model folder holds (its manifest's hashes): the store uses only vectors they made.
   *  Pinned at the first ask, as the build this process embeds with (pinned-model-build.ts). */
  private get modelWeights(): string | undefined {
    if (this.options.model.missing) return undefined;
    return this.build.weights;
  }

  /** The weights fingerprint of the build this process pinned (modelWeights): the one its tables
   *  and its index runs' removed-rows cache are keyed by; undefined without a model. */
  get pinnedWeights(): string | undefined {
    return this.modelWeights;
  }

  /** The build of the model this process uses: the tables are keyed by it, and nothing else embeds. */
  private readonly build: PinnedModelBuild;

  /** Set once the model's folder holds another build than the one this process uses (replaced
   *  on disk since it started): embedding is refused with it, until a restart. */
  modelReplaced(): Error | undefined {
    if (this.options.model.missing) return undefined;
    return this.build.replaced();
  }

  /** The dimension the model folder declares (its config.json): a reader opens the store with it
   *  to never read another model's vectors (store/model-tables.ts), without loading the model. */
  private get declaredDimension(): number | undefined {
    if (this.options.model.missing) return undefined;
    return declaredEmbeddingDimension(this.options.model.dir);
  }

  /** Text embeddings for label prompts, kept on disk between runs (text-embedding-cache.ts). */
  labelEmbedder(): TextEmbedder {
    if (this.options.model.missing) throw this.options.model.missing;
    if (!this.labelTexts) {
      const dir = this.options.model.dir;
      const file = path.join(this.paths.cache, 'text-embeddings', `${modelKey(this.modelId)}-${modelFingerprint(dir)}.bin`);
      this.labelTexts = new CachedTextEmbedder(file, this.clip());
    }
    return this.labelTexts;
  }

  /** The model, loaded on first need: refused once its folder holds another build than this
   *  process's tables are keyed by, and each inference checks again (its sessions load lazily). */
  clip(): ClipModel {
    if (this.options.model.missing) throw this.options.model.missing;
    if (!this.model) {
      this.build.assertInPlace();
      this.model = ClipModel.open(this.options.model.dir, { ...this.options.modelOptions, beforeInference: () => this.build.assertInPlace() });
    }
    return this.model;
  }

  /** Whether this process holds the library's writer lock now (taken, and not lost since). */
  get writing(): boolean {
    return this.store !== undefined;
  }

  /** The store for writing: takes the writer lock first ("library busy" if another writer runs). */
  async writable(): Promise<LibraryStore> {
    this.handBack.touch(); // handed out: about to be written through
    if (this.store) return this.store;
    // Opened without a model (readWithoutModel): reading only, so that nothing is indexed,
    // recorded as failed or changed by a device that cannot embed.
    if (this.options.model.missing) throw this.options.model.missing;
    // One writer at a time: callers arriving together share its lock and store.
    const opening = (this.openingWriter ??= this.openWriter());
    opening.catch((error: unknown) => {
      if (this.openingWriter === opening) this.openingWriter = undefined;
      if (error instanceof LibraryBusyError) this.onWriterElsewhere?.(error);
    });
    return opening;
  }

  /** The home's pid lock and the library's lease (writer-lock.ts), then a store bound to them. */
  private async openWriter(): Promise<LibraryStore> {
    await this.retiring; // a lost writer's connection is not the next writer's
    const lock = await acquireLibraryWriter({ home: this.paths.home, library: this.location, libraryUri: this.location.uri, command: this.options.command ?? 'shoebox' });
    try {
      if (this.files.root === this.paths.home) fs.mkdirSync(this.paths.thumbs, { recursive: true });
      // Bound to this lock: once it is lost, every write through this store fails, whoever holds the library then.
      const beforeWrite = () => {
        lock.assertHeld();
        this.handBack.touchWrite();
      };
      // The declared dimension too: adopting the id's table from before fingerprints checks it
      // without loading the model (model-tables.ts), so an edit never needs the model to open.
      const model = { id: this.modelId, weights: this.modelWeights, dimension: () => this.clip().dimension(), declaredDimension: this.declaredDimension };
      const opened = await openLibraryStore(this.location, { model, beforeWrite, ...this.searchCache() });
      const store = mappedStore(opened, () => this.deviceFolders.map());
      this.lock = lock;
      this.store = store;
      this.retireReader(); // reads go through this writer now, and after it to a reader that sees its tables
      this.locks.set(store, lock);
      lock.onLost((error) => {
        this.retireWriter(lock, store);
        this.onWriterElsewhere?.(error);
      });
      this.handBack.writing();
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /**
   * After the writer lease was lost (the laptop slept past it, and another device took the
   * library over): that store's writes all fail, and its reads, which do not look for other
   * devices' commits, would show the library as it was. Reads go to a fresh reading store, and
   * the next write takes the library again ("library busy" while the other device writes).
   */
  private retireWriter(lock: LibraryWriter, store: LibraryStore): void {
    if (this.lock !== lock) return;
    this.lock = undefined;
    this.store = undefined;
    this.openingWriter = undefined;
    this.handBack.notWriting();
    // Closed now: the next writer must not share its connection, whose reads would not see
    // the other device's commits. What was running on it fails (at its next write it would).
    // The lock's release gives the home's pid lock back at once and frees the lease's row
    // within seconds, without waiting for a renewal stuck on a dropped network (writer-lock.ts).
    this.retiring = Promise.all([store.close().catch(() => {}), lock.release().catch(() => {})]).then(() => {});
  }

  /**
   * Gives the writer lock back, for another device (or process) to write, once this process
   * goes `idleMs` without using it: no job running (`busy`), no watcher's sync, nothing
   * written or handed out by writable(). The next write takes it again ("library busy" if
   * someone else writes then). Off until called: a CLI command keeps its lock to the end.
   */
  handBackAfter(idleMs: number, busy: () => boolean): void {
    this.handBack.enable(idleMs, busy);
    if (this.store) this.handBack.writing();
  }

  /** Runs `work` (a watcher's sync) with the writer kept: not handed back meanwhile. */
  keepingWriter<T>(work: () => Promise<T>): Promise<T> {
    return this.handBack.keep(work);
  }

  /** Runs upkeep with the writer kept, as no use of it (the hand-back's quiet goes on). */
  upkeep<T>(work: () => Promise<T>): Promise<T> {
    return this.handBack.upkeep(work);
  }

  /** `work` runs as upkeep before each hand-back, while the lock is still this process's. */
  beforeHandBack(work: () => Promise<void>): () => void {
    return this.handBack.beforeHandBack(work);
  }

  /** Whether `store` is the one this process writes through now (not given back, not lost). */
  holds(store: LibraryStore): boolean {
    return this.store === store;
  }

  /** Called each time this process gives the writer lock back (handBackAfter). */
  onHandBack(listener: () => void): () => void {
    return this.handBack.listen(listener);
  }

  /** Who holds the library's writer lease now, when another process does (null: free, or this one). */
  async writerElsewhere(): Promise<LeaseHolder | null> {
    if (this.writing) return null;
    return readWriterLease(this.location);
  }

  /** The writer lock `store` was opened under. */
  lockOf(store: LibraryStore): LibraryWriter | undefined {
    return this.locks.get(store);
  }

  /**
   * The hand-back itself: the lease and the home's pid lock are released at once; the store
   * serves the reads in flight (a page's, the commit follower's) a while longer and its
   * connection is not the next writer's (LibraryConnection.detach: that one must see what
   * other devices commit meanwhile).
   */
  private async giveBack(): Promise<void> {
    const { store, lock } = this;
    if (!store || !lock) return;
    this.lock = undefined;
    this.store = undefined;
    this.openingWriter = undefined;
    store.detach();
    this.handedBack.add(store);
    setTimeout(() => void this.closeHandedBack(store), HANDED_BACK_CLOSE_MS).unref();
    this.retiring = lock.release().catch(() => {});
    await this.retiring;
  }

  private async closeHandedBack(store: LibraryStore): Promise<void> {
    if (!this.handedBack.delete(store)) return;
    await store.close().catch(() => {});
  }

  /**
   * Drops the cached reading store once this process's writer is open. A store picks its
   * model's tables once, at its open (store/model-tables.ts), and a writer may pick others than
   * a reader opened before it: a build's own tables where the id's hold vectors of other weights
   * (adopted meanwhile by another device's build, or of another dimension than the folder
   * declares). Kept, that reader would serve every read once the writer is given back (serve,
   * the app) from the old table: nothing pending, searches on vectors these weights did not
   * make, the duplicates report's key other than the writer's. While the writer is held,
   * readable() returns it; the first read after it goes opens a reader that sees its choice
   * (its tables created, or the id's adopted, at its open). Callers should ask readable() for
   * each use, but some hold the store through a long run (a vector scan, a duplicate scan's
   * phases, a read waiting on the network): the old reader closes once it is both a while
   * retired and not in use (store/operations-in-flight.ts), so nothing in flight on it fails.
   */
  private retireReader(): void {
    const reader = this.readOnlyStore;
    if (!reader) return;
    this.readOnlyStore = undefined;
    this.retiredReaders.add(reader);
    setTimeout(() => void this.closeRetiredReaderWhenIdle(reader), this.options.retiredReaderCloseMs ?? HANDED_BACK_CLOSE_MS).unref();
  }

  /** Closes a retired reader once no operation is in flight on it (at once if none is). */
  private async closeRetiredReaderWhenIdle(reader: Promise<LibraryStore>): Promise<void> {
    const store = await reader.catch(() => undefined);
    const operations = store && operationsInFlight(store);
    // Checked again after each wait, and closed in the same turn as the last check: an
    // operation begun after the previous one ended keeps the store open until it ends too.
    while (operations && operations.size > 0) await operations.idle();
    if (!this.retiredReaders.delete(reader)) return; // close() closed it meanwhile
    await store?.close().catch(() => {});
  }

  /** Closes a retired reader now (the service closing): what is still in flight on it fails. */
  private async closeRetiredReader(reader: Promise<LibraryStore>): Promise<void> {
    if (!this.retiredReaders.delete(reader)) return;
    await (await reader.catch(() => undefined))?.close().catch(() => {});
  }

  /** The store for reading; works while another process writes. */
  async readable(): Promise<LibraryStore> {
    if (this.store) return this.store;
    // One open for every caller: reads that arrive together (a page's first requests, the
    // commit follower) share it rather than each opening a store of their own. A failed open
    // is not kept.
    const opening = (this.readOnlyStore ??= openLibraryStore(this.location, { model: { id: this.modelId, weights: this.modelWeights, dimension: 0, declaredDimension: this.declaredDimension }, readOnly: true, ...this.searchCache() }).then((store) => mappedStore(store, () => this.deviceFolders.map())));
    opening.catch(() => {
      if (this.readOnlyStore === opening) this.readOnlyStore = undefined;
    });
    return opening;
  }

  /**
   * Adds folders to the library and returns what to index. Library folders never nest, so a
   * photo belongs to one folder and is counted once: a folder inside a library folder is
   * indexed as part of it (no folder of its own), and a folder holding library folders takes
   * them over (their photos stay, now under it).
   */
  async addFolders(folders: string[], options: { quiet?: boolean } = {}): Promise<string[]> {
    const store = await this.writable();
    const targets: string[] = [];
    for (const folder of folders) {
      const abs = path.resolve(folder);
      let st: fs.Stats;
      try {
        st = fs.statSync(abs);
      } catch {
        throw new Error(`folder not found: ${abs}`);
      }
      if (!st.isDirectory()) throw new Error(`not a folder: ${abs}`);
      refuseNonPhotoFolder(abs, this.paths.home, this.dataFolders());
      const existing = (await store.listFolders()).map((f) => f.path);
      const outer = outermostFolder(abs, existing);
      if (outer && outer !== abs) {
        if (!options.quiet) this.options.emit({ type: 'log', level: 'info', message: `${abs} is inside the library folder ${outer}: indexed as part of it` });
      } else if (!outer) {
        await this.deviceFolders.refuseSameContent(store, abs);
        await store.addFolder(abs);
        await this.mergeNested(store);
      }
      targets.push(abs);
    }
    return targets;
  }

  /** On object storage, searches answer from a copy of the vectors on this device (store/vector-cache.ts). */
  private searchCache(): { vectorCache?: { dir: string } } {
    // describe(): the URI and the endpoint, so two servers with the same bucket and prefix never share a cache.
    return this.location.kind === 's3' ? { vectorCache: { dir: vectorCacheDir(this.paths.cache, this.location.describe()) } } : {};
  }

  /** `quiet`: folders inside library folders are indexed without saying so (an import's day folders).
   *  `removeMissing`: photos missing from a mapped folder's copy here go too (mapped-copy-keep.ts). */
  async index(folders?: string[], signal?: AbortSignal, options: { quiet?: boolean; removeMissing?: boolean } = {}): Promise<IndexSummary> {
    const store = await this.writable();
    // A library from before folders stopped nesting may still hold nested ones.
    await this.mergeNested(store);
    const targets = folders?.length ? await this.addFolders(folders, options) : (await store.listFolders()).map((f) => f.path);
    const summary = await indexFolders(this.indexerDeps(store), targets, await this.scanScope(store, options.removeMissing === true), { ...(signal ? { signal } : {}), keepMissing: () => this.keepMissing?.() === true });
    // Every photo of the run is committed now: a connection lost from here on says how many.
    return sayingPhotosKept(this.afterIndex(store, summary, signal), () => summary.added + summary.updated + summary.newToModel);
  }

  private async afterIndex(store: LibraryStore, summary: IndexSummary, signal?: AbortSignal): Promise<IndexSummary> {
    // Vectors that show a photo otherwise than the user turned it (turn-alignment.ts). A failure
    // here is said, never the run's: what was indexed is kept, and the next run tries again.
    if (!summary.interrupted) summary.embedded += await this.alignTurns(store, signal);
    if (!summary.interrupted) await this.afterSync?.(store, signal);
    // Maintenance after the run, never during it: index the vectors once the library is
    // large enough to need it, and compact the run's small commits.
    if (changedPhotos(summary)) {
      await store.ensureVectorIndex();
      await store.optimize();
    }
    return summary;
  }

  /**
   * Removes a library folder and returns how many photos left the library with it: only
   * those no other library folder covers (a folder nested in it, or one holding it).
   */
  async removeFolder(folder: string): Promise<number> {
    const store = await this.writable();
    const abs = path.resolve(folder);
    const folders = (await store.listFolders()).map((f) => f.path);
    const others = folders.filter((f) => f !== abs);
    if (!folders.includes(abs)) {
      const outer = outermostFolder(abs, others);
      throw new Error(outer ? `not a library folder: ${abs} is part of ${outer}, whose photos stay until that folder is removed` : `not a library folder: ${abs}`);
    }
    const keepUnder = others.filter((f) => isInside(f, abs) || isInside(abs, f));
    const removed = await this.countUncovered(store, abs, keepUnder);
    await store.removeFolder(abs, { keepUnder });
    return removed;
  }

  /** Photos under `folder` and under none of `keepUnder`. */
  private async countUncovered(store: LibraryStore, folder: string, keepUnder: readonly string[]): Promise<number> {
    if (keepUnder.some((k) => isInside(folder, k))) return 0;
    const inner = keepUnder.filter((k) => !keepUnder.some((o) => isInside(k, o)));
    let count = await store.countPhotos({ folder });
    for (const k of inner) count -= await store.countPhotos({ folder: k });
    return count;
  }

  /** Folders inside another library folder give way to it; their photos stay. */
  private async mergeNested(store: LibraryStore): Promise<void> {
    const folders = (await store.listFolders()).map((f) => f.path);
    for (const inner of folders) {
      const outer = outermostFolder(inner, folders);
      if (outer === inner || !outer) continue;
      await store.mergeFolder(inner, outer);
      this.options.emit({ type: 'log', level: 'info', message: `${inner} is now part of the library folder ${outer}` });
    }
  }

  /** Shoebox's own data folders, never indexed even when a library folder holds the home. */
  dataFolders(): string[] {
    const { thumbs, models, library, cache } = this.paths;
    // A local library elsewhere (--library DIR) is Shoebox's data too.
    const elsewhere = this.location.kind === 'local' ? [this.location.databaseUri] : [];
    const dirs = [thumbs, models, library, cache, ...elsewhere].map((d) => path.resolve(d));
    // Through a link too: the scan compares real paths as well.
    return [...new Set([...dirs, ...dirs.map((d) => realpathOr(d))])];
  }

  /** `removeMissing`: the user says the photos missing from this device's copies were deleted. */
  private async scanScope(store: LibraryStore, removeMissing = false): Promise<ScanScope> {
    const libraryFolders = (await store.listFolders()).map((f) => f.path);
    // Kept only where another device may hold the folder (mapped-copy-keep.ts).
    const keepNotInCopy = !removeMissing && libraryShared(this.location, this.paths.home);
    return { libraryFolders, skip: this.dataFolders(), mappedFolders: mappedFolders(libraryFolders, this.deviceFolders.map()), keepNotInCopy, copyHashes: this.copyHashes() };
  }

  /** What this device found in its mapped folders' files whose times are not the library's (mapped-copy-times.ts); read afresh for each run. */
  private copyHashes(): MappedCopyHashes {
    return new MappedCopyHashes(mappedCopyHashesFile(this.paths.cache, this.location.describe()));
  }

  async listFolders(): Promise<FolderRecord[]> {
    return (await this.readable()).listFolders();
  }

  async listPhotos(options: { folder?: string; limit?: number; offset?: number } = {}): Promise<PhotoSummary[]> {
    return (await this.readable()).listPhotos(options);
  }

  async failures(): Promise<FailureRecord[]> {
    return (await this.readable()).listFailures();
  }

  private async embeddedWith(store: LibraryStore): Promise<NonNullable<LibraryStatusReport['embeddedWith']>> {
    const tables = (await store.modelTables()).filter((t) => t.photos > 0 && t.modelId !== NO_MODEL_ID);
    return tables.sort((a, b) => b.photos - a.photos).map((t) => ({ model: t.modelId, photos: t.photos, inCatalog: findCatalogEntry(t.modelId) !== undefined }));
  }

  async status(): Promise<LibraryStatusReport> {
    const store = await this.readable();
    const folders = await store.listFolders();
    const states = await store.photoStates();
    const failures = await store.listFailures();
    const failedAt = new Map(failures.map((f) => [f.path, f]));
    let pending = 0;
    const ctx = scanContext(folders.map((f) => f.path), this.dataFolders());
    // A mapped folder's file whose content this device found to be its row's is not pending, new mtime or not (mapped-copy-times.ts).
    const mapped = mappedFolders(folders.map((f) => f.path), this.deviceFolders.map());
    const copyHashes = this.copyHashes();
    const unavailable = new Map<string, string>();
    for (const folder of folders) {
      const scan = await scanFolder(folder.path, ctx, { isLibraryRoot: true });
      const problem = scan.unreadable.find((u) => u.path === folder.path);
      if (problem) unavailable.set(folder.path, problem.reason);
      for (const file of scan.files) {
        if (!hasPhotoExtension(file.path) && !hasVideoExtension(file.path)) continue; // sniffing every file would make status slow
        const indexed = states.get(file.path);
        const row = indexed ?? failedAt.get(file.path);
        if (!row || row.size !== file.size || (row.mtimeMs !== file.mtimeMs && !(indexed && knownSameContent(file, indexed, mapped, copyHashes)))) pending++;
      }
    }
    const missing = this.options.model.missing !== undefined;
    const videoPaths = (await photoDatesOf(store)).filter((p) => typeof p.durationMs === 'number').map((p) => p.path);
    return {
      photos: await store.countListed(), // the library's, embedded by this model or not (`pending` says what is left)
      videos: videoPaths.length,
      failed: failures.map((f) => ({ path: f.path, reason: f.reason })),
      pending: missing ? null : pending,
      model: missing ? null : this.modelId,
      ...(missing ? { embeddedWith: await this.embeddedWith(store) } : {}),
      folders: await Promise.all(
        folders.map(async (f) => {
          const photos = await store.countListed({ folder: f.path });
          // An empty folder is only suspicious when the library holds photos from it.
          const problem = photos > 0 || unavailable.get(f.path) !== FOLDER_EMPTY ? unavailable.get(f.path) : undefined;
          const copiesAt = problem === FOLDER_NOT_FOUND && photos > 0 ? copiesElsewhere(states, f.path, folders.map((x) => x.path), (p) => ![...unavailable.keys()].some((u) => isAtOrInside(p, u))) : null;
          const videos = videoPaths.filter((p) => isAtOrInside(p, f.path)).length;
          return { path: f.path, photos, videos, ...(problem ? { unavailable: problem } : {}), ...(copiesAt ? { copiesAt } : {}) };
        }),
      ),
    };
  }

  /**
   * Catches up on what changed while nothing was watching, then follows the folders until
   * `signal` aborts; the batch in progress finishes before it returns (a clean stop). Needs
   * the writer lock to start ("library busy" otherwise); given back while idle
   * (handBackAfter), it is taken again at the next change (library-watch.ts).
   */
  async watch(signal: AbortSignal, onSummary: (summary: IndexSummary) => void, options: WatchOptions = {}): Promise<void> {
    await watchFolders(
      {
        writable: () => this.writable(),
        lockOf: (store) => this.lockOf(store),
        keepingWriter: (work) => this.keepingWriter(work),
        upkeep: (work) => this.upkeep(work),
        beforeHandBack: (work) => this.beforeHandBack(work),
        holds: (store) => this.holds(store),
        onHandBack: (listener) => this.onHandBack(listener),
        deps: (store) => this.indexerDeps(store),
        scope: (store) => this.scanScope(store),
        libraryFolders: async () => (await this.listFolders()).map((f) => f.path),
        keptPhotos: async (folder) => (await (await this.readable()).photoStates(folder)).size,
        afterEachSync: (store, signal) => this.alignCarriedTurns(store, signal),
        afterSync: () => this.afterSync,
        keepMissing: () => this.keepMissing?.() === true,
        emit: this.options.emit,
      },
      signal,
      onSummary,
      options,
    );
  }

  /** Which execution provider inference runs on here (probed, minding this model's verdicts). */
  providerStatus(): Promise<ProbeResult> {
    let modelPath: string | undefined;
    try {
      modelPath = this.clip().folder.visionModelPath;
    } catch {
      // A broken model folder is reported by the commands that embed with it.
    }
    return probeProvider(this.options.modelOptions?.provider ?? 'auto', { ...(modelPath ? { modelPath } : {}), cacheDir: this.paths.cache });
  }

  async close(): Promise<void> {
    this.options.onClose?.();
    this.handBack.stop();
    await this.retiring; // a lease being given back (or let go after its loss) is freed before exit
    await Promise.all([...this.handedBack].map((store) => this.closeHandedBack(store)));
    await this.thumbCache?.settled(); // a command leaves the cache within its size
    await this.model?.close();
    // A writer still being opened is closed and released once open, not left to lapse.
    await this.openingWriter?.catch(() => undefined);
    await this.store?.close();
    await (await this.readOnlyStore?.catch(() => undefined))?.close();
    await Promise.all([...this.retiredReaders].map((reader) => this.closeRetiredReader(reader)));
    await this.releaseAfter(this.store);
  }

  /**
   * The writer lock let go once `store`'s tables are closed: at once as a rule; when a write
   * outlived the close's bound (a long compaction, a dropped network), once it ends, without
   * holding up the caller: let go under it, another writer would commit beside it. (A process
   * that exits meanwhile leaves a lock that is taken over: its holder is gone.)
   */
  private lockReleased: Promise<void> = Promise.resolve();

  private async releaseAfter(store: LibraryStore | undefined): Promise<void> {
    const lock = this.lock;
    if (!lock) return;
    const closed = store?.whenClosed() ?? Promise.resolve();
    // Closed already resolves within this turn's microtasks, before the timer.
    const now = await Promise.race([closed.then(() => true), sleep(0).then(() => false)]);
    if (now) await lock.release();
    else this.lockReleased = closed.then(() => lock.release()).catch(() => {});
  }

  /** Settles once the writer lock close() let go is released: at once as a rule, later when a
   *  write outlived the close (releaseAfter). A library opened again in this process (another
   *  model) waits for it, or it would take its own process for another writer. */
  whenLockReleased(): Promise<void> {
    return this.lockReleased;
  }

  private indexerDeps(store: LibraryStore): IndexerDeps {
    return {
      store,
      model: this.clip(),
      modelId: this.modelId,
      thumbs: this.thumbnails,
      emit: this.options.emit,
      ...(this.onPhotosCommitted ? { onPhotosCommitted: this.onPhotosCommitted } : {}),
      ...(this.options.thumbnailStep ? { thumbnailStep: () => this.options.thumbnailStep!(store) } : {}),
      ...(this.options.ffmpeg !== undefined ? { ffmpeg: this.options.ffmpeg } : {}),
      ...(this.changedContentMarks ? { changedContentMarks: this.noticingTurns(this.changedContentMarks) } : {}),
      removedRows: (this.removedRows ??= new RemovedRows(removedRowsFile(this.paths.cache, this.location.describe(), this.modelId, this.modelWeights), this.modelId)),
    };
  }

  /** `marks`, noting when a carried change may bring a rotation along (the new content was embedded upright). */
  private noticingTurns(marks: ChangedContentMarks): ChangedContentMarks {
    return {
      carry: async (changes) => {
        await marks.carry(changes);
        if (changes.some((c) => c.turns)) this.turnsCarried = true;
      },
      release: (moved) => marks.release(moved),
    };
  }

  /**
   * After a watcher's sync: a rotation handed to a rewritten photo's new content (embedded
   * upright, before it had one) is applied to its vector, as an index run does after each run.
   */
  private async alignCarriedTurns(store: LibraryStore, signal?: AbortSignal): Promise<void> {
    if (!this.turnsCarried) return;
    this.turnsCarried = false;
    await this.alignTurns(store, signal);
  }

  /** Embeds again the photos whose vector shows them otherwise than the user turned them; how many. */
  private alignTurns(store: LibraryStore, signal?: AbortSignal): Promise<number> {
    return alignTurnedVectors(this, store, signal).then(
      (aligned) => aligned.embedded,
      (error: unknown) => {
        this.options.emit({ type: 'log', level: 'warn', message: `turned photos not embedded again as they show (next index run tries again): ${(error as Error).message.split('\n')[0]}` });
        return 0;
      },
    );
  }
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** The device's copies of an S3 library's thumbnails, within settings.json's size (none at 0). */
function thumbnailCache(paths: HomePaths, location: LibraryLocation): BoundedCache | undefined {
  const bytes = thumbnailCacheBytes(paths.home);
  return bytes > 0 ? new BoundedCache(thumbnailCacheDir(paths.cache, location), bytes) : undefined;
}

/** This device's copies of an S3 library's thumbnails: one folder per library (URI and endpoint). */
function thumbnailCacheDir(cacheRoot: string, location: LibraryLocation): string {
  return path.join(cacheRoot, 'library-thumbs', createHash('sha256').update(location.describe()).digest('hex').slice(0, 16));
}
