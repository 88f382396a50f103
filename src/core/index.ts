// The core's front door (issue #10): the only module of src/core that the front ends (the
// CLI, `shoebox serve`, Electron main) may import; everything else they need comes from
// src/shared. Each use case's policy lives once behind it: the LibraryApi host
// (createLibraryApi) for everything on a library, createEngine for what needs no library.
// ESLint enforces the direction (eslint.config.js, "layers").
//
// Keep this file cheap to import: `shoebox --help` and every usage error load it (and must
// answer in well under half a second), so it exports values only from small modules, and
// what loads LanceDB, ONNX Runtime or sharp sits behind an async function that imports it on
// first use (createLibraryApi, createEngine). Types cost nothing: export them freely.
// test/cli/cli-conventions.test.ts checks that importing it loads no native module.
import type { LibraryApiOptions, LibraryHost } from './api/library-api';
import type { Engine, EngineOptions } from './engine';

/** Opens the library as LibraryApi (api/library-api.ts); loads the engine on first call. */
export async function createLibraryApi(options: LibraryApiOptions = {}): Promise<LibraryHost> {
  const { createLibraryApi: create } = await import('./api/library-api');
  return create(options);
}

/** What needs no library: info(), CLIP on outside texts and files (engine.ts). */
export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  const { createEngine: create } = await import('./engine');
  return create(options);
}

/** The models on disk, no library open (api/model-shelf.ts): list, install, import, remove. */
export async function openModelShelf(home: string, endpoint?: string): Promise<import('./api/model-shelf').ModelShelf> {
  const { modelShelf } = await import('./api/model-shelf');
  return modelShelf(home, endpoint);
}

/** Live processes (a `serve`, the app) other than this one with another model loaded: after
 *  `models use ID` they keep theirs until restarted, which the switch says (models/model-users.ts). */
export async function modelKeptElsewhere(home: string, id: string): Promise<{ pid: number; command: string; modelId: string }[]> {
  const { otherModelUsers } = await import('./models/model-users');
  return otherModelUsers(home, id);
}

export type { LibraryApiOptions, LibraryHost } from './api/library-api';
export type { PhotoTags, SidecarReport, TagDecision, TagsForeground } from './api/tags-api';
export type { AlbumFilters, AlbumMember, AlbumRequest, AlbumSummary, AlbumView, AlbumsForeground, ExportReport } from './api/albums-api';
export type { DecidedGroup, DuplicateScanProgress, DuplicateScanRequest, DuplicateScanStats, DupesForeground, PlannedTrash, ShownScan } from './api/dupes-api';
export { pictures as groupsByPicture } from './api/dupes-report';
export { heldReasons } from './dupes/held-back';
export type { ModelSwitch, ModelsForeground, Reembed } from './api/models-api';
export type { TextForeground, TextInPhotosState } from './api/text-api';
export type { DownloadProgress, ImportResult, InstallResult, ListedModel, ModelShelf, RemoveResult } from './api/model-shelf';
export type { Engine, EngineOptions } from './engine';
export type { ForegroundApi, LibraryReport } from './api/foreground-api';
export type { PhotoListing } from './api/photo-views';
export type { ImageFile, ImageKind } from './api/image-files';
export type { VideoPiece } from './api/video-files';
export type { RepairReport } from './api/repair-library';
export type { CopyProgress, CopyReport } from './api/copy-library';
export type { IndexSummary } from './library/index-summary';
export { copiesLine } from './library/moved-folder';
export type { EmbedderOptions, ImageResult, OutsideEmbedder, TextEmbedding } from './outside-embedder';

// Small modules: errors a front end tells apart, settings read before anything opens, and
// formatting of what the core answers.
export { VERSION } from './version';
export { resolveHome } from './home';
export { providerSetting } from './settings';
export { chooseProvider, type ProviderChoice } from './provider-choice';
export { readSavedLibraryChoice } from './saved-library-choice';
export { ortPlatformError, parseProvider } from './clip/providers';
export { formatRate } from './clip/provider-verdict';
export { NoModelError } from './library/model-choice';
export { LibraryLocationError } from './location/location-error';
export { parseLibraryUri } from './location/library-uri';
/** Loaded at first use, as createLibraryApi is: it brings the S3 client (~0.45 s and ~68 MB
 *  at the app's start, where only Settings → Library's check needs it). */
export async function checkLibraryLocation(...args: Parameters<typeof import('./location/check-location').checkLibraryLocation>): Promise<void> {
  const { checkLibraryLocation: check } = await import('./location/check-location');
  return check(...args);
}
export { FolderRefusedError } from './library/folder-rules';
export { CopyRefusedError } from './api/copy-refused-error';
export { QueryError } from './search/query-error';
// From its own small module: the front door loads no native engine module (cli-conventions.test.ts).
export { MAX_LIMIT as MAX_SEARCH_LIMIT } from './search/search-limits';
export { LabelSetError } from './tags/label-set';
export { AlbumError } from './albums/album';
export { ModelError } from './models/model-error';
export { builtinLabelSets } from './tags/builtin-label-sets';
export { DEFAULT_DUPLICATE_KINDS, DUPLICATE_KINDS } from './dupes/types';
export { photoId } from './api/photo-id';
export { repairSummary } from './api/repair-summary';
