// The library store's contract: what the rest of the engine may ask of LanceDB. Only the
// repositories behind this interface touch the database (DESIGN.md, Immich's pattern).
//
// Photos live in one table per embedding model (`photos__<model key>`): each row carries its
// metadata and that model's vector, so searches filter and rank in one query and can never
// mix two models' vectors, and models of different dimensions coexist. Switching models
// fills the new model's table in the background; the old one stays searchable until removed.
// Folders and failures are model-independent tables.
import type { TagState } from '../../shared/api';

/** One indexed photo. Times are epoch milliseconds. */
export interface PhotoRecord {
  /** Absolute path; the row's identity. */
  path: string;
  /** The watched folder (absolute) this photo was found under. */
  folder: string;
  size: number;
  mtimeMs: number;
  /** SHA-256 of the file's bytes, hex. */
  hash: string;
  /** Dimensions after EXIF orientation. */
  width: number;
  height: number;
  /** The camera's clock read as UTC (media/exif.ts): format it in UTC, never the viewer's zone. */
  takenAt: number | null;
  /** That clock's offset from UTC in minutes east, when EXIF recorded one (schema v3); absent or null: none. */
  takenOffset?: number | null;
  cameraMake: string | null;
  cameraModel: string | null;
  gpsLat: number | null;
  gpsLon: number | null;
  /** EXIF orientation tag (1-8) as found, null when absent. */
  orientation: number | null;
  /** Id of the model whose embedding `vector` is. */
  modelId: string;
  /** L2-normalised embedding. */
  vector: Float32Array;
  /** Content-addressed thumbnail key (relative path under <home>/thumbs); '' when none is
   *  recorded (rows migrated from schema v1), meaning: make the thumbnail again. */
  thumbKey: string;
  indexedAt: number;
  /** A video's length in milliseconds (schema v4); absent or null for a photo. Its vector and
   *  thumbnail are its poster frame's; its other frames are in the video frames table. */
  durationMs?: number | null;
}

/** A photo without its vector: what listings and scans need. */
export type PhotoSummary = Omit<PhotoRecord, 'vector'>;

/** What the timeline orders the library by (api/timeline-index.ts) and places name
 *  (core/places): the times and the position of every photo, a few columns. */
export type PhotoDates = Pick<PhotoSummary, 'path' | 'hash' | 'takenAt' | 'mtimeMs' | 'indexedAt' | 'durationMs' | 'gpsLat' | 'gpsLon'>;

/** A file that could not be indexed; retried only when its size or mtime changes. */
export interface FailureRecord {
  path: string;
  folder: string;
  size: number;
  mtimeMs: number;
  reason: string;
  failedAt: number;
}

export interface FolderRecord {
  path: string;
  addedAt: number;
}

export interface VectorHit {
  path: string;
  /** Cosine similarity (vectors are normalised): higher is closer. */
  score: number;
  /** A video's hit: the time of its best frame, seconds (search/video-moments.ts). */
  time?: number;
}

/**
 * Which photos a search considers. Every field narrows the set (they combine with AND) and
 * is applied inside LanceDB before ranking (a prefilter), so a filtered page is as full as an
 * unfiltered one. Values are data, never SQL: sql.ts quotes them.
 */
export interface PhotoFilter {
  /** Restrict to photos under this folder (absolute path prefix, folder boundary respected). */
  folder?: string;
  /** Dated at or after this wall-clock time (epoch ms read as UTC, inclusive, like `takenAt`):
   *  the date taken, else the file's time on the viewer's clock (photo-date.ts, the timeline's rule). */
  takenFrom?: number;
  /** Dated before this wall-clock time (epoch ms, exclusive), as `takenFrom`. */
  takenBefore?: number;
  /** Dated at or after this instant: `takenAt` less the photo's `takenOffset` (none: UTC), else the file's time. */
  takenFromInstant?: number;
  /** Dated before this instant (exclusive), as `takenFromInstant`. */
  takenBeforeInstant?: number;
  /** The viewer's offset from UTC in minutes east, which `takenFrom`/`takenBefore` read a file
   *  time on (as the timeline's `utcOffset`); absent: this machine's zone (photo-date.ts). */
  utcOffset?: number;
  /** Case-insensitive substring of the camera make, the model, or "make model". */
  camera?: string;
  /** true: only photos with GPS coordinates; false: only photos without. */
  hasGps?: boolean;
  /**
   * Only these photos (absolute paths). For filters computed outside the photos table, such
   * as tags: the caller resolves them to paths (or hashes) and the store intersects. An empty
   * list matches nothing.
   */
  paths?: readonly string[];
  /** Only photos with these content hashes (same use as `paths`). */
  hashes?: readonly string[];
}

export interface VectorQuery extends PhotoFilter {
  vector: Float32Array;
  limit: number;
  offset?: number;
  /** Exact search (no ANN index), for recall measurements and small libraries. */
  exact?: boolean;
  /** Relevance cut-off: photos whose score is below this are not returned (nor counted by `offset`). */
  minScore?: number;
}

// The repositories behind `LibraryStore`, each a narrow interface: a feature names the ones
// it uses (TaggingStore, AlbumStore... in their services), so what it can touch is visible in
// its type and a unit test hands it in-memory fakes (test/helpers/fakes/). `LibraryStore` is
// their composition, for the few callers that need many (the indexer, the library service).

/** Photo rows by path or content, without ranking: the lookups every feature makes. */
export interface PhotoLookups {
  getPhoto(path: string): Promise<PhotoRecord | null>;
  /**
   * The stored photos among `paths`, without their vectors, in one query (a page of search
   * results: 200 single lookups cost ~250 ms at 100k photos, this one ~10 ms). Paths not
   * in the library are absent from the map. A photo the active model has not embedded yet
   * comes from another model's table (library-photos.ts): metadata does not need embeddings.
   */
  photosByPath(paths: readonly string[]): Promise<Map<string, PhotoSummary>>;
  /** Photos with this content hash (vectors included), for reusing embeddings on moves and copies. */
  photosByHash(hash: string): Promise<PhotoRecord[]>;
  /** Scan state: path -> size, mtime, hash and model of every photo (no vectors), optionally under one folder. */
  photoStates(folder?: string): Promise<Map<string, PhotoState>>;
  /**
   * Changes whenever any model's photos, the tags, the favourites or the archive are written (a reader sees
   * another process's commits too): results derived from them can be cached under it.
   */
  dataVersion(): Promise<string>;
  /**
   * Changes whenever any model's photos are written, but not with tags or favourites: what
   * is derived from the photos alone (their dates, their places) is cached under it, so a
   * favourite marked does not make the timeline read every photo again.
   */
  photosVersion(): Promise<string>;
}

/** Listing and counting the library's photos. */
export interface PhotoListing {
  /**
   * The library's photos ordered by path (stable offset/limit pages), whether the active
   * model has embedded them yet or not (library-photos.ts: browsing during a model switch).
   */
  listPhotos(options?: { folder?: string; limit?: number; offset?: number }): Promise<PhotoSummary[]>;
  /**
   * The path, hash and times of every photo `listPhotos` lists, in no particular order: the
   * timeline's date order is built from them. A narrow read (five columns, no sort in the
   * database) because the whole library is read: at 100k photos `listPhotos()` took ~5.9 s.
   */
  listPhotoDates(): Promise<PhotoDates[]>;
  /**
   * Every path of the library holding each of these contents, whichever model's table has it
   * (`pathsByHash` is the active model's, what search sees): where a content's tags, marks and
   * album pins are, and what an import counts as already held, during a model switch too.
   */
  libraryPathsByHash(hashes: readonly string[]): Promise<Map<string, string[]>>;
  /** Paths of photos the active model has not embedded that another model's table holds
   *  (a model switch under way): in the library already, though new to this model. */
  pathsOnlyOtherModelsHold(): Promise<Set<string>>;
  /** How many photos `listPhotos` lists (the library's, embedded by the active model or not). */
  countListed(options?: { folder?: string }): Promise<number>;
  /** Photos the active model has embedded matching the filter (all of them without one): what search sees. */
  countPhotos(options?: PhotoFilter): Promise<number>;
}

/** Writing photo rows (the indexer and the trash). */
export interface PhotoWrites {
  /** Inserts or replaces photos by path, all in one commit (crash-safe per call). */
  upsertPhotos(records: PhotoRecord[]): Promise<void>;
  /** Deletes photos by path from every model's table (the file is gone for all models): one
   *  commit per table for up to 4096 paths. Paths may contain quotes, newlines, unicode. */
  removePhotos(paths: string[]): Promise<void>;
  /**
   * Where the last `photoStates()` of the whole library saw a path with more than one row (a
   * late commit of a device whose lease had lapsed, which it could not take back: killed or
   * cut off first), keeps its newest. Resolves to how many rows went.
   */
  repairDoubles(): Promise<number>;
}

/** Ranking the active model's photos against a vector. */
export interface VectorSearch {
  /** Best first, equal scores by path: every page (`offset`, `limit`) is a slice of one order. */
  searchVectors(query: VectorQuery): Promise<VectorHit[]>;
  /**
   * Up to `max` photos' vectors spread evenly over the table (every n-th row, so the same
   * library gives the same sample): what the search's relevance calibration measures.
   */
  sampleVectors(max: number): Promise<Float32Array[]>;
}

/** One sampled frame of a video (video-frames-repository.ts). */
export interface VideoFrameRecord {
  /** Time of the frame from the video's start. */
  timeMs: number;
  /** L2-normalised embedding, the active model's. */
  vector: Float32Array;
}

/** A frame near a query vector: which video (content hash), when, how close. */
export interface FrameHit {
  hash: string;
  timeMs: number;
  score: number;
}

/** The active model's video frames: written by the indexer, ranked by search. */
export interface VideoFrameRepository {
  /** Replaces the frames of the video whose content hash is `hash`. */
  putVideoFrames(hash: string, frames: readonly VideoFrameRecord[]): Promise<void>;
  /** The `limit` frames nearest to `vector`, best first, optionally only of these videos. */
  searchVideoFrames(vector: Float32Array, limit: number, hashes?: readonly string[]): Promise<FrameHit[]>;
  /** Every stored frame of these videos, by video (a few dozen each: read by hash, no ranking). */
  videoFramesOf(hashes: readonly string[]): Promise<Map<string, VideoFrameRecord[]>>;
  /** Which of these videos have frames stored for the active model. */
  videosWithFrames(hashes: readonly string[]): Promise<Set<string>>;
  countVideoFrames(): Promise<number>;
  /** Drops the frames of videos no photos row holds any more; how many videos' frames went.
   *  Only while nothing is being indexed: a video's frames are written before its row. */
  pruneVideoFrames(): Promise<number>;
}

/** Bulk reads of the active model's vectors (photo-vectors.ts): tagging, albums, similar duplicates. */
export interface VectorReads {
  /** This model's vectors in batches of about `batchSize` rows (default 4096), optionally under one folder. */
  scanVectors(options?: { folder?: string; batchSize?: number }): AsyncIterable<VectorBatch>;
  /** This model's vector of each hash found (one per hash, whichever path holds it). */
  vectorsByHash(hashes: readonly string[]): Promise<Map<string, Float32Array>>;
  /** Paths (in this model's table) of each hash found: what search sees (`libraryPathsByHash` for the library's). */
  pathsByHash(hashes: readonly string[]): Promise<Map<string, string[]>>;
}

/** Files that could not be indexed (failures-repository.ts). */
export interface FailureRepository {
  recordFailures(records: FailureRecord[]): Promise<void>;
  clearFailures(paths: string[]): Promise<void>;
  listFailures(folder?: string): Promise<FailureRecord[]>;
}

/** The library's folders (folders-repository.ts). */
export interface FolderRepository {
  addFolder(path: string): Promise<void>;
  /**
   * Removes the folder and every photo (in every model's table) and failure under it, except
   * those under `keepUnder` (other library folders nested in it, or one holding it).
   */
  removeFolder(path: string, options?: { keepUnder?: readonly string[] }): Promise<void>;
  /** Makes `inner` part of the library folder `outer` that holds it: its photos and failures stay, now under `outer`. */
  mergeFolder(inner: string, outer: string): Promise<void>;
  listFolders(): Promise<FolderRecord[]>;
}

/** Label sets (named-json-repository.ts, `label_sets`). */
export interface LabelSetRepository {
  putLabelSet(record: LabelSetRecord): Promise<void>;
  getLabelSet(name: string): Promise<LabelSetRecord | null>;
  /** Ordered by name. */
  listLabelSets(): Promise<LabelSetRecord[]>;
  /** Removes the set, its automatic tags and its auto-tag folders; the user's decisions on it stay (a set imported again under its name finds them). */
  removeLabelSet(name: string): Promise<void>;
}

/**
 * Tags and the user's decisions (tags-repository.ts). Keyed by content hash, so a moved or
 * renamed photo keeps its tags and the user's accept/reject decisions.
 */
export interface TagRepository {
  /**
   * Makes `tags` the set's automatic tags of the photos `hashes` (the scope that was
   * classified): new ones are added, changed scores updated, auto tags in scope that are
   * not in `tags` deleted. Tags the user accepted or rejected are never touched.
   */
  replaceAutoTags(set: string, hashes: readonly string[] | 'all', tags: TagRecord[]): Promise<void>;
  /** Removes every model's automatic tags of these labels of `set` (labels taken out of it); decisions stay.
   *  Returns the tags removed, every model's, as stored (`modelId` naming each build). */
  removeAutoTagsOfLabels(set: string, labels: readonly string[]): Promise<TagRecord[]>;
  /** Inserts or replaces tags by (hash, set, label): how accept/reject are recorded. */
  putTags(tags: TagRecord[]): Promise<void>;
  listTags(query?: TagQuery): Promise<TagRecord[]>;
}

/** Folders whose new photos are tagged (auto-tag-folders-repository.ts). */
export interface AutoTagFolderRepository {
  addAutoTagFolder(folder: string, set: string): Promise<void>;
  /** Without `set`, every set of the folder. */
  removeAutoTagFolder(folder: string, set?: string): Promise<void>;
  listAutoTagFolders(): Promise<AutoTagFolderRecord[]>;
}

/** The user's favourites, by content hash (favourites-repository.ts). */
export interface FavouriteRepository {
  /** Marks or unmarks the contents in one write; marking a favourite again keeps its first time. */
  setFavourites(hashes: readonly string[], favourite: boolean): Promise<void>;
  /** Every favourite content hash; shared, do not change it. */
  favouriteHashes(): Promise<ReadonlySet<string>>;
}

/** The user's archive, by content hash: left out of the timelines (content-marks-repository.ts). */
export interface ArchiveRepository {
  /** Archives or brings back the contents in one write; archiving again keeps the first time. */
  setArchived(hashes: readonly string[], archived: boolean): Promise<void>;
  /** Every archived content hash; shared, do not change it. */
  archivedHashes(): Promise<ReadonlySet<string>>;
}

/** A date taken the user set by hand for a photo content (content-edits.ts). */
export interface TakenEdit {
  hash: string;
  /** The date set: the camera's clock read as UTC, as PhotoRecord.takenAt. */
  takenAt: number;
  takenOffset: number | null;
  /** The file's own date and offset, put back by a restore. */
  fileTakenAt: number | null;
  fileTakenOffset: number | null;
  editedAt: number;
}

/** Dates taken set by hand: the photo rows carry them, new rows of an edited content get them. */
export interface TakenEditRepository {
  /**
   * Sets the date taken of these contents: the edit is kept, then every row of the content (in
   * every model's table) takes it. `file*`: the rows' dates now, kept to restore them unless the
   * content was edited before (its rows show the earlier edit, the file's date is already kept).
   */
  setTakenAt(edits: readonly Omit<TakenEdit, 'editedAt'>[]): Promise<void>;
  /** Puts the files' own dates back on these contents' rows and forgets their edits. */
  restoreTakenAt(hashes: readonly string[]): Promise<void>;
  /** Every edit, by content hash; shared, do not change it. */
  takenEdits(): Promise<ReadonlyMap<string, TakenEdit>>;
}

/** A place set by hand on a photo content (Edit location). */
export interface PlaceEdit {
  hash: string;
  /** The position set, WGS84 degrees, as PhotoRecord.gpsLat / gpsLon; null: the place was
   *  removed by hand (the photo shows none, whatever its file says). */
  gpsLat: number | null;
  gpsLon: number | null;
  /** The file's own position (null: it had none), put back by a restore. */
  fileGpsLat: number | null;
  fileGpsLon: number | null;
  editedAt: number;
}

/** Places set by hand: the photo rows carry them, new rows of an edited content get them. */
export interface PlaceEditRepository {
  /** Sets the place of these contents, as setTakenAt does the date (`file*`: the rows' now). */
  setPlace(edits: readonly Omit<PlaceEdit, 'editedAt'>[]): Promise<void>;
  /** Puts the files' own positions back on these contents' rows and forgets their edits. */
  restorePlace(hashes: readonly string[]): Promise<void>;
  /** Every edit, by content hash; shared, do not change it. */
  placeEdits(): Promise<ReadonlyMap<string, PlaceEdit>>;
}

/** Descriptions the user writes on photos, by content (descriptions-repository.ts). */
export interface DescriptionRepository {
  /** Sets these contents' description (trimmed), or with null or blank text removes it; one commit. */
  setDescriptions(hashes: readonly string[], text: string | null): Promise<void>;
  /** Gives each content without a description its own (trimmed; blank ones left out), in one
   *  commit, never replacing one (captions imported from files); resolves to how many it added. */
  addDescriptions(texts: ReadonlyMap<string, string>): Promise<number>;
  /** Every description, by content hash; shared, do not change it. */
  descriptions(): Promise<ReadonlyMap<string, string>>;
}

/** How the user turned photos to show (Rotate), by content (rotations-repository.ts). */
export interface RotationRepository {
  /** Turns these contents by `turns` clockwise quarter turns (negative: anticlockwise) from how
   *  they show now, or with 'reset' back to how their files show them: one commit for those
   *  left turned, one for those back upright. */
  rotate(hashes: readonly string[], turns: number | 'reset'): Promise<void>;
  /** Every turned content's clockwise quarter turns (1-3), by content hash; shared, do not change it. */
  rotations(): Promise<ReadonlyMap<string, number>>;
  /** The turn this model's vector of each content ever turned shows it at (absent: 0); shared, do not change it. */
  embeddedTurns(): Promise<ReadonlyMap<string, number>>;
  /** Records the turns these contents' vectors (this model's) now show them at. */
  recordEmbeddedTurns(entries: readonly { hash: string; turns: number }[]): Promise<void>;
}

/** What both kinds of edit by hand share. */
export interface EditsUpkeep {
  /** Rewrites the rows whose date or place is not their content's edit (left by a crash between
   *  keeping an edit and rewriting its rows); resolves to how many contents it fixed. */
  repairEdits(): Promise<number>;
}

/** Smart albums' definitions (named-json-repository.ts, `albums`). */
export interface AlbumRepository {
  putAlbum(record: AlbumRecord): Promise<void>;
  getAlbum(name: string): Promise<AlbumRecord | null>;
  /** Ordered by name. */
  listAlbums(): Promise<AlbumRecord[]>;
  removeAlbum(name: string): Promise<void>;
}

/**
 * Perceptual signatures (signatures-repository.ts): model-independent and keyed by content
 * hash, like thumbnails.
 */
export interface SignatureRepository {
  /** Stored signatures: all of them, or those of `hashes` (one per hash found). */
  getSignatures(hashes?: readonly string[]): Promise<SignatureRecord[]>;
  /** Inserts or replaces signatures by hash, in one commit. */
  putSignatures(records: readonly SignatureRecord[]): Promise<void>;
}

/** The store as a whole: which model, its tables, upkeep, closing. */
export interface StoreUpkeep {
  readonly schemaVersion: number;
  /** The model whose photos table this store reads and writes. */
  readonly modelId: string;
  /** The key of the tables this store reads the model's vectors from (model-tables.ts): the
   *  id's own, or its weights' own. What is measured with those vectors is kept under it too. */
  readonly modelTablesKey: string;
  /** Builds or refreshes the ANN index (and B-trees on path and hash) when the table is large
   *  enough to need one (>= 10k rows). Takes ~5 s at 100k photos and ~1 min at 1M on 2 cores:
   *  call it after a scan, not per batch. Until then new rows are still found (searched flat). */
  ensureVectorIndex(): Promise<void>;
  /** Models that have a photos table, with their row counts. */
  modelTables(): Promise<{ modelId: string; photos: number }[]>;
  /** Drops another model's photos table (after `shoebox models remove`). */
  dropModelTable(modelId: string): Promise<void>;
  /** Compacts files and prunes old versions; call when idle, never on the hot path. */
  optimize(): Promise<void>;
  /** Stores opened after this do not share its connection (LibraryConnection.detach); it keeps working until closed. */
  detach(): void;
  close(): Promise<void>;
  /** Once the tables are closed: with close(), or later, when a write outlived close()'s bound
   *  (close-after-writes.ts). The writer lock is let go then, not under that write. */
  whenClosed(): Promise<void>;
}

/** What a scan compares (`photoStates`); an empty thumbKey marks a row migrated from v1, whose thumbnail is still to make. */
export interface PhotoState {
  size: number;
  mtimeMs: number;
  hash: string;
  modelId: string;
  thumbKey: string;
}

/** Every repository of one open library: what `openLibraryStore` returns. */
export interface LibraryStore
  extends PhotoLookups,
    PhotoListing,
    PhotoWrites,
    VectorSearch,
    VectorReads,
    FailureRepository,
    FolderRepository,
    LabelSetRepository,
    TagRepository,
    AutoTagFolderRepository,
    AlbumRepository,
    FavouriteRepository,
    ArchiveRepository,
    TakenEditRepository,
    PlaceEditRepository,
    DescriptionRepository,
    RotationRepository,
    EditsUpkeep,
    SignatureRepository,
    VideoFrameRepository,
    PhotoTextRepository,
    LibrarySettings,
    StoreUpkeep {}

/** A photo content's perceptual signature (src/core/dupes/signature.ts). */
export interface SignatureRecord {
  /** Content hash (PhotoRecord.hash). */
  hash: string;
  /** Layout version of `signature`; rows of another version are computed again. */
  version: number;
  signature: Uint8Array;
  /** Focus measure of the content (variance of the Laplacian on the thumbnail), for keep-best. */
  sharpness: number;
}

/** Rows of one model's photos table with their vectors, `dimension` floats per row in `vectors`. */
export interface VectorBatch {
  paths: string[];
  hashes: string[];
  dimension: number;
  vectors: Float32Array;
}

export interface LabelSetRecord {
  name: string;
  /** The set as JSON text (validated by src/core/tags before it is stored). */
  json: string;
  updatedAt: number;
}

/** The contract's type (src/shared), one per concept. */
export type { TagState };

export interface TagRecord {
  /** Content hash of the photo (PhotoRecord.hash). */
  hash: string;
  set: string;
  label: string;
  /** Confidence in [0, 1] of the classification that made or last saw this tag. */
  score: number;
  state: TagState;
  /** The model that computed `score`. */
  modelId: string;
  updatedAt: number;
}

export interface TagQuery {
  set?: string;
  label?: string;
  hashes?: readonly string[];
  states?: readonly TagState[];
}

export interface AutoTagFolderRecord {
  folder: string;
  set: string;
  addedAt: number;
}

export interface AlbumRecord {
  name: string;
  /** The album's definition as JSON text (src/core/albums). */
  json: string;
  updatedAt: number;
}

export interface OpenStoreOptions {
  /**
   * The active model: its id names the photos table, its dimension sizes the vector column.
   * The dimension may be a function, called only when the table must be created: an
   * existing table knows its own, and learning it from the model means loading the model.
   */
  /** `weights`: the fingerprint of its weights (models/weights-fingerprint.ts): vectors other
   *  weights made under this id are never used, and this build gets tables of its own (model-tables.ts). */
  /** `declaredDimension`: what the model folder says (readers: model-tables.ts). */
  model: { id: string; weights?: string | undefined; dimension: number | (() => Promise<number>); declaredDimension?: number | undefined };
  /** Read-only: never migrates or writes; for status/list/search while a writer runs. Sees the
   *  writer's commits as they land; reads an older schema as it is (`schemaVersion` tells),
   *  and a library that does not exist yet as an empty one. Every write method rejects. */
  readOnly?: boolean;
  /** Called before every write; throwing refuses the write (the writer lease, writer-lease.ts). */
  beforeWrite?: () => void;
  /**
   * The vector cache (vector-cache.ts): searches and counts answer from a copy of the model's
   * vectors on this device, kept in step with the table (exact cosine, the same results as an
   * exact LanceDB search). For libraries on object storage, where each LanceDB query costs
   * network round trips. `dir`: this device's folder for this library's cache files.
   * `recheckMs`: how long an answer may rest on the last version check (default 1000; each
   * check is a request to the object store, ~50 ms on the test gateway); 0: check every time.
   */
  vectorCache?: { dir: string; recheckMs?: number };
}

/** `openLibraryStore(dir, options)` is the store's one entry point (src/core/store/index.ts). */
/** `where`: a LibraryLocation (src/core/location), or a local folder's path. */
export type OpenLibraryStore = (where: import('./connection').StoreLocation, options: OpenStoreOptions) => Promise<LibraryStore>;


/** Text read in one photo content (photo-text-repository.ts, issue #14). */
export interface PhotoTextRecord {
  /** Content hash (PhotoRecord.hash). */
  hash: string;
  /** The lines in reading order, joined by newlines; '' when none was read. */
  text: string;
  /** JSON array of { text, score, box: [[x, y] x4] } in the upright photo's pixels. */
  lines: string;
  /** The upright photo's size: the boxes' frame. */
  width: number;
  height: number;
  /** Which OCR models read it, and at which of the user's turns (src/core/text: ocrReading). */
  model: string;
  /** Why it could not be read (not retried); null when it was. */
  error: string | null;
  readAt: number;
}

export interface PhotoTextHit extends PhotoTextRecord {
  /** The full-text index's BM25 score: higher is a better match. */
  score: number;
}

export interface PhotoTextRepository {
  putPhotoText(records: readonly PhotoTextRecord[]): Promise<void>;
  /** Every content with a row, read or failed, and what read it (its `model`). */
  photoTextModels(): Promise<Map<string, string>>;
  getPhotoText(hashes: readonly string[]): Promise<PhotoTextRecord[]>;
  searchPhotoText(query: string, options: { limit: number; fuzziness: number }): Promise<PhotoTextHit[]>;
}

/** The library's own settings (library-settings-repository.ts): JSON by name, null when unset. */
export interface LibrarySettings {
  getLibrarySetting(name: string): Promise<string | null>;
  putLibrarySetting(name: string, json: string): Promise<void>;
}
