// The engine's entry points. openLibrary() composes the library with its model;
// createLibraryApi() in ./api/library-api.ts builds the whole LibraryApi on it for every
// front end; createEngine() answers what needs no library: info() without opening the
// library or taking its writer lock (`shoebox info`), and CLIP on texts and files from
// outside any library (`shoebox embed-text`, `embed-image`).
import type { ExecutionProviderName, LibraryApi, LibraryEvent } from '../shared/api';
import { resolveHome } from './home';
import { engineInfo } from './engine-info';
import path from 'node:path';
import type { ClipModelOptions } from './clip/clip-model';
import type { FfmpegLocation } from './media';
import { LibraryService } from './library/library-service';
import { chooseModel, NO_MODEL_ID, NoModelError, type ModelChoice, type ModelSource } from './library/model-choice';
import { openOutsideEmbedder, type EmbedderOptions, type OutsideEmbedder } from './outside-embedder';
import { homePaths } from './paths';
import { installedFolder } from './models/installed-folder';
import { activeModel, activeModelState } from './models/active-model';
import type { LibraryLocation } from './location/library-location';
import { isLostConnection } from './location/location-error';
import { LeaseLostError } from './store/writer-lease';
import { TaggingService, autoTagHook } from './tags/tagging-service';
import { SignatureBatcher } from './dupes/signature-batcher';
import { signatureOffThread } from './dupes/signature-thread';
import { textPassHook } from './text';
import { isInside } from '../base/path-inside';
import { markModelInUse } from './models/model-users';

export interface EngineOptions {
  /** Data folder; default: SHOEBOX_HOME, else the platform's user-data folder. */
  home?: string;
  provider?: ExecutionProviderName | 'auto';
}

export interface Engine extends Pick<LibraryApi, 'info'> {
  readonly home: string;
  /** The chosen CLIP model (else the active one), for inputs outside any library; NoModelError when none. */
  embedder(options?: EmbedderOptions): OutsideEmbedder;
  /** Closes the embedders it opened. */
  close(): Promise<void>;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const home = resolveHome(options.home);
  const provider = options.provider ?? 'auto';
  const info = engineInfo(home, provider);
  const opened = new Set<OutsideEmbedder>();

  return {
    home,
    info: () => info(),
    embedder(embedderOptions = {}) {
      const embedder = openOutsideEmbedder(home, installedModels(home), provider, embedderOptions);
      opened.add(embedder);
      return {
        ...embedder,
        close: async () => {
          opened.delete(embedder);
          await embedder.close();
        },
      };
    },
    async close() {
      await Promise.all([...opened].map((e) => e.close()));
      opened.clear();
    },
  };
}

export interface OpenLibraryOptions {
  home?: string;
  /** Where the library lives (resolveLibraryLocation); default <home>/library. */
  location?: LibraryLocation;
  /** An explicit model folder (--model-dir). */
  modelDir?: string;
  /** An installed model by id (--model). */
  modelId?: string;
  provider?: ExecutionProviderName | 'auto';
  /** Who takes the writer lock, for "library busy" messages. */
  command?: string;
  /** Inference threads and photos decoded at once (default: measured per core count; the bench limits them). */
  threads?: number;
  decodeConcurrency?: number;
  /** Photos per inference batch (default 8; the bench tries others on a GPU). */
  batchSize?: number;
  emit?: (event: LibraryEvent) => void;
  onClose?: () => void;
  /** Which ffmpeg reads videos; default: found by media/video-ffmpeg.ts. null: none (videos skipped). */
  ffmpeg?: FfmpegLocation | null;
  /** With no model on this device, open the library for reading anyway (the CLI's status,
   *  list, places, folders list): embedding and every write fail with the no-model error. */
  readWithoutModel?: boolean;
}

function modelOrNone(home: string, options: OpenLibraryOptions): ModelChoice {
  const explicit = { ...(options.modelDir ? { modelDir: options.modelDir } : {}), ...(options.modelId ? { modelId: options.modelId } : {}) };
  try {
    return chooseModel(installedModels(home), explicit);
  } catch (error) {
    // Only "none installed or chosen": a model asked for by name that is missing stays an error.
    if (!(error instanceof NoModelError) || !options.readWithoutModel || explicit.modelDir || explicit.modelId) throw error;
    return { id: NO_MODEL_ID, dir: '', missing: error };
  }
}

/** Installed models live in <home>/models/<id>; which one is active is active-model.ts's rule. */
export function installedModels(home: string): ModelSource {
  return {
    installedDir(id) {
      const dir = path.join(homePaths(home).models, id);
      return installedFolder(dir) ? dir : null;
    },
    active: () => activeModel(home),
    unusable() {
      const state = activeModelState(home);
      return state.kind === 'unusable' ? state.problem : undefined;
    },
  };
}

/** The library with its model, for the CLI and the app's engine host. */
export function openLibrary(options: OpenLibraryOptions = {}): LibraryService {
  const home = resolveHome(options.home);
  const model = modelOrNone(home, options);
  const modelOptions: ClipModelOptions = {
    provider: options.provider ?? 'auto',
    cacheDir: homePaths(home).cache,
    ...(options.threads ? { threads: options.threads } : {}),
    ...(options.decodeConcurrency ? { decodeConcurrency: options.decodeConcurrency } : {}),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  };
  const emit = options.emit ?? (() => {});
  // An installed model stays marked in use while the library is open, so that `shoebox models
  // remove` does not delete it from under a running serve, watch or app (model-users.ts).
  const use = model.dir && isInside(model.dir, homePaths(home).models) ? markModelInUse(home, model.id, options.command ?? 'shoebox') : null;
  const onClose = () => {
    use?.release();
    options.onClose?.();
  };
  const library = new LibraryService({
    home,
    ...(options.location ? { location: options.location } : {}),
    model,
    modelOptions,
    emit,
    ...(options.command ? { command: options.command } : {}),
    onClose,
    ...(options.ffmpeg !== undefined ? { ffmpeg: options.ffmpeg } : {}),
    // Duplicate detection's signatures, from the thumbnails indexing makes anyway.
    thumbnailStep: (store) => new SignatureBatcher(store, signatureOffThread),
  });
  // Photos indexed into auto-tagged folders are tagged as their batch is committed.
  // With "Text in photos" on, each index run and watch sync reads the text of photos without it.
  library.afterSync = textPassHook(emit);
  // A connection (or the writer lease) lost under it fails the run too, which says so in its
  // own one line: not said a second time, as auto-tagging's.
  library.onPhotosCommitted = autoTagHook(new TaggingService(library), (e) => {
    if (isLostConnection(e) || e instanceof LeaseLostError) return;
    emit({ type: 'log', level: 'warn', message: `auto-tagging: ${e.message}` });
  });
  return library;
}
