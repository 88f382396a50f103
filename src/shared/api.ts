// The one contract between the UI and the engine (DESIGN.md "One contract, three
// transports"). It travels over Electron IPC, over WebSocket (`shoebox serve`) and as
// direct calls (CLI, tests), so every argument and result must be plain JSON data.
//
// Photos are named by an opaque `id` (stable across runs). The UI passes it back to
// getPhoto/similar and asks its transport for the image URLs (thumbnail, full image); how
// an id becomes a URL, and how the image is found, is the transport's business.

import type { PhotoTextMatch, SearchFilters } from './search';
import type { SearchEmpty } from './search-empty';

export type { SearchFilters };

/** Execution providers ONNX Runtime may run CLIP on, in our order of preference. */
export type ExecutionProviderName = 'cuda' | 'dml' | 'coreml' | 'webgpu' | 'cpu';

/** The GPU behind a provider, where the OS tells it (WebGPU on Linux: the Vulkan driver). */
export interface ProviderAdapter {
  name: string;
  /** 'software': a CPU emulating a GPU (SwiftShader, llvmpipe, WARP), never chosen by auto. */
  kind: 'gpu' | 'software' | 'unknown';
}

/** A GPU provider's measured speed against the CPU on the same model (items per second). */
export interface ProviderMeasurement {
  provider: ExecutionProviderName;
  rate: number;
  cpuRate: number;
}

export interface ProviderStatus {
  /** Providers this build of ONNX Runtime supports on this platform. */
  available: ExecutionProviderName[];
  /** The provider sessions actually run on; null until a model is loaded. */
  inUse: ExecutionProviderName | null;
  /** Why a preferred provider was not used (it failed to load, was slower, is software), if it was not. */
  fallbackReason: string | null;
  /** The adapter of the GPU provider in use or considered, where it can be told. */
  adapter?: ProviderAdapter | null;
  /** The last measurement of a GPU provider against the CPU, when one was made. */
  measured?: ProviderMeasurement | null;
  /** The provider asked for (--provider, SHOEBOX_PROVIDER or settings.json's "provider"), as
   *  written; absent or null: auto. Shown beside `inUse`, which may differ (fallbackReason). */
  asked?: string | null;
  /** Why what was asked for is not tried at all (settings.json names no provider there is),
   *  the core's one line (core/settings.ts providerSetting), as the CLI and the app's log say it. */
  askedProblem?: string | null;
}

export interface EngineInfo {
  version: string;
  home: string;
  platform: string;
  providers: ProviderStatus;
  /** How indexing uses the machine: its cores, photos decoded at once, libuv's pool (sharp's threads). */
  threads: { cores: number; decodes: number; pool: number };
  /**
   * The library this engine serves, where it lives: a folder or `s3://bucket/prefix` (never
   * keys, nor the endpoint). Under `shoebox serve`, the one it opened (--library,
   * SHOEBOX_LIBRARY, else the data folder's). Absent where no library is open (`shoebox info`).
   */
  library?: string;
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
  /** Dimensions as it shows: after EXIF orientation and the user's rotation. */
  width: number;
  height: number;
  /** The camera's clock read as UTC: show it with shared/taken-at.ts, never in the viewer's zone. */
  takenAt: number | null;
  /** That clock's offset from UTC in minutes east, when EXIF recorded one. */
  takenOffset?: number;
  /** Present on a video only: the grid badges it and the viewer plays it. */
  kind?: 'video';
  /** A video's length, seconds. */
  duration?: number;
  /** The original is not reachable from this device (its folder is another device's path, or
   *  not mounted): the thumbnail shows, the file does not open. Absent when it is. */
  unreachable?: true;
  /** The user marked it a favourite (its content: every copy of it is one). Absent when not. */
  favourite?: true;
  /** The user archived it (its content: every copy of it): left out of the library's own
   *  timeline (All photos, Recently added) and On this day; the Archive, a folder, a tag, the
   *  favourites, a place, search, similar and smart albums still show it. Absent when not. */
  archived?: true;
  /** The user turned it (Rotate: its content, every copy), clockwise degrees; its images are
   *  served turned (give it to the transport's image URL, so a turn is fetched anew). Absent when upright as its file shows it. */
  rotation?: 90 | 180 | 270;
}

/** A search result: the photo and its similarity to the query (cosine, higher is closer). */
export interface PhotoHit extends Photo {
  score: number;
  /** A video: the time of its best-matching frame, seconds (the viewer plays from there). */
  time?: number;
  /** The words a `text:` term matched in the photo, with their boxes (search/search.ts). */
  photoText?: PhotoTextMatch;
}

/** How a photo was taken, as its camera recorded it (EXIF): each figure absent where it recorded none. */
export interface PhotoExposure {
  /** Seconds the shutter was open (1/160 s: 0.00625). */
  time?: number;
  /** The aperture's f-number (7.1 for f/7.1). */
  fNumber?: number;
  iso?: number;
  /** The lens's own focal length, mm. */
  focalLength?: number;
  /** The camera's own figure for the same view on 35 mm film, mm. */
  focalLength35mm?: number;
}

/** Everything the viewer shows about one photo. */
export interface PhotoDetails extends Photo {
  size: number;
  mtimeMs: number;
  cameraMake: string | null;
  cameraModel: string | null;
  gpsLat: number | null;
  gpsLon: number | null;
  /** The town its GPS position belongs to (GeoNames, offline); absent without a position or
   *  with no town of 1,000 people within 50 km. */
  place?: PhotoPlace;
  /** The model whose embedding the library holds for it. */
  modelId: string;
  indexedAt: number;
  /** Its tags from every label set, the user's decisions included (rejected ones too, so
   *  the viewer can offer to undo them), best score first. */
  tags: PhotoTag[];
  /** Present when the user set its date taken by hand: the file's own date (null: none), to
   *  say so and to offer putting it back. */
  takenEdited?: { fileTakenAt: number | null; fileTakenOffset: number | null };
  /** Present when the user set (or removed: `gpsLat` null) its place by hand: the file's own position (null: none). */
  placeEdited?: { fileGpsLat: number | null; fileGpsLon: number | null };
  /** The user's description of it ("Grandma's 80th"), when there is one. */
  description?: string;
  /** The text read in it (Text in photos: its lines, one per line), when some was read: absent
   *  before it is read or when it holds none (text read before the setting went off stays). */
  photoText?: string;
}

/** How a photo was taken, read from its file when asked (LibraryApi.photoShot; core/media/exposure.ts),
 *  never stored. Worded by shared/exposure-text.ts. */
export interface PhotoShot {
  /** Absent where the file records none, is a video, or is not reachable from this device. */
  exposure?: PhotoExposure;
  /** The lens as the camera names it ("iPhone 6 back camera 4.15mm f/2.2"); absent as `exposure` is. */
  lens?: string;
  /** A video's encoding, named ("HEVC/H.265": core/media/video-codec.ts); absent for a photo, or where ffmpeg cannot tell. */
  videoCodec?: string;
}

/** A place set by hand: a position (WGS84 degrees), 'none' to remove the place (the photo shows
 *  none, whatever its file says), or null to put the file's own back. */
export type PlaceSetting = { lat: number; lon: number } | 'none' | null;

/** A place the user can set on photos (Edit location): a town of the offline list, or a
 *  typed position, with what it is called ("Florence, Italy"; coordinates far from any town). */
export interface PlaceChoice {
  label: string;
  lat: number;
  lon: number;
}

/** Where a photo was taken, named (src/core/places). */
export interface PhotoPlace {
  /** The town, as GeoNames spells it ("Florence", "Reykjavík"). */
  city: string;
  /** Its country, in English ("Italy"). */
  country: string;
  /** ISO 3166-1 alpha-2 ("IT"). */
  countryCode: string;
}

export interface PlaceTown {
  city: string;
  /** "Arezzo, Italy": what `TimelineOptions.place`, `SearchFilters.place` and `AlbumFilters.place` take. */
  place: string;
  count: number;
  /** Of `count`, how many are videos; absent: none. */
  videos?: number;
  /** Its newest photo. */
  cover: Photo;
  /** Where its photos were taken, on average (degrees; the longitude's mean taken around the
   *  circle, so a town on the antimeridian stays there): a point for a map. */
  lat: number;
  lon: number;
}

export interface PlaceCountry {
  country: string;
  countryCode: string;
  /** The country's name ("Italy"), as the place filters take it. */
  place: string;
  count: number;
  /** Of `count`, how many are videos; absent: none. */
  videos?: number;
  cover: Photo;
  /** Most photos first. */
  towns: PlaceTown[];
}

/** The library's photos by where they were taken (`places()`). */
export interface PlacesSummary {
  /** Most photos first. */
  countries: PlaceCountry[];
  /** Photos placed in a town. */
  located: number;
  /** Of `located`, how many are videos; absent: none. */
  locatedVideos?: number;
  /** Photos with a GPS position but no town within 50 km (at sea, a wilderness): `timeline({ farFromTowns: true })`. */
  unplaced: number;
  /** Of `unplaced`, how many are videos; absent: none. */
  unplacedVideos?: number;
  /** Photos without a position (none recorded, none set): `timeline({ withoutPlace: true })`. */
  withoutPlace: number;
  /** Of `withoutPlace`, how many are videos; absent: none. */
  withoutPlaceVideos?: number;
  /** Only with `places(query)`: what the query names, null when no photo's place. */
  named?: PlacesNamed | null;
}

/** The place(s) a search query names (src/core/places/places-named.ts): the photos it names
 *  are those `shoebox places QUERY` and the place filters take for the same text. */
export interface PlacesNamed {
  /** What the place filters take for all of them: "United States" for "usa"; "Paris" for
   *  Paris, France and Paris, United States. */
  place: string;
  /** Photos taken there. */
  count: number;
  /** Of `count`, how many are videos; absent: none. */
  videos?: number;
  /** The countries (a country named) or towns (a town named) it covers, most photos first. */
  places: { place: string; count: number }[];
}

export interface PageOptions {
  /** Skip this many (default 0). */
  offset?: number;
  /** At most this many (default 100): 1..1000 for a listing (api-methods MAX_LIMIT), 1..10,000 for a search (shared/search-page-limit.ts). */
  limit?: number;
}

export interface ListPhotosOptions extends PageOptions {
  /** Only photos under this library folder. */
  folder?: string;
}

export interface SearchOptions extends PageOptions {
  /** Date range, folder, camera, location, tag (src/shared/search.ts); every one given must hold. */
  filters?: SearchFilters;
  /** No relevance cut-off: every photo that passes the filters, best first (CLI --all). */
  all?: boolean;
  /** Order of the set the cut-off chose: best first (default) or newest taken first. */
  sort?: SearchSort;
  /** Embed text terms as written, without the prompt templates ("a photo of ..."; CLI --raw). */
  raw?: boolean;
}

export type SearchSort = 'score' | 'date';

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
  /** The relevance cut-off applied (absent with `all`). */
  minScore?: number;
  /** Nothing passed the cut-off, so these are the closest photos below it, best first
   *  ("No strong matches. Closest photos:"). */
  closest?: boolean;
  /** The first page (offset 0) of a search or similar search that found nothing, or only the
   *  closest photos: why, as the core decided it (search-empty.ts); absent otherwise. */
  empty?: SearchEmpty;
}

/** An image from outside the library to search by (a dropped file), as base64 bytes. */
export interface QueryImage {
  /** The file's name, for messages only. */
  name: string;
  base64: string;
}

/** Largest query image accepted (bytes, before base64). */
export const MAX_QUERY_IMAGE_BYTES = 40 * 1024 * 1024;

// ---- Timeline (src/core/api/timeline-api.ts) ----------------------------------------------

/** taken: newest taken first (the file's time for a photo without a date); added: newest indexed first. */
export type TimelineOrder = 'taken' | 'added';

export interface TimelineOptions extends PageOptions {
  /** Default 'taken'. */
  order?: TimelineOrder;
  /** Only photos under this library folder. */
  folder?: string;
  /** Only photos carrying this tag (automatic or accepted). */
  tag?: string;
  /** Only the favourites. */
  favourite?: boolean;
  /** true: the Archive (only archived photos, with any other filter). Otherwise archived
   *  photos are left out of the whole library's timeline and On this day, and kept in a view
   *  narrowed on purpose (folder, tag, favourite, place), as Google Photos keeps them in albums. */
  archived?: boolean;
  /** Only photos taken there: a town ("Arezzo"), a country ("Italy", "IT") or both
   *  ("Arezzo, Italy"); case and accents ignored (src/core/places/place-query.ts). A name that
   *  is no town or country anywhere ("Narnia") is refused with a QueryError, as search's
   *  `place` is, not answered with no photos. */
  place?: string;
  /** Only photos without a position (none recorded, none set by hand): those to give a place. */
  withoutPlace?: boolean;
  /** Only photos with a position but no town near it (PlacesSummary's `unplaced`): a
   *  mistyped position to set again, a photo taken at sea. */
  farFromTowns?: boolean;
  /** Only the videos (the Videos view, as Google Photos' and Apple Photos' media type). */
  videos?: boolean;
  /** Only photos whose description has every word of this text (each the start of one of its
   *  words; case and accents ignored): "grandma birth" finds "Grandma's 80th birthday". */
  described?: string;
  /** "On this day": a date (YYYY-MM-DD, today on the viewer's calendar): only photos taken
   *  on its month and day in earlier years (by their date taken; photos without one are left
   *  out). On 28 February of a year without 29 February, photos of 29 February count too. */
  onThisDay?: string;
  /** The viewer's offset from UTC in minutes east (-(new Date().getTimezoneOffset())): file
   *  and indexing times are instants, shown on the viewer's clock; dates taken are the
   *  camera's clock already. Absent: the clock of the machine the engine runs on, as search's
   *  and albums' dates (core/store/photo-date.ts). */
  utcOffset?: number;
}

export interface TimelinePhoto extends Photo {
  /** Its place in the order, a wall-clock time read as UTC (like `takenAt`): the date taken,
   *  else the file's modification time (`fileTime`); with 'added', when it was indexed. */
  date: number;
  /** No date taken is recorded: `date` is the file's time (the app marks it as such). */
  fileTime?: boolean;
}

/** A page of the timeline, in its order (stable under offset/limit while the library is unchanged). */
export interface TimelinePage {
  total: number;
  offset: number;
  photos: TimelinePhoto[];
  /** On this day (which leaves the archive out): how many photos of the day in earlier years
   *  are archived, so not in this timeline; absent for other views. */
  archivedLeftOut?: number;
}

export interface TimelineDay {
  /** YYYY-MM-DD of `date`. */
  day: string;
  count: number;
}

/** Every day of the timeline that has photos, in its order: what the grid lays out its
 *  date headers with and the scrubber jumps by, before any photo is loaded. */
export interface TimelineSummary {
  total: number;
  /** Of `total`, how many are videos (the count says them apart: "20 photos, 5 videos"); absent: none. */
  videos?: number;
  days: TimelineDay[];
}

// ---- Folders, failures, jobs ---------------------------------------------------------

/** What mapFolders did. */
export interface FoldersMapped {
  /** The folder named, when it is not a library folder but holds `folders`; absent when it is one. */
  parent?: string;
  /** The library folders mapped (or whose mappings were forgotten), as this device sees them now. */
  folders: FolderInfo[];
  /** Of `folders`, how many this device had mapped before. */
  wasMapped: number;
  /** Of `folders` (mapped, not unmapped), the library paths of those whose new place holds none
   *  of their photos (empty: not synced yet, or another folder): mapped all the same, and said. */
  holdingNone?: string[];
}

export interface FolderInfo {
  /** Where the folder is on this device (a shared library's folder mapped here, else as the library keeps it). */
  path: string;
  /** The folder as the library keeps it, when this device maps it to another path (mapFolder). */
  libraryPath?: string;
  /** This device cannot find the folder (another device's path, or not mounted): offer "Locate folder…". */
  unreachable?: true;
  /** Not found here, and every photo of it is in the library again below this folder (moved
   *  into another library folder?): offer to remove the old folder (its photos' marks stay). */
  copiesAt?: string;
  addedAt: number;
  /** Photos indexed under it. */
  photos: number;
  /** Of `photos`, how many are videos (as `status` says them apart); absent: none. */
  videos?: number;
  /** Files under it that could not be indexed (see listFailures). */
  failed: number;
  /** Indexing paused by the user (pauseIndexing): not indexed or followed until resumed, or
   *  until the app starts again. */
  paused?: true;
}

/** A folder a folder filter can narrow to (photoFolders): a library folder or one below it. */
export interface PhotoFolder {
  path: string;
  /** Photos at or under it. */
  photos: number;
  /** Of `photos`, how many are videos (the choice says them apart); absent: none. */
  videos?: number;
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
export type JobKind = 'index' | 'remove-folder' | 'tag' | 'dupes' | 'install-model' | 'repair' | 'trash' | 'read-text' | 'copy-library' | 'import-descriptions' | 'import-photos';
export type JobStateName = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobResult {
  added: number;
  /** Of `added`, photos whose content the library had under another path (a rename, a move, a
   *  copy: the embedding reused), said as moved (shared/moved-text.ts: "1 photo moved", and not as removed); absent: none. */
  moved?: number;
  /** Photos already in the library that the model in use embedded for the first time (after a model switch). */
  newToModel?: number;
  updated: number;
  removed: number;
  embedded: number;
  failed: number;
  /** What a job other than indexing did, one line ("tagged 120 of 300 photos"). */
  summary?: string;
  /** What `summary` covers, a line each where one line is not enough: a repair's tables
   *  ("favourites: a data file is unreadable; rebuilt empty, 12 rows lost"), and where it kept
   *  the damaged files; the lines `shoebox repair` prints under its first. */
  details?: string[];
  /** The files it could not handle, with why (an import's: a file it could not copy, the card
   *  gone mid-import), at most MAX_JOB_FAILURES of them (`failed` counts them all). `files`:
   *  how many of `failed` the entry stands for (an import's destination that could not be
   *  written is one entry for every file it stopped); absent: one. */
  failures?: { path: string; reason: string; files?: number }[];
  /** A reading of text in photos ('read-text' job): what the pass did. */
  text?: TextReadingCounts;
}

/** What one pass of reading text in photos did (`shoebox index --json` prints it as `textReading`). */
export interface TextReadingCounts {
  /** Photos whose text was read (some have none). */
  read: number;
  /** Photos the OCR could not read (recorded, not tried again). */
  unreadable: number;
  /** Photos still without text: for the next pass. */
  left: number;
  /** Stopped before the end (cancelled: Ctrl-C, the setting turned off, the library closing). */
  interrupted: boolean;
}

/** The most failures a job's result names (JobResult.failures). */
export const MAX_JOB_FAILURES = 50;

export interface JobState {
  id: string;
  kind: JobKind;
  /** What the job works on: a folder's path for index/remove-folder/tag ('' = the whole
   *  library), '' for dupes, the model id for install-model. */
  folder: string;
  state: JobStateName;
  /** While running: items done of total (photos; bytes for install-model), rate and ETA. */
  progress: IndexProgress | null;
  /** What a job of several steps does now, its progress counting that step's items: an
   *  import is 'copying', then 'indexing'. */
  step?: 'copying' | 'indexing';
  result: JobResult | null;
  /** Why it failed, one line. */
  error: string | null;
  /** What the failure is, for a front end that words what comes next itself, set where the core
   *  gives a code: an install-model job's ModelError code ('verify': a file's bytes failed
   *  verification and its bad copy was deleted; 'hub', 'cancelled': the finished bytes are kept).
   *  Absent otherwise. */
  errorCode?: string;
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
  /** What modelProblem is, for a front end to decide by rather than by its words (set by the
   *  core with modelProblem): 'no-model', none on this device (the first run's and the banner's
   *  own subject: their offer of a model says it); 'unusable', the chosen one cannot be used
   *  (half-installed, broken); 'not-found', one named (--model, --model-dir) is not there;
   *  'not-opened', installed, but the library cannot be opened with it yet. */
  modelProblemKind?: 'no-model' | 'unusable' | 'not-found' | 'not-opened' | null;
  photos: number;
  folders: number;
  failed: number;
  /** Folders are followed for changes (new, edited, deleted photos). */
  watching: boolean;
  /** Why folders are not followed any more, while it lasts: the watcher stopped for a cause it
   *  does not recover from while this engine runs (the model replaced on disk: "model X was
   *  replaced on disk after this … started: restart it to use the new build"). Absent otherwise. */
  watchStopped?: string;
  /** Jobs queued or running, then the most recent finished ones. */
  jobs: JobState[];
  /** A store file is damaged ("library damaged: <table> cannot be read (...)"): repairLibrary() fixes it. */
  damaged?: string | null;
  /**
   * Another process writes the library (`shoebox watch` on another device, the app on another
   * laptop): its "library busy …" line. This device shows the library for searching and
   * viewing meanwhile; changes are refused with that line, and the app takes over writing by
   * itself once that process is done (its watcher tries every 10 s). Null while this one writes.
   */
  writerElsewhere?: string | null;
  /**
   * The same, said for front ends to decide by rather than read from the line: who holds the
   * library (null: unnamed), and why this device does not write: 'busy' (another process
   * writes), 'lease-lost' (this device's turn to write lapsed; another may write now),
   * 'connection' (the library's server stopped answering). Null while this one writes.
   */
  writer?: { holder: string | null; reason: 'busy' | 'lease-lost' | 'connection' } | null;
}

export interface ModelInfo {
  id: string;
  /** 'catalog': offered for download; 'imported': a folder the user brought; 'folder': given as --model-dir. */
  source: 'catalog' | 'imported' | 'folder';
  installed: boolean;
  active: boolean;
  dir: string;
  description: string | null;
  /** Bytes on disk when installed, else the catalog's estimate of the download; null if unknown. */
  bytes: number | null;
  /** BCP 47 codes text search works in ("mul": many); empty when not known (not from the catalog). */
  languages: string[];
  /** The default a new library is offered (src/core/models/catalog.ts DEFAULT_MODEL_ID). */
  recommended: boolean;
  /**
   * Published figures (catalog models only): Crossmodal-3600 recall (%) by language, CPU
   * milliseconds per inference, peak memory (MiB), and where they are published.
   */
  benchmark: { recall: Record<string, number>; ms: number; memoryMiB: number; source: string } | null;
  /** Where the catalog confirmed the repository (catalog models only). */
  catalogSource: string | null;
  /** How many of the library's photos (ModelsInfo.libraryPhotos) this model has embedded, for
   *  an installed model: what a switch to it leaves to embed. Null or absent: not known (not
   *  installed, or the library could not be read). */
  embeddedPhotos?: number | null;
  /** A download was started and not finished: its bytes are kept (models/.partial) and the
   *  next install resumes it, as `shoebox models list` says "partial" (known after a restart too). */
  partial?: boolean;
  /** Its folder is here but incomplete or broken (not installed): why, and the fix, in one line,
   *  as `shoebox models list` says it. Absent: whole, or not here. */
  broken?: string;
}

export interface ModelsInfo {
  /** The model in use, or null (no model installed or chosen). */
  inUse: ActiveModel | null;
  models: ModelInfo[];
  /** With no model in use (inUse null): the model this device is offered first. Null while one is in use. */
  offer?: ModelOffer | null;
  /** The library's photos (videos included), embedded by any model, for ModelInfo.embeddedPhotos;
   *  null or absent where the library could not be read. */
  libraryPhotos?: number | null;
}

/**
 * The model offered to a device without one in use (the first-run screen, the banner over a
 * library viewed without a model): the one the library's photos are embedded with, when it
 * holds embeddings (with several models, the one with the most photos), so that they are
 * searched as they are rather than all embedded again; else the catalog's recommended model.
 * Which one, and how this device gets it, is the core's choice (core/api/models-info.ts);
 * installing another model stays possible (Settings → Model), it is only not the one offered.
 */
export interface ModelOffer {
  id: string;
  /** 'library': the library's photos are embedded with it; 'recommended': nothing is embedded yet, the catalog's default. */
  reason: 'library' | 'recommended';
  /** Photos embedded with it (0 for 'recommended'). */
  photos: number;
  /**
   * How this device gets it. 'install': a catalog model, downloaded (installModel(id)).
   * 'use': installed here, not chosen (useModel(id)). 'chosen': installed and chosen, the
   * library opens with it once it can (status() tries again). 'import': not in the catalog (a
   * model folder imported, or given with --model-dir, where the photos were embedded): only that
   * folder brings it, imported from a terminal.
   */
  bring: 'install' | 'use' | 'chosen' | 'import';
  /** The same from a terminal, as `shoebox status` says it ("shoebox models import DIR"); null for 'chosen'. */
  command: string | null;
  /** Its folder is on this device but incomplete or broken: one line saying why and the fix
   *  (remove it, then install or import it again; `command` says the same as one line). */
  broken?: string;
}

// ---- Tags (src/core/tags) -----------------------------------------------------------------

/** auto: from zero-shot classification; accepted/rejected: the user's decision, which also
 *  adapts the label for later classifications. */
export type TagState = 'auto' | 'accepted' | 'rejected';

export interface PhotoTag {
  set: string;
  label: string;
  /** Confidence in [0, 1]. */
  score: number;
  state: TagState;
}

export interface LabelInfo {
  name: string;
  /** Extra prompts used as written, beside the set's templates filled with the name. */
  prompts: string[];
}

/** A label set as the editor edits it (and as `shoebox labels export` writes it). */
export interface LabelSetInput {
  name: string;
  labels: (string | { name: string; prompts?: string[] })[];
  /** Minimum confidence for a tag (default 0.3). */
  threshold?: number;
  /** Minimum cosine by which a label must beat the set's other labels (default 0.05). */
  margin?: number;
  /** Prompt templates with `{}` for the label; default: the CLIP paper's ensemble. */
  templates?: string[];
}

export interface LabelSetInfo {
  name: string;
  labels: LabelInfo[];
  threshold: number;
  margin: number;
  templates: string[] | null;
  /** Folders whose newly indexed photos are tagged with this set ('' = the whole library). */
  autoFolders: string[];
  /** The set's content as loaded, for saveLabelSet's `expectedRevision`: a save is refused
   *  once the set has changed since (an import elsewhere), rather than writing over it. */
  revision: string;
}

/** How many photos carry a label (auto or accepted), for the tag filter and the sidebar. */
export interface TagCount {
  set: string;
  label: string;
  count: number;
}

/** One entry of the tag filter's list: a label as search's `tag` filter takes it (in any set,
 *  in any case), with how many photos it finds, each photo once. */
export interface TagChoice {
  /** The label as the sets spell it (the spelling most of its photos show). */
  label: string;
  photos: number;
}

export interface TagReviewOptions extends PageOptions {
  set: string;
  /** Only this label of the set. */
  label?: string;
  /** Only tags in this state (default: 'auto', the ones still to review). */
  state?: TagState;
}

/** A photo with one of its tags, for the review screen. */
export interface TaggedPhoto extends Photo {
  tag: PhotoTag;
}

/** Tags to review, least confident first (the ones most worth a look). */
export interface TagReviewPage {
  total: number;
  offset: number;
  photos: TaggedPhoto[];
}

// ---- Smart albums (src/core/albums) --------------------------------------------------------

export interface AlbumFilters {
  /** Only photos under this library folder. */
  folder?: string;
  /** Only photos carrying this tag. */
  tag?: string;
  /** Only the favourites (a favourite marked later joins the album, unmarked leaves it). */
  favourite?: boolean;
  /** Only photos taken there, as `TimelineOptions.place` takes it. */
  place?: string;
  /** Taken from the start of this date on, as `SearchFilters.after` takes it: `2024-03-07` is
   *  that calendar day on the camera's clock, wherever the machine is. Kept as the core writes it
   *  (a day's start as `YYYY-MM-DD`). A photo without a date taken is dated by its file's time on
   *  the clock `utcOffset` names, as the timeline on that clock dates it (store/photo-date.ts). */
  after?: string;
  /** Taken before the start of this date (exclusive, as `SearchFilters.before`): a range ending
   *  with 7 March inclusive has `before: '2024-03-08'`. */
  before?: string;
  /** With `after`/`before`: the clock they read a photo's file time on (a photo without a date
   *  taken), in whole minutes east of UTC, as `TimelineOptions.utcOffset`. The viewer's when the
   *  album was saved (the app sends its window's, the CLI its machine's), kept with the album so
   *  its members are the same whoever reads it, wherever (album-service.ts says why); absent:
   *  the engine machine's clock. Dropped when there are no dates. */
  utcOffset?: number;
}

export interface AlbumInput {
  name: string;
  /** Text (the query language) or the path of an image; empty: a hand-picked album (its
   *  photos are the ones pinned to it, no threshold, no filters). */
  query: string;
  /** Minimum cosine to the query; absent: automatic, the search's relevance cut-off calibrated
   *  for the model in use (it follows the model and the library). */
  threshold?: number;
  filters?: AlbumFilters;
  /** A new album only (saveAlbum without previousName): photo ids pinned into it in the same
   *  save, in this order (the selection's "New album"). Ids naming no library photo are left
   *  out and counted (AlbumInfo.missingPins); when none names one, no album is made. */
  pins?: string[];
}

/** An album's definition without its name: what the editor's live preview asks about. */
export type AlbumDraft = Omit<AlbumInput, 'name' | 'pins'>;

/** What an album would hold now (before pins and exclusions), best first. */
export interface AlbumPreview {
  /** Photos that match. */
  total: number;
  /** The threshold in effect: the draft's own, or the calibrated cut-off when automatic. */
  threshold: number;
  photos: PhotoHit[];
}

export interface AlbumInfo {
  name: string;
  query: string;
  /** The threshold in effect now: the album's own, or the calibrated cut-off when automatic. */
  threshold: number;
  /** No threshold of its own: `threshold` is the model's calibrated cut-off for the query. */
  thresholdAutomatic: boolean;
  filters: AlbumFilters;
  /** Photos in it now (query matches + pinned − excluded). */
  members: number;
  /** After a save with `pins` (AlbumInput): how many of them named no library photo (left
   *  out); absent: none. */
  missingPins?: number;
  /** Of `members`, how many are videos (the count says them apart: "4 photos, 1 video"); absent: none. */
  videos?: number;
  /** No query: its photos are exactly the ones pinned to it (in pin order); `threshold`
   *  means nothing then, and excluding a photo only unpins it. */
  handPicked: boolean;
  pinned: number;
  excluded: number;
  /** The ids of the photos excluded by hand, so the UI can show them and undo that. */
  excludedIds: string[];
  /** Of the photos its query matches, how many are excluded by hand (an empty album says so); absent: none. */
  excludedMatches?: number;
  createdAt: number;
  /** What the album's name, query, threshold and filters are now, in one token: handed back to
   *  `saveAlbum`, which refuses the save when the album changed since (an edit made elsewhere). */
  revision: string;
  /** Why its members cannot be computed now (one line; `members` is then 0): the album is
   *  still listed, can be opened, edited and removed. Absent when it works. */
  error?: string;
}

export interface AlbumPhoto extends PhotoHit {
  pinned: boolean;
}

/** An album's members, best score first. */
export interface AlbumPage {
  total: number;
  offset: number;
  photos: AlbumPhoto[];
}

/** What an action on a selection did: photos it applied to, and ids that named none in the library. */
export interface BatchResult {
  done: number;
  missing: number;
  /** Of `done`, the photos that were so already (a favourite made a favourite again), where the action can tell. */
  unchanged?: number;
  /** The ids of the photos this call changed, where the action can tell: what its Undo puts back. */
  changed?: string[];
  /** Of the photos changed (`done` − `unchanged`), the videos, where the action can tell (the
   *  line says them apart: "Archived 2 photos, 1 video."); absent: none. */
  changedVideos?: number;
  /** Of `unchanged`, the videos, where the action can tell; absent: none. */
  unchangedVideos?: number;
  /** Marks kept by content (favourites, the archive): the library's other copies of the photos
   *  changed, which the mark took along (not counted in `done`). */
  copies?: number;
}

/** A rotation: `videos`, videos asked for, which are not turned. */
export interface RotateResult extends BatchResult {
  videos: number;
}

/** A shift of dates taken: `undated`, photos that had no date to move; `undo`, when some photo
 *  moved, the handle undoEdit takes to put back exactly the date each had before. */
export interface ShiftResult extends BatchResult {
  undated: number;
  undo?: number;
}

/** A date or place set by hand (or put back): `undo`, when some photo changed, the handle
 *  undoEdit takes to put back exactly what each had before. */
export interface EditResult extends BatchResult {
  undo?: number;
}

/** An undone date or place change: `done`, the photos put back as they were; `changedSince`,
 *  those changed again since, which keep their newer value. */
export interface UndoEditResult {
  done: number;
  changedSince: number;
}

/** pinned: in the album whatever its score; excluded: out of it whatever its score; auto: as the query says. */
export type AlbumMembership = 'pinned' | 'excluded' | 'auto';

export interface AlbumExportReport {
  dir: string;
  /** The photos the folder holds now, those it held already from an earlier export included. */
  exported: number;
  /** Of `exported`, the videos (said apart: "3 photos, 1 video"). */
  videos: number;
  /** Of `exported`, those the folder held already (not written again). */
  alreadyThere: number;
  failed: { path: string; error: string }[];
  /** Copies of photos the user turned, written turned (a JPEG's EXIF orientation; nothing re-encoded). */
  turned: number;
  /** Turned photos exported as their files show them: links, and copies of other formats than JPEG. */
  unturned: string[];
  /** Copies written with the date or place set (or the place removed) by hand in Shoebox. */
  edited?: number;
  /** Photos with such edits exported as their files show them: links, and copies of other formats than JPEG. */
  unedited?: string[];
  /** Sidecars in the folder from an earlier export that differ from the photos' now: left as they are. */
  keptSidecars?: string[];
}

/** The longest description kept (a paragraph or two), in characters once trimmed. */
export const MAX_DESCRIPTION = 2000;

/** What an import of captions from files did (src/core/api/description-import.ts). */
/** What an import from a camera card or folder did (importPhotos). */
export interface PhotoImportResult {
  from: string;
  to: string;
  /** The new files, by path (photos and videos, told by their content, sorted into day folders under `to`). */
  copied: string[];
  /** How many of `copied` are videos (the rest are photos). */
  copiedVideos: number;
  /** Files whose content the library holds already (or an earlier import's copy in the day folder, indexed now): not copied. */
  already: number;
  /** How many of `already` are videos. */
  alreadyVideos: number;
  /** Of `already`, the copies in the library it recorded as unreadable (by their paths there): not copied again, named once. */
  alreadyUnreadable: string[];
  /** Files on the card (by path) whose content the user moved to the trash from Shoebox: not copied back (`--include-trashed` copies them). */
  trashed: string[];
  /** How many of `trashed` are videos. */
  trashedVideos: number;
  /** Files whose content an earlier file in the same import has (a second copy on the card): copied once. */
  duplicates: number;
  /** Files left where they are as no photo or video by their content (a text file named .JPG, an empty file), with why. */
  skipped: { path: string; reason: string }[];
  /**
   * What went wrong, with why: `step: 'copy'`: a file (or folder) on the card that could not be
   * read or copied; `step: 'index'`: a copy (by its path in the library) that could not be indexed.
   */
  failed: PhotoImportFailure[];
  /** Photos and videos indexed after the copy. */
  indexed: number;
  /** Stopped before the end: what was copied is indexed by the next import (or index run). */
  stopped: boolean;
}

export interface PhotoImportFailure {
  path: string;
  error: string;
  step: 'copy' | 'index';
}

export interface DescriptionImport {
  /** Photos (contents) read that had no description. */
  read: number;
  /** Of those, the ones whose caption became their description. */
  imported: number;
  /** Photos none of whose files could be read here (tried again by the next import). */
  unreadable: string[];
  /** Photos that had a description already (left as they are). */
  described: number;
  /** Keywords added as tags (a decision the photo has there already is left as it is). */
  keywords: number;
  /** The label set they are tags of ("keywords", unless a set of the user's had that name); null when none was written. */
  keywordSet: string | null;
  /** Photos given at least one of them. */
  keyworded: number;
  /** Keywords not added: a label set needs two labels (the only keyword so far), or holds at most 10,000. */
  heldBack: string[];
}

// ---- Duplicates (src/core/dupes) ------------------------------------------------------------

/** exact: same bytes; near: the same picture edited (resized, re-encoded, brightened,
 *  cropped); similar: CLIP embeddings above a threshold (bursts), opt-in. */
export type DuplicateKind = 'exact' | 'near' | 'similar';

/** A group this large was hardly checked photo by photo (similar look-alikes chain into one
 *  group of hundreds): trashing it takes a warning and an explicit yes, in the CLI and the app. */
export const LARGE_DUPLICATE_GROUP = 50;
/** The CLIP cosine from which two photos are "similar" duplicates, unless the caller gives one
 *  (not calibrated on real weights; src/core/dupes/find-duplicates.ts applies it). */
export const DEFAULT_SIMILAR_THRESHOLD = 0.93;

export interface DuplicateMemberInfo {
  id: string;
  path: string;
  /** As it shows: turned, when the user turned it (Rotate). */
  width: number;
  height: number;
  bytes: number;
  /** Clockwise degrees the user turned it by (Rotate); absent when upright. Its image URLs carry it. */
  rotation?: 90 | 180 | 270;
  /** When it was taken (the camera's clock read as UTC, a date set by hand included, as Photo's);
   *  absent when the library has none. Two copies may differ only by this (a re-dated EXIF). */
  takenAt?: number;
  takenOffset?: number;
  /** What the user gave this very content, which is at stake when it goes (the duplicates
   *  trash hands favourites, descriptions and album pins to the keeper; not the archive). */
  favourite?: true;
  archived?: true;
  described?: true;
  /** Albums it was added to by hand (pinned: a hand-picked album's photos, or a pin in a smart
   *  album); a smart album's own query matches are not counted. Absent: none. */
  albums?: number;
  /** Ids of the group's other members that are the same file on disk (hard links: same device
   *  and inode). Whichever of them is kept, the others stay: moving one frees nothing. */
  sameFileAs?: string[];
}

/** Why a group's keeper is ahead of another member, in keep-best's order (src/core/dupes/keep-best.ts):
 *  more pixels (of real detail), the original over an enlarged copy of it, a larger file, sharper, more complete EXIF, a real file in the library (the other
 *  a link or outside), a name that is not a copy's, an older file, first by path (identical copies).
 *  'resolution-without-camera' is a caution, not a plain reason: more pixels than a copy that has
 *  the camera's EXIF (date taken, camera) the keeper lacks, so the keeper may be an enlarged or
 *  re-saved copy; the trash holds such a picture back (src/core/dupes/camera-caution.ts). */
export type KeepReason = 'resolution' | 'resolution-without-camera' | 'not-upscaled' | 'size' | 'sharpness' | 'exif' | 'real-file' | 'name' | 'older' | 'path';

export interface DuplicateGroupInfo {
  kind: DuplicateKind;
  /** The id of the member to keep (best resolution of real detail, then EXIF as the camera wrote it, size, sharpness: src/core/dupes/keep-best.ts). */
  keep: string;
  /** The keeper first. */
  members: DuplicateMemberInfo[];
  /** Ids of members a remembered "not duplicates" covers (the group shows because others
   *  joined them); the trash never moves them on the strength of this group. */
  decided?: string[];
  /** What puts the keeper ahead of the other members (each reason that decides over one of
   *  them, in keep-best's order); absent when the page could not tell. */
  why?: KeepReason[];
  /** Its picture has similar shots (other photos, not copies), or a keeper that may be an
   *  enlarged copy ('resolution-without-camera'): held back from the trash until the user
   *  includes it (src/core/dupes/held-back.ts). */
  held?: true;
  /** Why `held`, as the trash decided it (src/core/dupes/held-back.ts heldReasons): what the review says. */
  heldFor?: DuplicateHeldReason[];
}

/** Why a picture is held back from the trash: similar shots, or a keeper that may be an enlarged copy. */
export type DuplicateHeldReason = 'similar' | 'unsure-keeper';

/** One picture of a page as the review shows it (the core groups them, as `shoebox dupes` lists
 *  them): its groups as one, each photo once (src/shared/duplicate-picture.ts). */
export interface DuplicatePictureInfo {
  kinds: DuplicateKind[];
  /** The id of the photo to keep: its largest group's keeper. */
  keep: string;
  /** Each photo once, the keeper first, then in keep-best's order. */
  members: DuplicateMemberInfo[];
  /** Ids of members a remembered "not duplicates" covers: they stay. */
  decided: string[];
  /** Why `keep` is: its largest group's reasons. */
  why?: KeepReason[];
  /** Held back from the trash (similar shots, or a keeper that may be an enlarged copy) until the user includes it. */
  held?: true;
  /** Why `held`: each reason of any of its groups (not only the widest's `why`). */
  heldFor?: DuplicateHeldReason[];
}

/** A picture too large to have been checked photo by photo: `keep`, its keeper's id (the
 *  picture's DuplicatePictureInfo.keep), and how many photos it has. */
export interface LargeDuplicatePicture {
  keep: string;
  photos: number;
}

/**
 * A page of the last finished duplicate scan (kept per model across restarts). The review
 * pages through pictures: groups sharing a photo (a picture's exact copies inside its near
 * group, near groups inside similar ones) are one picture, and a page carries every group of
 * its pictures. Members deleted or changed since the scan are left out, and groups left with
 * fewer than two members with them.
 */
export interface DuplicateReport {
  /** When the scan was made (epoch ms). */
  scannedAt: number;
  kinds: DuplicateKind[];
  /** Photos the scan looked at, less the members that left its report since (moved to the
   *  trash, deleted, changed). */
  photos: number;
  /** Photos the scan looked at; absent for a report saved before it was kept (`photos` may then
   *  already be lower). */
  scanned?: number;
  seconds: number;
  /** Pictures in the whole report (what offset and limit count). */
  total: number;
  /** Photos the whole report could free: every photo but one of each picture. */
  removable: number;
  /** The first picture of this page. */
  offset: number;
  /** The groups of this page's pictures, in the scan's order. */
  groups: DuplicateGroupInfo[];
  /** This page's pictures, grouped by the core, in the order `shoebox dupes` lists them. */
  pictures: DuplicatePictureInfo[];
  /** The whole report's pictures of LARGE_DUPLICATE_GROUP photos or more, by the core's measure
   *  (src/core/api/dupes-large.ts): moving photos of one takes an explicit yes. */
  largePictures: LargeDuplicatePicture[];
  /** Groups of the scan left out because a remembered decision covers them. */
  decided: number;
  /** The scan looked only under this library folder (`shoebox dupes --folder`); absent: everywhere. */
  folder?: string;
  /** The CLIP cosine the scan was given for similar shots (`shoebox dupes --threshold`); absent: the default. */
  threshold?: number;
}

/** A remembered "not duplicates" (keep both) about some photos, by content: the groups it
 *  covers stay out of every later report until one of the files changes. */
export interface DuplicateDecisionInfo {
  /** What undoDuplicateDecision (and `shoebox dupes undo`) takes. */
  id: string;
  kind: 'not-duplicates';
  /** Epoch ms. */
  decidedAt: number;
  /** The contents decided about, with where each file was then. */
  members: { path: string; hash: string }[];
  /** False once one of the contents is no longer in the library (changed or removed). */
  applies: boolean;
}

export interface TrashReport {
  /** Paths moved to the OS trash (and gone from the library). */
  moved: string[];
  /** Of `moved`, how many were videos (the app says them apart: "Moved 1 video to the trash."); absent: none. */
  movedVideos?: number;
  /** Left alone, with why (a keeper, changed since indexed, not in the last scan). */
  skipped: { path: string; reason: string }[];
  failed: { path: string; error: string }[];
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
  /** The library folders and the folders below them that hold photos, each with its photos
   *  at or under it, in path order (a folder before its subfolders); at most a few hundred,
   *  the shallowest first: the choices of a folder filter (SearchFilters.folder takes any). */
  photoFolders(): Promise<PhotoFolder[]>;
  /** Adds a folder and returns at once; it is indexed by a background job (events: 'job', 'index-progress'). */
  addFolder(path: string): Promise<JobState>;
  /** Stops any indexing of the folder and forgets it and its photos (the files are untouched). */
  removeFolder(path: string): Promise<void>;
  /** This device finds the library folder `folder` (its path as listed) at `path` ("Locate
   *  folder…"); null forgets the mapping. Kept in this device's home, never in the library. */
  mapFolder(folder: string, path: string | null): Promise<FolderInfo>;
  /** mapFolder, and for a folder that is not a library folder but holds some (the root of a
   *  share mounted under another path here): maps each of them to `path` + its path below
   *  `folder`, all or none (the refusal names each that cannot be mapped); null forgets their
   *  mappings. A folder that holds none is refused as mapFolder refuses it. */
  mapFolders(folder: string, path: string | null): Promise<FoldersMapped>;
  /** Stops indexing the folder (a queued or running job, the watcher's catch-up) and keeps it
   *  from being indexed or followed until resumeIndexing, or until the app starts again; what
   *  was indexed stays. */
  pauseIndexing(folder: string): Promise<void>;
  /** Indexes a paused folder again (a job: what it lacks is embedded) and follows it again. */
  resumeIndexing(folder: string): Promise<JobState>;
  /** Stops a queued or running job the user may stop: an import of photos or of descriptions
   *  (what is done stays, the next run goes on). Indexing is paused per folder instead. */
  stopJob(id: string): Promise<void>;
  listFailures(options?: ListPhotosOptions): Promise<FailurePage>;
  listPhotos(options?: ListPhotosOptions): Promise<PhotoPage>;
  /** null when the id names no photo in the library. What the library keeps: its file is not
   *  read (exposure and lens: photoShot), so callers that only check a photo is there stay cheap. */
  getPhoto(id: string): Promise<PhotoDetails | null>;
  /** How the photo was taken (exposure, lens), read from its file now: one short read, slow on a
   *  far disk, so only the viewer's details and `shoebox show` ask. null when the id names no
   *  photo in the library; {} for a video, a file not reachable from this device, or one
   *  without those tags. */
  photoShot(id: string): Promise<PhotoShot | null>;
  /** Photos matching a text description, best first. */
  search(query: string, options?: SearchOptions): Promise<SearchPage>;
  /** Photos that look like a library photo ("more like this"), best first. */
  similar(id: string, options?: SearchOptions): Promise<SearchPage>;
  /** Photos that look like an image from outside the library, best first. */
  searchByImage(image: QueryImage, options?: SearchOptions): Promise<SearchPage>;
  /** The library (or a folder, a tag) newest first, by date taken or date added. A `place`
   *  that is no town or country, or names nothing, is refused (a QueryError), as by search. */
  timeline(options?: TimelineOptions): Promise<TimelinePage>;
  /** The timeline's days with their photo counts (`offset`/`limit` are ignored). */
  timelineSummary(options?: TimelineOptions): Promise<TimelineSummary>;
  /** Writes these photos into `dir` as symbolic links, or copies (a selection's export). */
  exportPhotos(ids: string[], dir: string, copy?: boolean): Promise<AlbumExportReport>;
  /** Moves these photos to the OS trash (the UI confirms first) with the duplicates trash's
   *  safety checks: each still the indexed bytes, inside a library folder, and never the real
   *  file of a photo that stays. Moved photos leave the library. */
  trashPhotos(ids: string[]): Promise<TrashReport>;
  models(): Promise<ModelsInfo>;
  /** Downloads a catalog model in a background job (progress in bytes); it becomes active
   *  when no model is. */
  installModel(id: string): Promise<JobState>;
  /** Makes an installed model the one the library embeds and searches with; photos not yet
   *  embedded with it are embedded by background jobs. */
  useModel(id: string): Promise<LibraryStatus>;
  /** Deletes a model from this device (its folder, broken or whole, and any unfinished download
   *  of it), as `shoebox models remove ID` does: refused, in one line, while a live process has
   *  it loaded (this one too: the model in use is not removed from under the library). When
   *  settings named it active, none is active after (wasActive). */
  removeModel(id: string): Promise<{ id: string; removed: boolean; removedPartial: boolean; wasActive: boolean }>;
  jobs(): Promise<JobState[]>;
  /** Brings damaged store tables back to their last readable version in a background job
   *  (`shoebox repair`), then indexes the folders again: what the repair lost is embedded anew. */
  repairLibrary(): Promise<JobState>;
  /** A folder chosen in the platform's folder dialog (Electron); null where the transport
   *  has none (`shoebox serve`: the UI asks for a typed path) or the user cancelled. */
  chooseFolder(): Promise<string | null>;

  // Tags
  listLabelSets(): Promise<LabelSetInfo[]>;
  /** The label sets that ship with Shoebox (scenes, animals, …), to start a new set from. */
  shippedLabelSets(): Promise<LabelSetInput[]>;
  /** Creates a label set, or with `previousName` (its own name: a set keeps it) changes that
   *  one; a new set under a name taken is refused. One-line error naming a bad field. With
   *  `expectedRevision` (LabelSetInfo.revision as the editor loaded it), refused in one line
   *  ("… was changed elsewhere since you opened it …") when the set has changed since. */
  saveLabelSet(set: LabelSetInput, previousName?: string, expectedRevision?: string): Promise<LabelSetInfo>;
  /** Forgets the set, its tags and its auto-tagged folders (sidecars already written stay). */
  removeLabelSet(name: string): Promise<void>;
  /** Tags the photos under `folder` (null: the whole library) in a background job, and keeps
   *  tagging photos indexed there later. */
  tagFolder(set: string, folder: string | null): Promise<JobState>;
  stopAutoTagging(set: string, folder: string | null): Promise<void>;
  tagCounts(): Promise<TagCount[]>;
  /** The labels some photo carries, grouped as the tag filter matches them, most photos first. */
  tagChoices(): Promise<TagChoice[]>;
  reviewTags(options: TagReviewOptions): Promise<TagReviewPage>;
  /** Readies the set for decisions (the review screen calls it as it opens, not waiting for
   *  it): its suggestions scored again as the decisions shape them, and kept in memory, so the
   *  first accept or reject is as quick as the later ones. Resolves true when that changed the
   *  stored suggestions (a list read before is out of date). */
  prepareTagDecisions(set: string): Promise<boolean>;
  /** Records the user's decision on one photo's tag; returns the photo's tags after it. */
  setTagState(id: string, set: string, label: string, state: TagState): Promise<PhotoTag[]>;
  /** The same decision on many photos (a selection), in one write; ids naming no library
   *  photo are counted as `missing`, the others decided. */
  setTagStates(ids: string[], set: string, label: string, state: TagState): Promise<BatchResult>;

  // Favourites (core/favourites): kept by content, in the library, so they follow a photo
  // through renames and show on every device.
  /** Marks (or unmarks) the photos as favourites, in one write; ids naming no library photo
   *  are counted as `missing`. */
  setFavourites(ids: string[], favourite: boolean): Promise<BatchResult>;

  // Archive (core/api/archive-api.ts): kept by content like favourites. Archiving takes a
  // photo out of All photos, Recently added and On this day, and nothing else; the files are
  // not touched.
  /** Archives (or brings back) the photos, in one write; ids naming no library photo are
   *  counted as `missing`. */
  setArchived(ids: string[], archived: boolean): Promise<BatchResult>;

  // Date taken set by hand (core/api/taken-at-api.ts): kept by content like favourites, the
  // file never touched; every view sorts and filters by it.
  /** Sets the photos' date taken ("2024-03-07T18:05", optionally seconds and "+02:00": the
   *  camera's clock, parse-checked by shared/taken-at.ts; without an offset each photo keeps its
   *  own), or with null puts back each file's own; one write; ids naming no library photo are
   *  counted as `missing`. Of `done`, those already showing that date are `unchanged` (a date set
   *  to the file's own is no edit: an earlier one is forgotten, as a restore would). */
  setTakenAt(ids: string[], takenAt: string | null): Promise<EditResult>;
  /** Moves the photos' date taken by `seconds` (a camera whose clock was an hour or a day off),
   *  each copy of a content once, its time zone kept; photos with no date to move are counted as
   *  `undated`. A shift that would carry a date outside 1826-2200 is refused and changes nothing;
   *  one shifted back onto its file's own date forgets the edit, as a restore would. */
  shiftTakenAt(ids: string[], seconds: number): Promise<ShiftResult>;
  /** Places to set for what the user typed: towns (name, optionally ", country"; case and
   *  accents ignored; exact names, then the most populous first) or a typed "lat, lon". */
  findPlaces(query: string, limit?: number): Promise<PlaceChoice[]>;
  /** Sets the photos' place to this position (WGS84 degrees), or with null puts back each
   *  file's own GPS position; one write, every copy of a content; the files are never touched. */
  setPlace(ids: string[], position: PlaceSetting): Promise<EditResult>;
  /** Undoes a setTakenAt, shiftTakenAt or setPlace by its result's `undo` (core/api/edit-undo.ts): each photo
   *  gets back exactly the date or place it had (its earlier hand edit, or its file's own),
   *  except those changed again since, which keep their newer value (`changedSince`). A handle
   *  is good once, and only for the host's last 20 changes; otherwise a one-line error. */
  undoEdit(undo: number): Promise<UndoEditResult>;
  /** Sets the photos' description (at most 2,000 characters, trimmed), or with null or blank
   *  text removes it; one write, every copy of a content; the files are never touched. */
  setDescription(ids: string[], text: string | null): Promise<BatchResult>;
  /** Brings in the captions other apps wrote (XMP sidecar, XMP, IPTC, EXIF) as the descriptions
   *  of the photos that have none, and their keywords as tags, as a background job
   *  ('import-descriptions'); never overwrites a description or a tag decision. It reads the
   *  photos indexed since the last import; `everything`: every photo again (a caption or keyword
   *  changed in a sidecar alone; a description removed in Shoebox may come back). */
  importDescriptions(everything?: boolean): Promise<JobState>;
  /** Copies the photos and videos of a camera card or folder outside the library that the
   *  library does not hold yet into a library folder (`to`, or a folder in one), by day taken
   *  (`to/2024/2024-06-15/…`), then indexes them, as a background job ('import-photos'). The
   *  source is only read; nothing is overwritten. */
  importPhotos(from: string, to: string): Promise<JobState>;
  /** Turns the photos by `turns` quarter turns clockwise (-1: anticlockwise, 2: upside down)
   *  from how they show now: every copy of a content, once; the files are never touched, the
   *  images the app is served are turned. Four turns put a photo back as its file shows it. */
  rotatePhotos(ids: string[], turns: number): Promise<RotateResult>;

  // Places (core/places): named offline from each photo's GPS position, never stored.
  /** The library's photos by country and town. With `query` (a search's text), only the photos
   *  taken where it names, as `timeline({ place: query })` takes it, and `named` says what. */
  places(query?: string): Promise<PlacesSummary>;

  // Smart albums
  listAlbums(): Promise<AlbumInfo[]>;
  /** Creates an album, or replaces `previousName` (renaming it) keeping its pins and exclusions;
   *  with `revision` (AlbumInfo's), refused with an AlbumChangedError when it changed since. */
  saveAlbum(album: AlbumInput, previousName?: string, revision?: string): Promise<AlbumInfo>;
  removeAlbum(name: string): Promise<void>;
  albumPhotos(name: string, options?: PageOptions): Promise<AlbumPage>;
  /** The members an album with this definition would have now, without saving anything
   *  (the editor's live count); `limit` best photos are returned with the total. */
  previewAlbum(album: AlbumDraft, options?: PageOptions): Promise<AlbumPreview>;
  setAlbumMembership(name: string, id: string, membership: AlbumMembership): Promise<AlbumInfo>;
  /** The same membership for many photos (a selection), in one change of the album; ids naming
   *  no library photo are counted as `missing` (freeing them with 'auto' still works). */
  setAlbumMemberships(name: string, ids: string[], membership: AlbumMembership): Promise<BatchResult & { album: AlbumInfo }>;
  /** Writes the members into `dir` as symbolic links, or copies. */
  exportAlbum(name: string, dir: string, copy?: boolean): Promise<AlbumExportReport>;

  // Duplicates
  /** Scans the library in a background job; duplicates() then returns the report. */
  findDuplicates(kinds?: DuplicateKind[]): Promise<JobState>;
  /** Stops a queued or running scan (resolves once it has stopped); the previous report stays. */
  stopDuplicateScan(): Promise<void>;
  /** A page of the last report (pictures offset..offset+limit; default 0 and 100, limit at
   *  most 1000); null before the first scan. */
  duplicates(options?: PageOptions): Promise<DuplicateReport | null>;
  /** Moves these non-keeper members of the last report's groups to the OS trash (the UI
   *  confirms first); keepers and photos changed since the scan are never moved. `keep`:
   *  members the user chose to keep instead of their group's suggested keeper; such a member
   *  is then its group's keeper (never moved) and the suggested one may be moved. */
  trashDuplicates(ids: string[], keep?: string[]): Promise<TrashReport>;
  /** Remembers that these photos are not duplicates (keep both): a group all of whose
   *  members one decision covers is left out of reports, now and after rescans. */
  decideDuplicates(ids: string[], decision: 'not-duplicates'): Promise<DuplicateDecisionInfo>;
  /** The remembered decisions, oldest first. */
  duplicateDecisions(): Promise<DuplicateDecisionInfo[]>;
  /** Forgets a decision: its groups show again. */
  undoDuplicateDecision(id: string): Promise<void>;
  /** The library setting "Text in photos" and how far reading has got (issue #14). */
  textInPhotos(): Promise<TextInPhotosState>;
  /** Turns it on or off; on, the text of every photo still without it is read in the background. */
  setTextInPhotos(on: boolean): Promise<TextInPhotosState>;
  subscribe(listener: (event: LibraryEvent) => void): Unsubscribe;
}

// ---- Text in photos (src/core/api/text-api.ts) ----------------------------------------------

/** The library setting "Text in photos": off by default (it costs CPU per photo, see the README). */
export interface TextInPhotosState {
  on: boolean;
  /** Photo contents in the library (identical copies count once). */
  contents: number;
  /** Contents whose text is still to be read. */
  left: number;
  /** Seconds of OCR per photo on this device: measured once it has read a few, else the bench's estimate. */
  secondsPerPhoto: number;
  /** Whether secondsPerPhoto was measured here (false: the estimate). */
  costMeasured: boolean;
  /** Set while the library's writer reads the text now: this host's reading job, or another
   *  process that reads it (`shoebox index`, `watch`, `serve`, the app) holding the writer lock. */
  readingNow?: true;
}
