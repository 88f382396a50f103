// The library store's contract: what the rest of the engine may ask of LanceDB. Only the
// repositories behind this interface touch the database (DESIGN.md, Immich's pattern).
//
// Photos live in one table per embedding model (`photos__<model key>`): each row carries its
// metadata and that model's vector, so searches filter and rank in one query and can never
// mix two models' vectors, and models of different dimensions coexist. Switching models
// fills the new model's table in the background; the old one stays searchable until removed.
// Folders and failures are model-independent tables.

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
  takenAt: number | null;
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
}

/** A photo without its vector: what listings and scans need. */
export type PhotoSummary = Omit<PhotoRecord, 'vector'>;

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
}

export interface VectorQuery {
  vector: Float32Array;
  limit: number;
  offset?: number;
  /** Restrict to photos under this folder (absolute path prefix, folder boundary respected). */
  folder?: string;
  /** Exact search (no ANN index), for recall measurements and small libraries. */
  exact?: boolean;
}

export interface LibraryStore {
  readonly schemaVersion: number;
  /** The model whose photos table this store reads and writes. */
  readonly modelId: string;

  /** Inserts or replaces photos by path, all in one commit (crash-safe per call). */
  upsertPhotos(records: PhotoRecord[]): Promise<void>;
  /** Deletes photos by path from every model's table (the file is gone for all models): one
   *  commit per table for up to 4096 paths. Paths may contain quotes, newlines, unicode. */
  removePhotos(paths: string[]): Promise<void>;
  /** Scan state: path -> size, mtime, hash and model of every photo (no vectors), optionally under one folder. */
  photoStates(folder?: string): Promise<Map<string, { size: number; mtimeMs: number; hash: string; modelId: string; thumbKey: string }>>;
  /** Photos with this content hash (vectors included), for reusing embeddings on moves and copies. */
  photosByHash(hash: string): Promise<PhotoRecord[]>;
  getPhoto(path: string): Promise<PhotoRecord | null>;
  /** Ordered by path, so offset/limit pages are stable. */
  listPhotos(options?: { folder?: string; limit?: number; offset?: number }): Promise<PhotoSummary[]>;
  countPhotos(options?: { folder?: string }): Promise<number>;
  searchVectors(query: VectorQuery): Promise<VectorHit[]>;
  /** Builds or refreshes the ANN index (and B-trees on path and hash) when the table is large
   *  enough to need one (>= 10k rows). Takes ~5 s at 100k photos and ~1 min at 1M on 2 cores:
   *  call it after a scan, not per batch. Until then new rows are still found (searched flat). */
  ensureVectorIndex(): Promise<void>;

  recordFailures(records: FailureRecord[]): Promise<void>;
  clearFailures(paths: string[]): Promise<void>;
  listFailures(folder?: string): Promise<FailureRecord[]>;

  addFolder(path: string): Promise<void>;
  /** Removes the folder and every photo (in every model's table) and failure under it. */
  removeFolder(path: string): Promise<void>;
  listFolders(): Promise<FolderRecord[]>;

  /** Models that have a photos table, with their row counts. */
  modelTables(): Promise<{ modelId: string; photos: number }[]>;
  /** Drops another model's photos table (after `shoebox models remove`). */
  dropModelTable(modelId: string): Promise<void>;

  /** Compacts files and prunes old versions; call when idle, never on the hot path. */
  optimize(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /**
   * The active model: its id names the photos table, its dimension sizes the vector column.
   * The dimension may be a function, called only when the table must be created: an
   * existing table knows its own, and learning it from the model means loading the model.
   */
  model: { id: string; dimension: number | (() => Promise<number>) };
  /** Read-only: never migrates or writes; for status/list/search while a writer runs. Sees the
   *  writer's commits as they land; reads an older schema as it is (`schemaVersion` tells),
   *  and a library that does not exist yet as an empty one. Every write method rejects. */
  readOnly?: boolean;
}

/** `openLibraryStore(dir, options)` is the store's one entry point (src/core/store/index.ts). */
export type OpenLibraryStore = (libraryDir: string, options: OpenStoreOptions) => Promise<LibraryStore>;

