// LibraryApi, implemented once (DESIGN.md "One contract, three transports"). `shoebox serve`
// and the Electron engine process host it; tests call it directly.
//
// The host is the library's one writer while it writes: it takes the writer lock when the
// library opens, and gives it back once quiet (writer-hand-back.ts) for another device or
// process to write, taking it again at its next write; meanwhile a `shoebox index` or a second
// app gets "library busy". Reads go through the writer's store while it holds one. Writes run
// as background jobs, one at a time (JobQueue); between jobs the folders are watched
// (BackgroundSync).
//
// Without a model (first run) the host still answers: status() says what to do, and each
// status() looks again, so a model installed meanwhile (`shoebox models install`) is picked up.
import path from 'node:path';
import type {
  ActiveModel, EngineInfo, ExecutionProviderName, FailurePage, FolderInfo, JobResult, JobState, LibraryApi, LibraryEvent,
  LibraryStatus, ListPhotosOptions, PhotoDetails, PhotoPage, QueryImage, SearchOptions, SearchPage, Unsubscribe,
} from '../../shared/api';
import { MAX_QUERY_IMAGE_BYTES } from '../../shared/api';
import { modelProblemFields, modelProblemOf, notOpenedProblem, type ModelProblem } from './model-problem';
import { MAX_LIMIT } from '../../shared/api-methods'; // a listing's page: the one the app's calls are checked against
import { installedModels, openLibrary } from '../engine';
import { resolveHome } from '../home';
import { homePaths } from '../paths';
import { resolveLibraryLocation } from '../location/library-location';
import { refuseUnfinishedCopy } from '../location/unfinished-copy';
import { acquireLibraryWriter, LibraryBusyError, type LibraryWriter } from '../library/writer-lock';
import { libraryFilesFor } from '../location/files-for';
import { checkS3Reachable } from '../location/s3-client';
import type { S3Overrides } from '../location/s3-settings';
import { engineInfo } from '../engine-info';
import type { LibraryService } from '../library/library-service';
import { NoModelError } from '../library/model-choice';
import { isModelReplaced } from '../library/model-replaced';
import { notePreparingSearch, prepareSearch, searchVector as searchByVector, similar as searchSimilar } from '../search/search-service';
import { searchAnswer } from '../search/search-answer';
import { BackgroundSync } from './background-sync';
import { followCommits, type CommitFollower } from './commit-follower';
import { WriterElsewhere } from './writer-elsewhere';
import { handBackMsFrom } from '../library/writer-hand-back';
import { readLibraryImage, type ImageFile, type ImageKind } from './image-files';
import { forgetThumbKeys } from './thumb-keys';
import { JobQueue } from './job-queue';
import type { ApiContext } from './api-context';
import { indexJobResult } from '../library/index-summary';
import { onCurrentLabels } from '../tags/current-labels';
import { albumsApi, type AlbumsForeground } from './albums-api';
import { favouritesApi, type FavouritesForeground } from './favourites-api';
import { archiveApi, type ArchiveForeground } from './archive-api';
import { takenAtApi, type TakenAtForeground } from './taken-at-api';
import { placeEditApi, type PlaceEditForeground } from './place-edit-api';
import { editUndos } from './edit-undo';
import { descriptionsApi, type DescriptionsForeground } from './descriptions-api';
import { photoImportApi, type PhotoImportForeground } from './photo-import-api';
import { rotationsApi, type RotationsForeground } from './rotations-api';
import { dupesApi, type DupesForeground } from './dupes-api';
import { modelsApi, type ModelsForeground } from './models-api';
import { tagsApi, type TagsForeground } from './tags-api';
import { textApi, type TextForeground, type TextReading } from './text-api';
import { READING_SLICE_MS, textReadingJobs } from './text-reading-job';
import { timelineApi } from './timeline-api';
import { photoFoldersApi } from './photo-folders';
import { placesApi } from './places-api';
import { oneAtATime } from '../../base/one-at-a-time';
import { selectionApi } from './selection-api';
import { pathFromPhotoId } from './photo-id';
import { folderReachable, forgetFolderReach } from './folder-reach';
import { FolderCopies } from './folder-copies';
import { readLibraryVideo, type VideoPiece } from './video-files';
import { hitsPage, readMarks, toDetails, toPhoto } from './photo-views';
import { photoShotApi } from './photo-shot-api';
import { foregroundApi, type ForegroundApi } from './foreground-api';
import { embedImageBytes } from './query-image';
import { LibraryRepair } from './repair-api';
import { IndexingPause } from './indexing-pause';
import { jobStopApi } from './job-stop';
import { carryMarksToNewContent, releaseOldContentMarks } from './changed-content-marks';
import { LibraryDamagedError } from '../store';
import { adviseNoModel, adviseNoModelUnopened } from './no-model-advice';
import { folderVideoCounts } from './folder-videos';
import { typedFolder } from './typed-folder';
import { writerFirst } from './writer-first';

export interface LibraryApiOptions {
  /** Data folder; default: SHOEBOX_HOME, else the platform's user-data folder. */
  home?: string;
  /** The library location URI: a folder, or s3://bucket/prefix (credentials, region and
   *  endpoint from the AWS_* variables and the AWS config files). Default <home>/library.
   *  The CLI and `serve` pass --library, else SHOEBOX_LIBRARY. */
  library?: string;
  /** S3 settings given instead of the AWS_* variables (the app's Settings → Library). */
  s3?: S3Overrides;
  /** An explicit model folder instead of the active installed model. */
  modelDir?: string;
  /** An installed model by id instead of the active one. */
  modelId?: string;
  provider?: ExecutionProviderName | 'auto';
  /** Follow the folders for changes between jobs (default true). */
  watch?: boolean;
  /** While watching, the longest the "Text in photos" reading job runs before the watcher
   *  catches up (text-reading-job.ts; default READING_SLICE_MS). Without a watcher it reads
   *  to the end (`shoebox index` waits for it). */
  readingSliceMs?: number;
  /** Who holds the writer lock, for other processes' "library busy" message. */
  command?: string;
  /** 'hold' (the app, `serve`): take the writer lock on open and keep it until close().
   *  'on-write' (the CLI): take it only when a write needs it, so reading commands work
   *  while another process writes. Default 'hold'. */
  writerLock?: 'hold' | 'on-write';
  /** With no model on this device, open the library for reading anyway: its photos, folders,
   *  places and favourites can be listed (the CLI's reading commands; the app and `serve`
   *  show the library while a model installs); search, indexing and every write fail with
   *  the no-model error, and no writer lock is taken. Once a model is installed
   *  (installModel), the app's library opens again with it (openWithModel). */
  readWithoutModel?: boolean;
  /** Load the text model as soon as a library with a model opens, in the background, so the
   *  first search does not wait for it (ViT-B/32 on 2 cores: ~2.8 s to load, then ~0.2 s a
   *  search; bench/first-search.ts). The app and `serve`, where a search is what the user comes for; the CLI's
   *  commands load it only when they search. */
  preloadSearch?: boolean;
  /** How often a library shown without a model looks for other devices' commits while
   *  watching (commit-follower.ts; default FOLLOW_MS). */
  followMs?: number;
  /** How long the writer lock may go unused before it is given back (writer-hand-back.ts;
   *  default SHOEBOX_HAND_BACK_MS, else HAND_BACK_MS). The app and `serve` give it back; so does `shoebox watch`
   *  (watchNow); the CLI's other commands keep it to the end. */
  handBackMs?: number;
  /** A freedesktop-layout trash folder for the duplicates trash instead of the OS trash (the
   *  CLI, `serve` and the app's engine pass SHOEBOX_TRASH_DIR: shared/trash-dir-setting.ts; tests a temp folder). */
  trashDir?: string;
}

/** LibraryApi plus what only an in-process front end needs: image bytes for a transport,
 *  foreground work with its whole summary for the CLI (foreground-api.ts), and shutdown. */
export interface LibraryHost extends LibraryApi, ForegroundApi, TagsForeground, AlbumsForeground, FavouritesForeground, ArchiveForeground, TakenAtForeground, PlaceEditForeground, DescriptionsForeground, PhotoImportForeground, RotationsForeground, DupesForeground, ModelsForeground, TextForeground {
  readonly home: string;
  /** Where the library lives: a folder or s3://bucket/prefix (safe to print). */
  readonly library: string;
  /** A library photo's thumbnail or full image; null when the id names no library photo. */
  readImage(id: string, kind: ImageKind): Promise<ImageFile | null>;
  /** A piece of a library video for a ranged request (video-files.ts); null when the id names no library video. */
  readVideo(id: string, range: string | null): Promise<VideoPiece | null>;
  /** Stops jobs and the watcher, flushes and releases the writer lock. */
  close(): Promise<void>;
}

const DEFAULT_LIMIT = 100;
/** How often status() tries again to open a library viewed without a model with the model
 *  installed meanwhile, while another process holds its writer lock. */
const SWITCH_RETRY_MS = 5_000;

/** Opens the library (taking the writer lock, or failing with "library busy") and serves it. */
export async function createLibraryApi(options: LibraryApiOptions = {}): Promise<LibraryHost> {
  const home = resolveHome(options.home);
  // A bad URI or missing credentials fail here, in one line, before anything opens.
  const location = await resolveLibraryLocation(options.library, { defaultDir: homePaths(home).library, ...(options.s3 ? { s3: options.s3 } : {}) });
  // A place holding a copy still being made is not opened (its tables may lack files, and
  // what is written there would be lost to the copy's resume), by any command, those that
  // write only the library's files (duplicate decisions) too. Its store checks again when it
  // connects (store/connection.ts).
  await refuseUnfinishedCopy(location, { quiet: true });
  const handBackMs = options.handBackMs ?? handBackMsFrom();
  forgetFolderReach(); // a new host (a CLI command) looks at the folders afresh
  forgetThumbKeys(); // and names no thumbnail of another library's photo
  const listeners = new Set<(event: LibraryEvent) => void>();
  const emit = (event: LibraryEvent) => {
    // A photo removed or replaced must not keep serving its old thumbnail (thumb-keys.ts).
    if (event.type === 'photos-changed' || event.type === 'folders-changed') forgetThumbKeys();
    for (const listener of listeners) listener(event);
  };
  let library: LibraryService | null = null;
  // Which model to open: the CLI's choice at first; useModel() switches to an installed one.
  let modelChoice = { modelDir: options.modelDir, modelId: options.modelId };
  // The folder model it started with (--model-dir), once opened with it: one to switch back to.
  let startedWith: ActiveModel | null = null;
  let modelProblem: ModelProblem | null = null;
  // The model choice's own error ("no model: install one ..."), as the CLI prints it.
  let modelError: Error | null = null;
  let sync: BackgroundSync | null = null;
  // Viewing only (no model here): other devices' commits, followed instead of the folders.
  let follower: CommitFollower | null = null;
  // Another process writes the library (writer-elsewhere.ts): shown for searching and viewing.
  let elsewhere: WriterElsewhere | null = null;
  // Viewing only with a model installed meanwhile: why the library has not opened with it yet.
  let viewingNote: ModelProblem | null = null;
  let closed = false;
  // A damaged store keeps the library closed until repairLibrary() (repair-api.ts).
  const repair = new LibraryRepair();
  // Folders whose indexing the user paused (indexing-pause.ts).
  const paused = new IndexingPause();

  // Why the watcher stopped for good (the model replaced on disk: until a restart, or another
  // model opened): kept for status(), so a page opened or reloaded later says it too, not only
  // the one event a page open at that moment heard. Not started again after a job meanwhile.
  let watchStopped: string | null = null;
  const startWatching = () => {
    if (options.watch !== false && !closed && watchStopped === null) sync?.start();
  };
  const jobs = new JobQueue({
    onChange: (job) => emit({ type: 'job', job }),
    pause: async () => sync?.stop(),
    resume: startWatching,
  });
  // "Text in photos": the reading pass is a job of its own, queued by index runs and syncs.
  const reading = textReadingJobs(jobs, emit, options.watch === false ? {} : { sliceMs: options.readingSliceMs ?? READING_SLICE_MS });
  const textReading: TextReading = { queue: (lib) => reading.queue(() => lib.writable()), cancel: () => jobs.cancel((j) => j.kind === 'read-text') };

  /** Opens the library once a model is known; null (with modelProblem set) until then. */
  let opening: Promise<LibraryService | null> | null = null;
  const open = (): Promise<LibraryService | null> => {
    if (library || closed || repair.damaged) return Promise.resolve(library);
    // One attempt at a time: two would both try to take the writer lock.
    opening ??= tryOpen().finally(() => {
      opening = null;
    });
    return opening;
  };
  /** The library with the current model choice, not yet locked or wired; null (with
   *  modelProblem set) when no model is installed and reading without one is not asked for. */
  const newCandidate = (): LibraryService | null => {
    try {
      return openLibrary({
        home,
        location,
        ...(modelChoice.modelDir ? { modelDir: modelChoice.modelDir } : {}),
        ...(modelChoice.modelId ? { modelId: modelChoice.modelId } : {}),
        provider: options.provider ?? 'auto',
        command: options.command ?? 'shoebox serve',
        readWithoutModel: options.readWithoutModel === true,
        emit: (event) => {
          if (event.type === 'index-progress') {
            const jobId = jobs.progress(event.progress);
            emit(jobId ? { ...event, jobId } : event);
          } else emit(event);
        },
      });
    } catch (error) {
      if (!(error instanceof NoModelError)) throw error;
      modelError = error;
      modelProblem = modelProblemOf(error, Boolean(modelChoice.modelDir || modelChoice.modelId));
      return null;
    }
  };
  // The writer lock, held until close(); a library read without a model writes nothing.
  const holdsLock = (candidate: LibraryService) => options.writerLock !== 'on-write' && !candidate.modelMissing;

  const tryOpen = async (): Promise<LibraryService | null> => {
    const candidate = newCandidate();
    if (!candidate) {
      // Refused before opening (a command that needs a model): its error names the library's
      // own model too, as status and search say it. Only the "none in use" case: a model asked
      // for by name (--model, --model-dir) keeps its own error.
      if (modelError instanceof NoModelError && !modelChoice.modelDir && !modelChoice.modelId) {
        await adviseNoModelUnopened(home, location, modelError);
        modelProblem = modelProblemOf(modelError, false);
      }
      return null;
    }
    // Without a model, its error advises the library's own model (the core's offer).
    await adviseNoModel(home, candidate);
    try {
      if (holdsLock(candidate)) await candidate.writable();
    } catch (error) {
      if (error instanceof LibraryDamagedError) return repair.hold(candidate, error);
      // Another process writes it: searched and viewed here until it is done (writer-elsewhere.ts).
      if (error instanceof LibraryBusyError) return adopt(candidate, error);
      await candidate.close();
      throw error;
    }
    return adopt(candidate);
  };

  /** Makes an opened (and, when it holds one, locked) library the one served, with its watcher;
   *  `busy`: why it could not be locked (another process writes it). */
  const adopt = (candidate: LibraryService, busy?: LibraryBusyError): LibraryService => {
    candidate.afterSync = reading.afterSync(() => candidate.writable());
    candidate.keepMissing = () => paused.any;
    candidate.changedContentMarks = {
      carry: async (changes) => carryMarksToNewContent(await candidate.writable(), candidate.files, changes, writes),
      release: async (moved) => releaseOldContentMarks(await candidate.writable(), moved, writes),
    };
    library = candidate;
    watchStopped = null; // a library opened anew pins its model's build afresh
    if (options.modelDir && !candidate.modelMissing && path.resolve(candidate.modelDir) === path.resolve(options.modelDir)) startedWith ??= { id: candidate.modelId, dir: candidate.modelDir };
    modelProblem = null;
    modelError = null;
    // No folder is watched without a model: a change could be neither embedded nor recorded.
    // Other devices' commits are followed instead, so the page shows what they add.
    if (candidate.modelMissing) {
      if (options.watch !== false) {
        // Also retries a model installed while another process held the writer lock.
        const retry = async () => {
          if (viewingNote === null) return;
          await openWithModel();
          if (!library?.modelMissing) emit({ type: 'folders-changed' });
        };
        follower = followCommits(candidate, () => emit({ type: 'photos-changed', added: 0, removed: 0 }), options.followMs, retry);
      }
      return library;
    }
    const writer = holdsLock(candidate) ? new WriterElsewhere(candidate, emit, options.followMs) : null;
    elsewhere = writer;
    // Told of every write refused and of a lost lease, not only of the watcher's tries.
    candidate.onWriterElsewhere = (error) => writer?.saw(error);
    if (busy) writer?.saw(busy);
    if (writer) {
      // Quiet, the lock goes back for other devices to write; what they commit is followed.
      candidate.handBackAfter(handBackMs, () => jobs.busy);
      candidate.onHandBack(() => writer.handedBack());
    }
    sync = new BackgroundSync(
      candidate,
      // Another writer is said by status() (writerElsewhere), not logged as a failure.
      (error) => {
        if (writer?.saw(error)) return;
        emit({ type: 'log', level: 'error', message: `watching folders: ${error.message}` });
        if (!isModelReplaced(error)) return;
        watchStopped = error.message;
        emit({ type: 'folders-changed' }); // a page reads the status again: its status bar says why
      },
      () => paused.devicePaths(candidate),
    );
    if (!jobs.busy) startWatching();
    // The text model and the calibration's captions (the first search's slow part, ~10 s
    // idle, a minute beside the first index), while idle at startup. A text model that cannot
    // load is not reported here: the first search says why, as it would have without it.
    if (options.preloadSearch) prepareSearch(candidate).catch(() => {});
    return library;
  };

  const need = async (): Promise<LibraryService> => {
    const lib = await open();
    if (!lib) throw repair.damage ?? new NoModelError(modelProblem?.text ?? 'no model', { noModelHere: modelProblem?.kind === 'no-model' });
    return lib;
  };

  const page = (o: { offset?: number; limit?: number } = {}) => ({
    offset: Math.max(0, o.offset ?? 0),
    limit: Math.min(MAX_LIMIT, Math.max(1, o.limit ?? DEFAULT_LIMIT)),
  });
  /** A search's page as asked, not the listing cap above: the search engine refuses a limit
   *  past its own (search-page-limit.ts) in the words every front end says, rather than a
   *  "More like this" quietly getting fewer photos than asked for. */
  const searchPage = (o: { offset?: number; limit?: number } = {}) => ({ offset: o.offset ?? 0, limit: o.limit ?? DEFAULT_LIMIT });

  /** Nearest first, with the filters but no relevance cut-off (an image from outside). */
  const searchVector = async (lib: LibraryService, vector: Float32Array, options: SearchOptions = {}): Promise<SearchPage> => {
    const { offset, limit } = searchPage(options);
    const result = await searchByVector(lib, vector, { offset, limit, ...searchFilters(options) });
    return hitsPage(await lib.readable(), result.hits, offset, limit);
  };

  const folderCopies = new FolderCopies();
  const folderInfos = async (lib: LibraryService): Promise<FolderInfo[]> => {
    const store = await lib.readable();
    const [folders, failures] = await Promise.all([store.listFolders(), store.listFailures()]);
    const map = lib.deviceFolders.map();
    paused.prune(lib, folders.map((f) => f.path));
    const paths = folders.map((f) => f.path);
    const copies = await folderCopies.of(store, paths, paths.filter((p) => !folderReachable(p)));
    const videos = await folderVideoCounts(store, paths);
    return Promise.all(
      folders.map(async (f) => ({
        path: f.path,
        ...(map.toLibrary(f.path) !== f.path ? { libraryPath: map.toLibrary(f.path) } : {}),
        ...(folderReachable(f.path) ? {} : { unreachable: true as const }),
        ...(copies.has(f.path) ? { copiesAt: copies.get(f.path)! } : {}),
        addedAt: f.addedAt,
        photos: await store.countListed({ folder: f.path }),
        ...(videos.has(f.path) ? { videos: videos.get(f.path)! } : {}),
        failed: failures.filter((x) => x.folder === f.path).length,
        ...(paused.has(lib, f.path) ? { paused: true as const } : {}),
      })),
    );
  };

  const indexJob = (lib: LibraryService, folder: string): JobState =>
    jobs.enqueue('index', folder, async (signal): Promise<JobResult> => {
      const s = await lib.index([folder], signal);
      return indexJobResult(s);
    });
  /** Queues indexing of every folder, paused or not: another model, a repair, a model installed
   *  must embed every photo, or some would not be found by search. */
  const indexEvery = async (lib: LibraryService, folders: readonly string[]): Promise<void> => {
    paused.clear();
    emit({ type: 'folders-changed' });
    for (const folder of folders) indexJob(lib, folder);
  };
  /** The watcher starts again, when it runs, with the folders as they are now (mapped, paused). */
  const rewatch = async (): Promise<void> => {
    if (!sync?.watching) return;
    await sync.stop();
    if (!jobs.busy) startWatching();
  };
  /** The same, unless it leaves out the paused folders already (a pause ending a job restarts it itself). */
  const rewatchForPauses = async (): Promise<void> => {
    if (sync?.watching && !sync.leavesOutPaused()) await rewatch();
  };

  /** Removes a library folder as a job (its indexing cancelled first); how many photos left with it. */
  const removeFolder = async (lib: LibraryService, folder: string): Promise<number> => {
    const abs = path.resolve(folder);
    // Refused at once while another process writes, before its indexing is stopped (writer-first.ts).
    await writerFirst(lib);
    // Indexing a folder that is going away is wasted work: stop it first.
    await jobs.cancel((job) => job.kind === 'index' && job.folder === abs);
    let removed = 0;
    let failure: { error: unknown } | undefined;
    const job = jobs.enqueue('remove-folder', abs, async () => {
      try {
        // Only photos no other library folder covers leave the library (nested folders).
        removed = await lib.removeFolder(abs);
      } catch (error) {
        failure = { error };
        throw error;
      }
      emit({ type: 'photos-changed', added: 0, removed });
      return { added: 0, updated: 0, removed, embedded: 0, failed: 0 };
    });
    await jobs.whenDone(job.id);
    emit({ type: 'folders-changed' });
    // Its own error, class and all (a LeaseLostError midway: the app tells it by its name).
    if (failure) throw (failure as { error: unknown }).error;
    return removed;
  };

  const info = engineInfo(home, options.provider ?? 'auto');

  const status = async (): Promise<LibraryStatus> => {
    // A model installed meanwhile (from a terminal, then "Check again") ends reading without
    // one; a library busy elsewhere is tried again at most every few seconds.
    if (library?.modelMissing && Date.now() - lastSwitchAttempt > SWITCH_RETRY_MS && installedModels(home).active()) await openWithModel();
    const lib = await open();
    if (!lib) return { model: null, ...modelProblemFields(modelProblem), photos: 0, folders: 0, failed: 0, watching: false, jobs: jobs.list(), damaged: repair.damaged };
    const store = await lib.readable();
    const [photos, folders, failures] = await Promise.all([store.countListed(), store.listFolders(), store.listFailures()]);
    if (lib.modelMissing) return { model: null, ...modelProblemFields(viewingNote ?? modelProblemOf(lib.modelMissing, false)), photos, folders: folders.length, failed: failures.length, watching: false, jobs: jobs.list(), damaged: await repair.seen(lib) };
    const model: ActiveModel = { id: lib.modelId, dir: lib.modelDir };
    return { model, ...modelProblemFields(null), photos, folders: folders.length, failed: failures.length, watching: sync?.watching ?? false, ...(watchStopped ? { watchStopped } : {}), jobs: jobs.list(), damaged: await repair.seen(lib), writerElsewhere: elsewhere?.current ?? null, writer: elsewhere?.writer ?? null };
  };

  const reopen = async (modelId: string, reopenOptions: { index?: boolean; modelDir?: string } = {}): Promise<LibraryStatus> => {
    // Jobs hold the old library: stop them (indexing resumes with the new model below).
    await jobs.cancel(() => true);
    await sync?.stop();
    sync = null;
    follower?.stop();
    follower = null;
    elsewhere?.stop();
    elsewhere = null;
    const old = library;
    library = null;
    await old?.close();
    // A write the switch cut short may hold the old library's lock a moment longer: the new one
    // waits for it (up to 10 s), or it would find its own process writing, open as a reader and
    // queue no indexing, leaving the photos unembedded for the new model.
    if (old) await Promise.race([old.whenLockReleased(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    modelChoice = { modelDir: reopenOptions.modelDir, modelId };
    const lib = await need();
    // Photos are embedded per model: index every folder again, which embeds only what the
    // new model's table lacks (the old model's vectors stay for switching back). While another
    // process writes the library, the watcher's catch-up does it once this one may write.
    if (reopenOptions.index !== false && (lib.writing || !holdsLock(lib))) await indexEvery(lib, (await (await lib.readable()).listFolders()).map((f) => f.path));
    emit({ type: 'photos-changed', added: 0, removed: 0 });
    return status();
  };

  /**
   * A library read without a model (the app on a device that has none yet) opens again with
   * the model just installed, and indexes its folders: that embeds what this model lacks
   * (nothing, when the library's other devices use the same model) and starts the watcher.
   * Unlike reopen() it cancels no job: it runs at the end of the install job itself.
   */
  let switching: Promise<void> | null = null;
  let lastSwitchAttempt = 0;
  const openWithModel = (): Promise<void> => {
    if (!library?.modelMissing || closed) return Promise.resolve();
    switching ??= switchToModel().finally(() => {
      switching = null;
    });
    return switching;
  };
  const switchToModel = async (): Promise<void> => {
    const old = library!;
    lastSwitchAttempt = Date.now();
    const candidate = newCandidate();
    if (!candidate || candidate.modelMissing) return void (await candidate?.close());
    let busy: LibraryBusyError | undefined;
    try {
      // Taken before the read-only library goes. When another process writes the library (the
      // GPU box's `shoebox watch`), the model is used all the same: search works, changes wait
      // for that process (writer-elsewhere.ts). Any other failure keeps showing it as it was.
      if (holdsLock(candidate)) await candidate.writable();
    } catch (error) {
      if (error instanceof LibraryBusyError) busy = error;
      else {
        await candidate.close();
        viewingNote = notOpenedProblem((error instanceof Error ? error.message : String(error)).split('\n')[0]!);
        return;
      }
    }
    viewingNote = null;
    follower?.stop();
    follower = null;
    library = null;
    await old.close();
    const lib = adopt(candidate, busy);
    // The watcher's catch-up indexes them once this process may write.
    if (busy) return;
    // Folders this device cannot reach (another device's paths until located) are not indexed:
    // their job would only fail; the watcher takes them once they are located or connected.
    await indexEvery(lib, (await (await lib.readable()).listFolders()).map((f) => f.path).filter(folderReachable));
  };

  const writes = { favourites: oneAtATime(), archive: oneAtATime(), tags: oneAtATime(), albums: oneAtATime(), descriptions: oneAtATime(), edits: oneAtATime() };
  const ctx: ApiContext = { home, files: libraryFilesFor(location, home), open, need, writes, jobs, emit, page, reopen, openWithModel, status, startedWith: () => startedWith };
  const textInPhotosApi = textApi(ctx, textReading);
  // The app's date and place changes that undoEdit can still put back (edit-undo.ts).
  const undos = editUndos();

  const host: LibraryHost = {
    home,
    library: location.uri,

    // Which library is open: a page under `shoebox serve` cannot ask Settings → Library.
    info: async (): Promise<EngineInfo> => ({ ...(await info(library && !library.modelMissing ? library.clip().providerStatus() : undefined)), library: location.uri }),

    status,

    async listFolders(): Promise<FolderInfo[]> {
      const lib = await open();
      return lib ? folderInfos(lib) : [];
    },

    async addFolder(folder: string): Promise<JobState> {
      const lib = await need();
      const wanted = typedFolder(folder, "the folder's full path", '/home/me/Pictures');
      // Checked and recorded now, so a mistake is reported to the caller, not in a job.
      const [added] = await lib.addFolders([wanted]);
      paused.end(lib, added!); // added again: indexed as asked, and followed
      emit({ type: 'folders-changed' });
      return indexJob(lib, added!);
    },

    async removeFolder(folder: string): Promise<void> {
      await removeFolder(await need(), folder);
    },

    async mapFolder(folder: string, place: string | null): Promise<FolderInfo> {
      const lib = await need();
      const store = await lib.readable();
      const wanted = place === null ? null : typedFolder(place, "the folder's full path", '/Volumes/photos');
      const mapped = wanted === null ? await lib.deviceFolders.unmapFolder(store, folder) : await lib.deviceFolders.mapFolder(store, folder, wanted);
      forgetFolderReach(); // the folder is looked for at its new place now
      // The watcher follows the folder at its new place now, not after a restart: it starts
      // again (a catch-up scan; the photos keep their rows). During a job it is paused and
      // starts again after it anyway.
      await rewatch();
      emit({ type: 'folders-changed' });
      emit({ type: 'photos-changed', added: 0, removed: 0 }); // every path under it is shown anew
      const info = (await folderInfos(lib)).find((f) => f.path === mapped.device);
      if (!info) throw new Error(`not a library folder: ${folder}`);
      return info;
    },

    // `folders map`'s policy: a library folder alone, or every one under a share's root
    // (device-folders.ts); then, as for one, the folders are looked for and followed anew.
    async mapFolders(folder: string, place: string | null) {
      const lib = await need();
      const store = await lib.readable();
      const wanted = place === null ? null : typedFolder(place, "the folder's full path", '/Volumes/photos');
      const done = await lib.deviceFolders.mapFolders(store, folder, wanted);
      // A new place that holds none of the folder's photos is said (mapped all the same).
      const holdingNone = wanted === null ? [] : await lib.deviceFolders.holdingNone(store, done.folders);
      forgetFolderReach();
      await rewatch();
      emit({ type: 'folders-changed' });
      emit({ type: 'photos-changed', added: 0, removed: 0 });
      const infos = await folderInfos(lib);
      const shown = done.folders.map((mapped) => {
        const info = infos.find((f) => f.path === mapped.device);
        if (!info) throw new Error(`not a library folder: ${mapped.library}`);
        return info;
      });
      return { ...(done.parent === undefined ? {} : { parent: done.parent }), folders: shown, wasMapped: done.wasMapped, ...(holdingNone.length ? { holdingNone } : {}) };
    },

    async listFailures(options: ListPhotosOptions = {}): Promise<FailurePage> {
      const lib = await open();
      if (!lib) return { total: 0, failures: [] };
      const all = await (await lib.readable()).listFailures(options.folder ? path.resolve(options.folder) : undefined);
      const { offset, limit } = page(options);
      all.sort((a, b) => a.path.localeCompare(b.path));
      return { total: all.length, failures: all.slice(offset, offset + limit).map((f) => ({ path: f.path, folder: f.folder, reason: f.reason, failedAt: f.failedAt })) };
    },

    async listPhotos(options: ListPhotosOptions = {}): Promise<PhotoPage> {
      const { offset, limit } = page(options);
      const lib = await open();
      if (!lib) return { total: 0, offset, photos: [] };
      const store = await lib.readable();
      const folder = options.folder ? path.resolve(options.folder) : undefined;
      const filter = folder ? { folder } : {};
      // The library's photos, embedded by the active model or not (a model switch hides none).
      const [total, photos, marks] = await Promise.all([store.countListed(filter), store.listPhotos({ ...filter, offset, limit }), readMarks(store)]);
      return { total, offset, photos: photos.map((p) => toPhoto(p, marks)) };
    },

    async getPhoto(id: string): Promise<PhotoDetails | null> {
      const photoPath = pathFromPhotoId(id);
      const lib = await open();
      if (!photoPath || !lib) return null;
      const store = await lib.readable();
      // Metadata, not the vector: a photo the active model has not embedded yet has details too.
      const row = (await store.photosByPath([photoPath])).get(photoPath);
      if (!row) return null;
      // What the library keeps, never the file: how it was taken (exposure, lens) is photoShot's.
      // Its text read (by content: a copy or a moved photo keeps it), the viewer's "Text in photo".
      const [tags, marks, dates, places, descriptions, read] = await Promise.all([store.listTags({ hashes: [row.hash] }).then((t) => onCurrentLabels(store, t)), readMarks(store), store.takenEdits(), store.placeEdits(), store.descriptions(), store.getPhotoText([row.hash])]);
      const description = descriptions.get(row.hash);
      const photoText = read.find((r) => r.error === null && r.text !== '')?.text;
      const date = dates.get(row.hash);
      const place = places.get(row.hash);
      return {
        ...toDetails(row, tags, marks),
        ...(date ? { takenEdited: { fileTakenAt: date.fileTakenAt, fileTakenOffset: date.fileTakenOffset } } : {}),
        ...(place ? { placeEdited: { fileGpsLat: place.fileGpsLat, fileGpsLon: place.fileGpsLon } } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(photoText !== undefined ? { photoText } : {}),
      };
    },

    // Text and "more like this" go through the search engine (src/core/search): the query
    // language (+/- terms, weights), prompt ensembles and the relevance cut-off.
    async search(query: string, options: SearchOptions = {}): Promise<SearchPage> {
      const text = query.trim();
      if (!text) return { offset: options.offset ?? 0, photos: [], hasMore: false };
      const lib = await need();
      // A first search that must embed the calibration's captions says so (the CLI, on stderr).
      notePreparingSearch(lib, (id) => emit({ type: 'log', level: 'info', message: `preparing search for model ${id} (once per model: its calibration, about 10 s, longer while indexing)` }));
      const { offset, limit } = searchPage(options);
      // The app always gets a next step: the closest photos when nothing passes the cut-off.
      // An empty answer says why (search-answer.ts), for every front end to word.
      const result = await searchAnswer(lib, text, { offset, limit, all: options.all ?? false, raw: options.raw ?? false, sort: options.sort ?? 'score', closest: true, ...searchFilters(options) }, textInPhotosApi.textInPhotos);
      const shown = await hitsPage(await lib.readable(), result.hits, offset, limit);
      return { ...shown, ...(result.minScore !== null ? { minScore: result.minScore } : {}), ...(result.closest ? { closest: true } : {}), ...(result.empty ? { empty: result.empty } : {}) };
    },

    async similar(id: string, options: SearchOptions = {}): Promise<SearchPage> {
      const lib = await need();
      const photoPath = pathFromPhotoId(id);
      const row = photoPath ? await (await lib.readable()).getPhoto(photoPath) : null;
      if (!row) throw new Error('that photo is not in the library (any more)');
      const { offset, limit } = searchPage(options);
      // Nearest first over the whole library, no relevance cut-off: "more like this" always
      // has neighbours (the photo itself first), and the grid pages through them.
      const result = await searchSimilar(lib, row.path, { offset, limit, all: true, ...searchFilters(options) });
      return hitsPage(await lib.readable(), result.hits, offset, limit);
    },

    async searchByImage(image: QueryImage, options: SearchOptions = {}): Promise<SearchPage> {
      const lib = await need();
      const bytes = Buffer.from(image.base64, 'base64');
      if (bytes.length === 0) throw new Error(`${image.name}: the file is empty`);
      if (bytes.length > MAX_QUERY_IMAGE_BYTES) throw new Error(`${image.name}: too large to search by`);
      return searchVector(lib, await embedImageBytes(lib.clip(), bytes, image.name), options);
    },

    async jobs(): Promise<JobState[]> {
      return jobs.list();
    },

    // No native dialog in the engine: Electron's main process answers this call itself.
    async chooseFolder(): Promise<string | null> {
      return null;
    },

    ...modelsApi(ctx),
    ...tagsApi(ctx),
    ...textInPhotosApi,
    ...albumsApi(ctx),
    ...favouritesApi(ctx),
    ...archiveApi(ctx),
    ...takenAtApi(ctx, undos),
    ...placeEditApi(ctx, undos),
    ...undos.methods(ctx),
    ...descriptionsApi(ctx),
    ...photoShotApi(ctx),
    ...photoImportApi(ctx),
    ...rotationsApi(ctx, textReading),
    ...timelineApi(ctx),
    ...photoFoldersApi(ctx),
    ...placesApi(ctx),
    ...selectionApi(ctx, options.trashDir ? { trashDir: options.trashDir } : {}),
    ...dupesApi(ctx, options.trashDir ? { trashDir: options.trashDir } : {}),
    ...repair.methods(ctx, indexEvery),
    ...paused.methods({ need, jobs, index: indexJob, rewatch: rewatchForPauses, emit }),
    ...jobStopApi(jobs),
    ...foregroundApi({
      library: async () => {
        const lib = await open();
        if (lib) return lib;
        throw modelError ?? repair.damage ?? new Error(modelProblem?.text ?? 'no model');
      },
      jobs,
      emit,
      handBackMs,
      removeFolder: async (folder) => removeFolder(await need(), folder),
      copySource: async () => {
        const lib = await open();
        if (lib && !lib.modelMissing) return { location: lib.location, files: lib.files, hold: async () => void (await lib.writable()), release: async () => {} };
        if (repair.damage) throw repair.damage;
        // No model yet (a new device backing the family's library up; the CLI then opens the
        // library for reading only): a copy embeds nothing,
        // so it takes the library's writer lock and lease itself, as a writer would.
        let writer: LibraryWriter | null = null;
        return {
          location,
          files: libraryFilesFor(location, home),
          hold: async () => {
            writer ??= await acquireLibraryWriter({ home, library: location, libraryUri: location.uri, command: options.command ?? 'shoebox' });
          },
          release: async () => {
            await writer?.release();
            writer = null;
          },
        };
      },
      locate: async (uri, s3 = options.s3) => {
        const target = await resolveLibraryLocation(uri, { defaultDir: homePaths(home).library, ...(s3 ? { s3 } : {}) });
        await checkS3Reachable(target); // a wrong bucket or key: one line, before anything is written
        return { location: target, files: libraryFilesFor(target, home) };
      },
    }),

    subscribe(listener): Unsubscribe {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    async readImage(id: string, kind: ImageKind): Promise<ImageFile | null> {
      const lib = await open();
      if (!lib) return null;
      return readLibraryImage(await lib.readable(), lib.thumbnails, id, kind);
    },

    async readVideo(id: string, range: string | null): Promise<VideoPiece | null> {
      const lib = await open();
      return lib ? readLibraryVideo(await lib.readable(), id, range) : null;
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      follower?.stop();
      elsewhere?.stop();
      await jobs.close();
      await sync?.stop();
      await library?.close();
      await repair.close();
      listeners.clear();
    },
  };

  await open();
  return host;
}

function searchFilters(options: SearchOptions): Pick<SearchOptions, 'filters'> {
  return options.filters ? { filters: options.filters } : {};
}
