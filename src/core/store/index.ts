// `openLibraryStore`: the store's one entry point. It connects, checks (and, for the writer,
// migrates) the schema version, and composes the repositories behind `LibraryStore`.
import type { FailureRecord, FolderRecord, LibraryStore, OpenLibraryStore, OpenStoreOptions, PhotoDates, PhotoFilter, PhotoRecord, PhotoState, PhotoSummary, VectorHit, VectorQuery } from './types';
import type { AlbumRecord, AutoTagFolderRecord, LabelSetRecord, TagQuery, TagRecord, VectorBatch } from './types';
import type { PlaceEdit, SignatureRecord, TakenEdit } from './types';
import { SignaturesRepository } from './signatures-repository';
import type { FrameHit, VideoFrameRecord } from './types';
import { VideoFramesRepository, videoFramesTableName } from './video-frames-repository';
import type { PhotoTextHit, PhotoTextRecord } from './types';
import { PhotoTextRepository } from './photo-text-repository';
import { librarySettingsRepository } from './library-settings-repository';
import { LibraryConnection, type StoreLocation } from './connection';
import { FailuresRepository } from './failures-repository';
import { FoldersRepository } from './folders-repository';
import { LibraryTooNewError, SCHEMA_VERSION, createLibrary, ensureTables, migrate, readSchemaVersion } from './migrations';
import { photosTableName } from './model-key';
import { PhotosRepository, deleteFromAllPhotoTables, pathPredicates, photoTables } from './photos-repository';
import { optimizeTable } from './indexes';
import { allOf, sqlString, underFolder } from './sql';
import { isPhotosTable } from './model-key';
import { TABLES } from './schema';
import { PhotoVectors } from './photo-vectors';
import { LibraryPhotos } from './library-photos';
import { NamedJsonRepository } from './named-json-repository';
import { TagsRepository } from './tags-repository';
import { AutoTagFoldersRepository } from './auto-tag-folders-repository';
import { ContentMarksRepository } from './content-marks-repository';
import { ContentEdits } from './content-edits';
import { PLACE_EDITS, TAKEN_EDITS } from './edit-kinds';
import { DescriptionsRepository } from './descriptions-repository';
import { RotationsRepository } from './rotations-repository';
import { EmbeddedTurnsRepository, embeddedTurnsTableName } from './embedded-turns-repository';
import { oneAtATime } from '../../base/one-at-a-time';
import { TAG_TABLES, albumsSchema, archivedSchema, favouritesSchema, labelSetsSchema } from './tag-tables';
import { explainStoreError } from './store-health';
import { VectorCache } from './vector-cache';
import path from 'node:path';
import { closeAfterWrites } from './close-after-writes';
import { OPERATIONS_IN_FLIGHT, OperationsInFlight } from './operations-in-flight';

export type * from './types';
export { LibraryTooNewError, SCHEMA_VERSION } from './migrations';
export { LibraryDamagedError, checkLibraryTables, damageSeen } from './store-health';
export { repairLibraryStore, type StoreRepairReport, type TableRepair } from './repair';
export { tableNames, tableStates, type TableState } from './table-states';
export { modelKey, photosTableName } from './model-key';

/** How long `close()` waits for a write in flight (a dropped network's may never end) before it returns, the tables left to close once it ends. */
const COMMIT_SETTLE_MS = 30_000;

class Store implements LibraryStore {
  private closed = false;
  private closing: Promise<void> | undefined;
  private tablesClosed: Promise<void> | undefined;
  /** Photo commits in flight, which `close()` lets finish. */
  private readonly committing = new Set<Promise<void>>();
  /** Every write in flight (a compaction, an index build among them), which `close()` lets
   *  finish too: LanceDB crashes the process (SIGSEGV) when a table is closed under its optimize. */
  private readonly writing = new Set<Promise<unknown>>();
  /** Reads, writes and vector scans in flight: a retired store closes once none is (operations-in-flight.ts). */
  readonly [OPERATIONS_IN_FLIGHT] = new OperationsInFlight();
  private readonly vectors: PhotoVectors;
  private readonly library: LibraryPhotos;
  private readonly labelSets: NamedJsonRepository;
  private readonly tags: TagsRepository;
  private readonly autoTagFolders: AutoTagFoldersRepository;
  private readonly albums: NamedJsonRepository;
  private readonly favourites: ContentMarksRepository;
  private readonly archived: ContentMarksRepository;
  private readonly takenEditsRepo: ContentEdits<TakenEdit>;
  private readonly placeEditsRepo: ContentEdits<PlaceEdit>;
  private readonly descriptionsRepo: DescriptionsRepository;
  private readonly rotationsRepo: RotationsRepository;
  private readonly embeddedTurnsRepo: EmbeddedTurnsRepository;
  // Photo commits and edits by hand one at a time: a commit reads the edits it applies, and an
  // edit must not land between that read and the commit (the row would keep the file's value).
  private readonly editsQueue = oneAtATime();
  private readonly signatures: SignaturesRepository;
  private readonly videoFrames: VideoFramesRepository;
  private readonly photoText: PhotoTextRepository;
  private readonly settings: NamedJsonRepository;

  constructor(
    private readonly conn: LibraryConnection,
    readonly schemaVersion: number,
    private readonly photos: PhotosRepository,
    private readonly failures: FailuresRepository,
    private readonly folders: FoldersRepository,
    private readonly beforeWrite?: () => void,
  ) {
    this.vectors = new PhotoVectors(conn, photos.modelId, photos.tableName);
    this.library = new LibraryPhotos(conn, photos);
    this.labelSets = new NamedJsonRepository(conn, TAG_TABLES.labelSets, labelSetsSchema);
    this.tags = new TagsRepository(conn);
    this.autoTagFolders = new AutoTagFoldersRepository(conn);
    this.albums = new NamedJsonRepository(conn, TAG_TABLES.albums, albumsSchema);
    this.favourites = new ContentMarksRepository(conn, TAG_TABLES.favourites, favouritesSchema, 'favouredAt');
    this.archived = new ContentMarksRepository(conn, TAG_TABLES.archived, archivedSchema, 'archivedAt');
    this.takenEditsRepo = new ContentEdits(conn, TAKEN_EDITS);
    this.placeEditsRepo = new ContentEdits(conn, PLACE_EDITS);
    this.descriptionsRepo = new DescriptionsRepository(conn);
    this.rotationsRepo = new RotationsRepository(conn);
    this.embeddedTurnsRepo = new EmbeddedTurnsRepository(conn, embeddedTurnsTableName(photos.modelId, photos.key));
    this.signatures = new SignaturesRepository(conn);
    this.videoFrames = new VideoFramesRepository(conn, photos.modelId, photos.key);
    this.photoText = new PhotoTextRepository(conn);
    this.settings = librarySettingsRepository(conn);
  }

  get modelId(): string {
    return this.photos.modelId;
  }

  get modelTablesKey(): string {
    return this.photos.key;
  }

  upsertPhotos(records: PhotoRecord[]): Promise<void> {
    return this.write(() => this.queued(() => this.commitPhotos(records)));
  }

  /**
   * Runs `job` after the edits and photo commits queued before it. It checks again at its
   * turn: a lease lost (or a store closed) while it waited means it writes nothing.
   */
  private queued<T>(job: () => Promise<T>): Promise<T> {
    return this.editsQueue(async () => {
      if (this.closed) throw new Error('The library store is closed');
      this.beforeWrite?.();
      return job();
    });
  }

  private async commitPhotos(records: PhotoRecord[]): Promise<void> {
    const committing = this.landPhotos(records);
    this.committing.add(committing);
    try {
      await committing;
    } finally {
      this.committing.delete(committing);
    }
  }

  private async landPhotos(records: PhotoRecord[]): Promise<void> {
    // A content whose date or place the user set keeps it in its new rows (a re-index, a copy, a move).
    records = this.takenEditsRepo.apply(records, await this.takenEditsRepo.all());
    records = this.placeEditsRepo.apply(records, await this.placeEditsRepo.all());
    try {
      await this.photos.upsert(records);
    } catch (error) {
      // The call failed after the lease lapsed: its commit may still have landed (Lance reports
      // a failure after the commit, or a request timed out while the process was frozen).
      const lost = this.leaseLost();
      if (!lost) throw error;
      await this.photos.removeDoublesWritten(records).catch(() => {}); // the next index run repairs what this cannot
      throw lost;
    }
    // A commit that landed after this writer's lease lapsed (the laptop slept or the process
    // was frozen mid-commit) may have raced the device that took over, which indexed the same
    // photos: a photo inserted by both has two rows. Take back this commit's row wherever its
    // path has two (photos-repository.ts removeDoublesWritten: never a path's only row, which
    // may have replaced the other device's), then stop.
    const lost = this.leaseLost();
    if (!lost) return;
    await this.photos.removeDoublesWritten(records);
    throw lost;
  }

  /** The writer lease's error if it lapsed, else null. */
  private leaseLost(): Error | null {
    try {
      this.beforeWrite?.();
      return null;
    } catch (error) {
      return error as Error;
    }
  }

  repairDoubles(): Promise<number> {
    return this.write(() => this.queued(() => this.photos.removeDoubles()));
  }

  removePhotos(paths: string[]): Promise<void> {
    return this.write(() => deleteFromAllPhotoTables(this.conn, pathPredicates(paths)));
  }

  photoStates(folder?: string): Promise<Map<string, PhotoState>> {
    return this.read(() => this.photos.states(folder));
  }

  photosByHash(hash: string): Promise<PhotoRecord[]> {
    return this.read(() => this.photos.byHash(hash));
  }

  getPhoto(path: string): Promise<PhotoRecord | null> {
    return this.read(() => this.photos.get(path));
  }

  dataVersion(): Promise<string> {
    return this.read(async () => {
      // Favourites, the archive and descriptions too: the timeline's views are filtered by them;
      // rotations: the pages' image URLs carry them.
      const tables = await Promise.all([TAG_TABLES.tags, TAG_TABLES.favourites, TAG_TABLES.archived, TAG_TABLES.descriptions, TAG_TABLES.rotations].map((name) => this.conn.table(name)));
      return [await this.library.version(), ...(await Promise.all(tables.map((t) => t?.version() ?? 0)))].join(':');
    });
  }

  photosVersion(): Promise<string> {
    return this.read(() => this.library.version());
  }

  photosByPath(paths: readonly string[]): Promise<Map<string, PhotoSummary>> {
    return this.read(() => this.library.byPaths(paths));
  }

  listPhotos(options?: { folder?: string; limit?: number; offset?: number }): Promise<PhotoSummary[]> {
    return this.read(() => this.library.list(options));
  }

  listPhotoDates(): Promise<PhotoDates[]> {
    return this.read(() => this.library.dates());
  }

  countListed(options?: { folder?: string }): Promise<number> {
    return this.read(() => this.library.count(options));
  }

  countPhotos(options?: PhotoFilter): Promise<number> {
    return this.read(() => this.photos.count(options));
  }

  searchVectors(query: VectorQuery): Promise<VectorHit[]> {
    return this.read(() => this.photos.search(query));
  }

  sampleVectors(max: number): Promise<Float32Array[]> {
    return this.read(() => this.photos.sampleVectors(max));
  }

  ensureVectorIndex(): Promise<void> {
    return this.write(async () => {
      await this.photos.ensureVectorIndex();
      await this.videoFrames.ensureIndex();
    });
  }

  recordFailures(records: FailureRecord[]): Promise<void> {
    return this.write(() => this.failures.record(records));
  }

  clearFailures(paths: string[]): Promise<void> {
    return this.write(() => this.failures.clear(paths));
  }

  listFailures(folder?: string): Promise<FailureRecord[]> {
    return this.read(() => this.failures.list(folder));
  }

  addFolder(path: string): Promise<void> {
    return this.write(() => this.folders.add(path));
  }

  removeFolder(path: string, options: { keepUnder?: readonly string[] } = {}): Promise<void> {
    return this.write(async () => {
      // Rows first, the folder last (see folders-repository.ts). Rows another library folder
      // still covers stay (nested folders): with an outer folder kept, nothing is deleted.
      const predicate = allOf([underFolder(path), ...(options.keepUnder ?? []).map((k) => `NOT (${underFolder(k)})`)]);
      await deleteFromAllPhotoTables(this.conn, [predicate]);
      await this.failures.clearWhere(predicate);
      await this.folders.remove(path);
    });
  }

  mergeFolder(inner: string, outer: string): Promise<void> {
    return this.write(async () => {
      // Rows first, the folder last: a crash in between leaves `inner` listed, and merging
      // again finishes the work. Nothing is deleted.
      const where = underFolder(inner);
      const valuesSql = { folder: sqlString(outer) };
      for (const name of (await this.conn.tableNames()).filter(isPhotosTable)) await (await this.conn.table(name))?.update({ where, valuesSql });
      await (await this.conn.table(TABLES.failures))?.update({ where, valuesSql });
      await this.folders.remove(inner);
    });
  }

  listFolders(): Promise<FolderRecord[]> {
    return this.read(() => this.folders.list());
  }

  modelTables(): Promise<{ modelId: string; photos: number }[]> {
    return this.read(async () => {
      // One entry per id: two builds of a model (model-tables.ts) are one model to bring or offer,
      // counted by the build that has embedded the most. This store's own id is counted by the
      // table it reads: what this build has embedded (Settings, otherModelOffer), not the photos
      // of other weights once imported under its id, which it embeds again (0 until it has).
      const byId = new Map<string, number>();
      for (const t of await photoTables(this.conn)) {
        const own = t.modelId === this.modelId;
        const photos = !own ? Math.max(byId.get(t.modelId) ?? 0, t.rows) : t.name === this.photos.tableName ? t.rows : (byId.get(t.modelId) ?? 0);
        byId.set(t.modelId, photos);
      }
      return [...byId].map(([modelId, photos]) => ({ modelId, photos }));
    });
  }

  dropModelTable(modelId: string): Promise<void> {
    return this.write(async () => {
      if (modelId === this.modelId) throw new Error(`Cannot drop the photos table of the active model ${modelId}`);
      const name = photosTableName(modelId);
      if ((await this.conn.tableNames()).includes(name)) await this.conn.dropTable(name);
      for (const other of [videoFramesTableName(modelId), embeddedTurnsTableName(modelId)]) {
        if ((await this.conn.tableNames()).includes(other)) await this.conn.dropTable(other);
      }
    });
  }

  optimize(): Promise<void> {
    return this.write(async () => {
      for (const name of await this.conn.tableNames()) {
        const table = await this.conn.table(name);
        if (table) await optimizeTable(table);
      }
    });
  }

  async *scanVectors(options?: { folder?: string; batchSize?: number }): AsyncIterable<VectorBatch> {
    if (this.closed) throw new Error('The library store is closed');
    // In flight from the first batch to the last (or the caller's break): a scan of a large library takes minutes.
    const end = this[OPERATIONS_IN_FLIGHT].begin();
    try {
      yield* this.vectors.scan(options);
    } catch (error) {
      throw await explainStoreError(this.conn.libraryDir, error);
    } finally {
      end();
    }
  }

  vectorsByHash(hashes: readonly string[]): Promise<Map<string, Float32Array>> {
    return this.read(() => this.vectors.byHash(hashes));
  }

  pathsByHash(hashes: readonly string[]): Promise<Map<string, string[]>> {
    return this.read(() => this.vectors.pathsByHash(hashes));
  }

  libraryPathsByHash(hashes: readonly string[]): Promise<Map<string, string[]>> {
    return this.read(() => this.library.pathsByHash(hashes));
  }

  pathsOnlyOtherModelsHold(): Promise<Set<string>> {
    return this.read(() => this.library.otherModelsOnly());
  }

  putLabelSet(record: LabelSetRecord): Promise<void> {
    return this.write(() => this.labelSets.put(record));
  }

  getLabelSet(name: string): Promise<LabelSetRecord | null> {
    return this.read(() => this.labelSets.get(name));
  }

  listLabelSets(): Promise<LabelSetRecord[]> {
    return this.read(() => this.labelSets.list());
  }

  removeLabelSet(name: string): Promise<void> {
    return this.write(async () => {
      // The set's row last: a crash in between leaves the set listed, so removing it again finishes.
      await this.tags.removeSet(name);
      await this.autoTagFolders.removeSet(name);
      await this.labelSets.remove(name);
    });
  }

  removeAutoTagsOfLabels(set: string, labels: readonly string[]): Promise<TagRecord[]> {
    return this.write(() => this.tags.removeAutoOfLabels(set, labels));
  }

  replaceAutoTags(set: string, hashes: readonly string[] | 'all', tags: TagRecord[]): Promise<void> {
    return this.write(() => this.tags.replaceAuto(this.modelId, set, hashes, tags, this.modelTablesKey));
  }

  putTags(tags: TagRecord[]): Promise<void> {
    return this.write(() => this.tags.put(tags));
  }

  listTags(query?: TagQuery): Promise<TagRecord[]> {
    return this.read(() => this.tags.list(query, this.modelId, this.modelTablesKey));
  }

  addAutoTagFolder(folder: string, set: string): Promise<void> {
    return this.write(() => this.autoTagFolders.add(folder, set));
  }

  removeAutoTagFolder(folder: string, set?: string): Promise<void> {
    return this.write(() => this.autoTagFolders.remove(folder, set));
  }

  listAutoTagFolders(): Promise<AutoTagFolderRecord[]> {
    return this.read(() => this.autoTagFolders.list());
  }

  setFavourites(hashes: readonly string[], favourite: boolean): Promise<void> {
    return this.write(() => this.favourites.set(hashes, favourite));
  }

  favouriteHashes(): Promise<ReadonlySet<string>> {
    return this.read(() => this.favourites.hashes());
  }

  setArchived(hashes: readonly string[], archived: boolean): Promise<void> {
    return this.write(() => this.archived.set(hashes, archived));
  }

  archivedHashes(): Promise<ReadonlySet<string>> {
    return this.read(() => this.archived.hashes());
  }

  setTakenAt(edits: readonly Omit<TakenEdit, 'editedAt'>[]): Promise<void> {
    return this.write(() => this.queued(() => this.takenEditsRepo.set(edits)));
  }

  restoreTakenAt(hashes: readonly string[]): Promise<void> {
    return this.write(() => this.queued(() => this.takenEditsRepo.restore(hashes)));
  }

  setPlace(edits: readonly Omit<PlaceEdit, 'editedAt'>[]): Promise<void> {
    return this.write(() => this.queued(() => this.placeEditsRepo.set(edits)));
  }

  restorePlace(hashes: readonly string[]): Promise<void> {
    return this.write(() => this.queued(() => this.placeEditsRepo.restore(hashes)));
  }

  placeEdits(): Promise<ReadonlyMap<string, PlaceEdit>> {
    return this.read(() => this.placeEditsRepo.all());
  }

  setDescriptions(hashes: readonly string[], text: string | null): Promise<void> {
    return this.write(() => this.descriptionsRepo.set(hashes, text));
  }

  addDescriptions(texts: ReadonlyMap<string, string>): Promise<number> {
    return this.write(() => this.descriptionsRepo.add(texts));
  }

  descriptions(): Promise<ReadonlyMap<string, string>> {
    return this.read(() => this.descriptionsRepo.all());
  }

  rotate(hashes: readonly string[], turns: number | 'reset'): Promise<void> {
    return this.write(() => this.rotationsRepo.rotate(hashes, turns));
  }

  rotations(): Promise<ReadonlyMap<string, number>> {
    return this.read(() => this.rotationsRepo.all());
  }

  embeddedTurns(): Promise<ReadonlyMap<string, number>> {
    return this.read(() => this.embeddedTurnsRepo.all());
  }

  recordEmbeddedTurns(entries: readonly { hash: string; turns: number }[]): Promise<void> {
    return this.write(() => this.embeddedTurnsRepo.record(entries));
  }

  repairEdits(): Promise<number> {
    return this.write(() => this.queued(async () => (await this.takenEditsRepo.repair()) + (await this.placeEditsRepo.repair())));
  }

  takenEdits(): Promise<ReadonlyMap<string, TakenEdit>> {
    return this.read(() => this.takenEditsRepo.all());
  }

  putAlbum(record: AlbumRecord): Promise<void> {
    return this.write(() => this.albums.put(record));
  }

  getAlbum(name: string): Promise<AlbumRecord | null> {
    return this.read(() => this.albums.get(name));
  }

  listAlbums(): Promise<AlbumRecord[]> {
    return this.read(() => this.albums.list());
  }

  removeAlbum(name: string): Promise<void> {
    return this.write(() => this.albums.remove(name));
  }

  getSignatures(hashes?: readonly string[]): Promise<SignatureRecord[]> {
    return this.read(() => this.signatures.get(hashes));
  }

  putSignatures(records: readonly SignatureRecord[]): Promise<void> {
    return this.write(() => this.signatures.put(records));
  }

  putVideoFrames(hash: string, frames: readonly VideoFrameRecord[]): Promise<void> {
    return this.write(() => this.videoFrames.put(hash, frames));
  }

  searchVideoFrames(vector: Float32Array, limit: number, hashes?: readonly string[]): Promise<FrameHit[]> {
    return this.read(() => this.videoFrames.search(vector, limit, hashes));
  }

  videoFramesOf(hashes: readonly string[]): Promise<Map<string, VideoFrameRecord[]>> {
    return this.read(() => this.videoFrames.framesOf(hashes));
  }

  videosWithFrames(hashes: readonly string[]): Promise<Set<string>> {
    return this.read(() => this.videoFrames.hashesWithFrames(hashes));
  }

  countVideoFrames(): Promise<number> {
    return this.read(() => this.videoFrames.count());
  }

  pruneVideoFrames(): Promise<number> {
    return this.write(async () => this.videoFrames.prune(new Set([...(await this.photos.states()).values()].map((s) => s.hash))));
  }

  putPhotoText(records: readonly PhotoTextRecord[]): Promise<void> {
    return this.write(() => this.photoText.put(records));
  }

  photoTextModels(): Promise<Map<string, string>> {
    return this.read(() => this.photoText.models());
  }

  getPhotoText(hashes: readonly string[]): Promise<PhotoTextRecord[]> {
    return this.read(() => this.photoText.get(hashes));
  }

  searchPhotoText(query: string, options: { limit: number; fuzziness: number }): Promise<PhotoTextHit[]> {
    return this.read(() => this.photoText.search(query, options));
  }

  getLibrarySetting(name: string): Promise<string | null> {
    return this.read(async () => (await this.settings.get(name))?.json ?? null);
  }

  putLibrarySetting(name: string, json: string): Promise<void> {
    return this.write(() => this.settings.put({ name, json, updatedAt: Date.now() }));
  }

  detach(): void {
    this.conn.detach();
  }

  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  /** Closes the store if nothing did yet (a failed close is close()'s caller's to hear). */
  whenClosed(): Promise<void> {
    this.close().catch(() => {});
    return this.tablesClosed!;
  }

  private async closeOnce(): Promise<void> {
    this.closed = true;
    let tablesClosed!: () => void;
    this.tablesClosed = new Promise((resolve) => (tablesClosed = resolve));
    // A photo commit in flight finishes first, up to a bound, and says how it ended (landed;
    // or the lease lost and its doubles taken back) rather than "table closed" after landing.
    // Any other write (compaction) ends before its tables close too: closed under it, LanceDB crashes.
    await closeAfterWrites([...this.committing, ...this.writing], COMMIT_SETTLE_MS, async () => {
      try {
        await this.photos.vectorCache?.close();
        this.conn.release();
      } finally {
        tablesClosed();
      }
    }, () => this.conn.detach()); // the next opener's own connection: this one may wait on a dropped network
  }

  private read<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The library store is closed'));
    // A damaged table fails every read with LanceDB's raw stream error: say which and what to do.
    return this[OPERATIONS_IN_FLIGHT].track(() => fn().catch(async (error: unknown) => Promise.reject(await explainStoreError(this.conn.location, error))));
  }

  private write<T>(fn: () => Promise<T>): Promise<T> {
    if (this.conn.readOnly) return Promise.reject(new Error('The library is open read-only'));
    try {
      this.beforeWrite?.(); // the writer lease (writer-lease.ts): a writer that lost it stops here
    } catch (error) {
      return Promise.reject(error as Error);
    }
    // The vector cache answers from its snapshot for up to a second: this store's own write must show at once.
    const written = this.read(fn).finally(() => this.photos.vectorCache?.stale());
    this.writing.add(written);
    void written.then(
      () => this.writing.delete(written),
      () => this.writing.delete(written),
    );
    return written.catch((error: unknown) => {
      // A write that failed while the lease lapsed (the process frozen or asleep, its requests
      // timed out meanwhile): the lost lease is the cause the user needs to hear.
      this.beforeWrite?.();
      throw error;
    });
  }
}

/**
 * Opens the library at `where` (a location, or a local folder's path) for `options.model`. The writer creates a new library,
 * migrates an older one and creates the model's photos table; a read-only open changes
 * nothing on disk and reads an older schema as it is. Either refuses a newer schema.
 */
export const openLibraryStore: OpenLibraryStore = async (where: StoreLocation, options: OpenStoreOptions): Promise<LibraryStore> => {
  const readOnly = options.readOnly ?? false;
  const conn = await LibraryConnection.acquire(where, readOnly);
  try {
    let version = await readSchemaVersion(conn);
    if (version !== null && version > SCHEMA_VERSION) throw new LibraryTooNewError(version);
    if (!readOnly) {
      if (version === null) await createLibrary(conn);
      else if (version < SCHEMA_VERSION) await migrate(conn, version);
      version = SCHEMA_VERSION;
      await ensureTables(conn);
    }
    const photos = await PhotosRepository.open(conn, options.model);
    if (options.vectorCache) {
      const { dir, recheckMs } = options.vectorCache;
      photos.vectorCache = new VectorCache(path.join(dir, `${photos.key}.vectors`), options.model.id, recheckMs !== undefined ? { recheckMs } : {});
    }
    return new Store(conn, version ?? SCHEMA_VERSION, photos, new FailuresRepository(conn), new FoldersRepository(conn), options.beforeWrite);
  } catch (error) {
    conn.release();
    throw await explainStoreError(conn.location, error);
  }
};
