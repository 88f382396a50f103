// The one contract between the UI and the engine (DESIGN.md "One contract, three
// transports"). It travels over Electron IPC, over WebSocket (`shoebox serve`) and as
// direct calls (CLI, tests), so every argument and result must be plain JSON data.
//
// Photos are named by an opaque `id` (stable across runs). The UI passes it back to
// getPhoto/similar and asks its transport for the image URLs (thumbnail, full image); how
// an id becomes a URL, and how the image is found, is the transport's business.

import type { SearchFilters } from './search';

export type { SearchFilters };

/** Execution providers ONNX Runtime may run CLIP on, in our order of preference. */
export type ExecutionProviderName = 'cuda' | 'dml' | 'coreml' | 'cpu';

export interface ProviderStatus {
  /** Providers this build of ONNX Runtime supports on this platform. */
  available: ExecutionProviderName[];
  /** The provider sessions actually run on; null until a model is loaded. */
  inUse: ExecutionProviderName | null;
  /** Why a preferred provider was not used (it failed to load), if it was not. */
  fallbackReason: string | null;
}

export interface EngineInfo {
  version: string;
  home: string;
  platform: string;
  providers: ProviderStatus;
}

export interface IndexProgress {
  done: number;
  total: number;
  /** Photos per second so far. */
  rate: number;
  etaSeconds: number | null;
}

// ---- Photos ---------------------------------------------------------------------------

/** A photo as listings show it. Times are epoch milliseconds. */
export interface Photo {
  /** Opaque and stable: give it back to getPhoto/similar and to the transport's image URLs. */
  id: string;
  /** Absolute path of the original. */
  path: string;
  /** The library folder it was found under. */
  folder: string;
  /** Dimensions after EXIF orientation. */
  width: number;
  height: number;
  takenAt: number | null;
}

/** A search result: the photo and its similarity to the query (cosine, higher is closer). */
export interface PhotoHit extends Photo {
  score: number;
}

/** Everything the viewer shows about one photo. */
export interface PhotoDetails extends Photo {
  size: number;
  mtimeMs: number;
  cameraMake: string | null;
  cameraModel: string | null;
  gpsLat: number | null;
  gpsLon: number | null;
  /** The model whose embedding the library holds for it. */
  modelId: string;
  indexedAt: number;
}

export interface PageOptions {
  /** Skip this many (default 0). */
  offset?: number;
  /** At most this many, 1..1000 (default 100). */
  limit?: number;
}

export interface ListPhotosOptions extends PageOptions {
  /** Only photos under this library folder. */
  folder?: string;
}

export interface SearchOptions extends PageOptions {
  /** Date range, folder, camera, location, tag (src/shared/search.ts); every one given must hold. */
  filters?: SearchFilters;
}

/** A page of the library, ordered by path (stable under offset/limit). */
export interface PhotoPage {
  total: number;
  offset: number;
  photos: Photo[];
}

/** A page of search results, best first. */
export interface SearchPage {
  offset: number;
  photos: PhotoHit[];
  /** Another page may follow (this one was full). */
  hasMore: boolean;
}

/** An image from outside the library to search by (a dropped file), as base64 bytes. */
export interface QueryImage {
  /** The file's name, for messages only. */
  name: string;
  base64: string;
}

/** Largest query image accepted (bytes, before base64). */
export const MAX_QUERY_IMAGE_BYTES = 40 * 1024 * 1024;

// ---- Folders, failures, jobs ---------------------------------------------------------

export interface FolderInfo {
  path: string;
  addedAt: number;
  /** Photos indexed under it. */
  photos: number;
  /** Files under it that could not be indexed (see listFailures). */
  failed: number;
}

export interface FailureInfo {
  path: string;
  folder: string;
  reason: string;
  failedAt: number;
}

export interface FailurePage {
  total: number;
  failures: FailureInfo[];
}

/** Work the engine does in the background, one job at a time (LanceDB has one writer). */
export type JobKind = 'index' | 'remove-folder';
export type JobStateName = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobResult {
  added: number;
  updated: number;
  removed: number;
  embedded: number;
  failed: number;
}

export interface JobState {
  id: string;
  kind: JobKind;
  folder: string;
  state: JobStateName;
  /** While indexing: photos done of total, rate and ETA. */
  progress: IndexProgress | null;
  result: JobResult | null;
  /** Why it failed, one line. */
  error: string | null;
  queuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

// ---- Library and models ----------------------------------------------------------------

export interface ActiveModel {
  id: string;
  dir: string;
}

export interface LibraryStatus {
  /** The model the library embeds and searches with; null until one is installed. */
  model: ActiveModel | null;
  /** When model is null: why, and what to do about it (one sentence). */
  modelProblem: string | null;
  photos: number;
  folders: number;
  failed: number;
  /** Folders are followed for changes (new, edited, deleted photos). */
  watching: boolean;
  /** Jobs queued or running, then the most recent finished ones. */
  jobs: JobState[];
}

export interface ModelInfo {
  id: string;
  /** 'catalog': offered for download; 'imported': a folder the user brought; 'folder': given as --model-dir. */
  source: 'catalog' | 'imported' | 'folder';
  installed: boolean;
  active: boolean;
  dir: string;
  description: string | null;
}

export interface ModelsInfo {
  /** The model in use, or null (no model installed or chosen). */
  inUse: ActiveModel | null;
  models: ModelInfo[];
}

// ---- Events -----------------------------------------------------------------------------

/** Events the engine pushes to the UI. */
export type LibraryEvent =
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  /** Indexing progress; jobId is absent for the watcher's own catch-up and follow-up runs. */
  | { type: 'index-progress'; progress: IndexProgress; jobId?: string }
  | { type: 'photos-changed'; added: number; removed: number }
  | { type: 'folders-changed' }
  | { type: 'job'; job: JobState };

export type Unsubscribe = () => void;

export interface LibraryApi {
  info(): Promise<EngineInfo>;
  status(): Promise<LibraryStatus>;
  listFolders(): Promise<FolderInfo[]>;
  /** Adds a folder and returns at once; it is indexed by a background job (events: 'job', 'index-progress'). */
  addFolder(path: string): Promise<JobState>;
  /** Stops any indexing of the folder and forgets it and its photos (the files are untouched). */
  removeFolder(path: string): Promise<void>;
  listFailures(options?: ListPhotosOptions): Promise<FailurePage>;
  listPhotos(options?: ListPhotosOptions): Promise<PhotoPage>;
  /** null when the id names no photo in the library. */
  getPhoto(id: string): Promise<PhotoDetails | null>;
  /** Photos matching a text description, best first. */
  search(query: string, options?: SearchOptions): Promise<SearchPage>;
  /** Photos that look like a library photo ("more like this"), best first. */
  similar(id: string, options?: SearchOptions): Promise<SearchPage>;
  /** Photos that look like an image from outside the library, best first. */
  searchByImage(image: QueryImage, options?: SearchOptions): Promise<SearchPage>;
  models(): Promise<ModelsInfo>;
  jobs(): Promise<JobState[]>;
  subscribe(listener: (event: LibraryEvent) => void): Unsubscribe;
}
