// What an in-process front end (the CLI) asks of the library host beyond the JSON contract
// (LibraryApi): work run in the foreground, awaited with its whole summary, and the fuller
// answers a terminal prints. Each goes through the host's library, job queue and policies
// (library-api.ts), so the CLI and the app run one implementation of every use case.
import path from 'node:path';
import type { ExecutionProviderName, LibraryEvent, SearchFilters, SearchOptions, SearchPage } from '../../shared/api';
import type { LibraryService } from '../library/library-service';
import { changedPhotos, emptySummary, indexJobResult, type IndexSummary } from '../library/index-summary';
import { countMatching } from '../search/search-service';
import { similarAnswer } from '../search/search-answer';
import type { JobQueue } from './job-queue';
import { runNow } from './run-now';
import { hitsPage, readMarks, toListing, type PhotoListing } from './photo-views';
import { repairLibrary, type RepairReport } from './repair-library';
import type { S3Overrides } from '../location/s3-settings';
import { copyLibrary, type CopyProgress, type CopyReport, type CopySource, type CopyTarget } from './copy-library';
import { folderReachable } from './folder-reach';
import { probeLibraryDamage } from './library-damage-probe';

export interface CopyOptions {
  signal?: AbortSignal;
  onProgress?: (p: CopyProgress) => void;
  /** The target's S3 endpoint, region and keys, where not the usual sources' (env, ~/.aws). */
  s3?: S3Overrides;
}

/** The library's state as `shoebox status` prints it: files pending, folders that cannot be read. */
export type LibraryReport = Omit<Awaited<ReturnType<LibraryService['status']>>, 'folders'> & {
  provider: ExecutionProviderName;
  folders: (Awaited<ReturnType<LibraryService['status']>>['folders'][number] & { libraryPath?: string; unreachable?: true })[];
};

export interface ForegroundApi {
  /** Resolves once the library is open with its model; else throws the model choice's own
   *  error ("no model: install one ...", "model X is not installed ..."). `toRead`: open
   *  without a model is enough (readWithoutModel: the CLI's reading commands). */
  ready(options?: { toRead?: boolean }): Promise<void>;
  /** Adds `folders` (none: every library folder) and indexes them as a job, awaited; aborting
   *  `signal` stops it after the batch in progress (the summary says `interrupted`).
   *  `removeMissing`: photos missing from a shared mapped folder's copy here go too (mapped-copy-keep.ts). */
  indexNow(folders: string[], options?: { signal?: AbortSignal; removeMissing?: boolean }): Promise<IndexSummary>;
  /** Catches up, then follows every library folder until `signal` aborts; one summary per sync.
   *  Quiet, it gives the writer lock back, and takes it again at the next change. */
  watchNow(signal: AbortSignal, onSync: (summary: IndexSummary) => void): Promise<void>;
  /** Photos, failures with reasons, files pending, the model and provider, each folder. */
  report(): Promise<LibraryReport>;
  /** The library's photos with their metadata, by path; no limit unless asked. */
  listPhotoRecords(options?: { folder?: string; limit?: number; offset?: number }): Promise<PhotoListing[]>;
  /** Removes a library folder (the files stay) and returns how many photos left with it. */
  removeFolderCounted(folder: string): Promise<number>;
  /** The library ranked by likeness to an image file, indexed or not: nearest first, no cut-off
   *  (so no date order: it would be the whole timeline; and no `raw`: an image has no words). */
  similarToFile(file: string, options?: Omit<SearchOptions, 'sort' | 'raw'>): Promise<SearchPage>;
  /** Photos embedded by the model in use that pass `filters` (0: nothing a search could find). */
  countSearchable(filters?: SearchFilters): Promise<number>;
  /** Reads every table whole and brings damaged ones back (repair-library.ts), as a job, awaited. */
  repairNow(): Promise<RepairReport>;
  /**
   * Copies this library to `target` (a folder or s3://bucket/prefix, which must be empty or
   * hold an unfinished copy of it) as a job, awaited (copy-library.ts); the library itself is
   * left as it was. `s3`: the target's endpoint, region and keys where they are not the
   * usual sources' (the app's Settings → Library keeps them); the job's progress is the
   * files copied, as the app's job list shows it.
   */
  copyLibraryNow(target: string, options?: CopyOptions): Promise<CopyReport>;
}

export interface ForegroundContext {
  /** The library, or the model choice's own error (what to install or pass). */
  library(): Promise<LibraryService>;
  readonly jobs: JobQueue;
  emit(event: LibraryEvent): void;
  /** How long `watchNow`'s writer lock may go unused before it is given back (writer-hand-back.ts). */
  readonly handBackMs: number;
  /** Removes a folder as the app's removeFolder does (cancelling its indexing first). */
  removeFolder(folder: string): Promise<number>;
  /** The library to copy, with its writer lock: the open library's, or, where no model is
   *  installed (a copy embeds nothing), the place and a lock of its own; release() after. */
  copySource(): Promise<CopySource & { release(): Promise<void> }>;
  /** Another library's place, as `--library` would name it (credentials from the same sources,
   *  or `s3`'s), checked reachable. */
  locate(uri: string, s3?: S3Overrides): Promise<CopyTarget>;
}

export function foregroundApi(ctx: ForegroundContext): ForegroundApi {
  return {
    async ready(options = {}) {
      const lib = await ctx.library();
      if (lib.modelMissing && !options.toRead) throw lib.modelMissing;
    },

    async indexNow(folders, options = {}) {
      const lib = await ctx.library();
      const label = folders.map((f) => path.resolve(f)).join(', ');
      // Stopped while still queued: nothing was done, everything is left for the next run.
      if (options.signal?.aborted) return { ...emptySummary(), interrupted: true };
      const summary = await runNow(ctx.jobs, 'index', label, async (signal) => {
        const s = await lib.index(folders, signal, { removeMissing: options.removeMissing === true });
        return { value: s, result: indexJobResult(s) };
      }, options.signal);
      if (changedPhotos(summary)) ctx.emit({ type: 'photos-changed', added: summary.added, removed: summary.removed });
      // The run queued the reading of text in photos (text-reading-job.ts): the CLI waits for it.
      if (!summary.interrupted) await waitForTextReading(ctx.jobs, options.signal);
      return summary;
    },

    async watchNow(signal, onSync) {
      const lib = await ctx.library();
      // `shoebox watch` runs for days: quiet, it lets other devices and commands write.
      lib.handBackAfter(ctx.handBackMs, () => ctx.jobs.busy);
      await lib.watch(signal, onSync);
    },

    async report() {
      const lib = await ctx.library();
      // The health check: a damaged table it does not count stops it as it stops every command.
      // The look opens every table (seconds on S3): alongside the counts, not after them.
      const [status, damage] = await Promise.all([lib.status(), probeLibraryDamage(lib.location)]);
      if (damage) throw damage;
      // A shared library's folder as this device sees it: the library's path when mapped here,
      // and a note when this device cannot reach it (device-folders.ts).
      const map = lib.deviceFolders.map();
      const folders = status.folders.map((f) => ({
        ...f,
        ...(map.toLibrary(f.path) !== f.path ? { libraryPath: map.toLibrary(f.path) } : {}),
        ...(folderReachable(f.path) ? {} : { unreachable: true as const }),
      }));
      return { ...status, folders, provider: (await lib.providerStatus()).provider };
    },

    async listPhotoRecords(options = {}) {
      const lib = await ctx.library();
      const store = await lib.readable();
      const [rows, marks] = await Promise.all([
        store.listPhotos({
          ...(options.folder ? { folder: path.resolve(options.folder) } : {}),
          ...(options.limit !== undefined ? { limit: options.limit } : {}),
          ...(options.offset !== undefined ? { offset: options.offset } : {}),
        }),
        readMarks(store),
      ]);
      return rows.map((row) => toListing(row, marks));
    },

    async removeFolderCounted(folder) {
      await ctx.library(); // the model choice's own error, before any job
      return ctx.removeFolder(folder);
    },

    async similarToFile(file, options = {}) {
      const lib = await ctx.library();
      const offset = options.offset ?? 0;
      const limit = options.limit ?? 20;
      // An empty answer says why (search-answer.ts): nothing embedded, or filters that admit no photo.
      const result = await similarAnswer(lib, file, { offset, limit, all: true, ...(options.filters ? { filters: options.filters } : {}) });
      const shown = await hitsPage(await lib.readable(), result.hits, offset, limit);
      return result.empty ? { ...shown, empty: result.empty } : shown;
    },

    async countSearchable(filters = {}) {
      return countMatching(await ctx.library(), filters);
    },

    async repairNow() {
      const lib = await ctx.library();
      return runNow(ctx.jobs, 'repair', '', async () => ({ value: await repairLibrary(lib) }));
    },

    async copyLibraryNow(target, options = {}) {
      const where = await ctx.locate(target, options.s3);
      return runNow(ctx.jobs, 'copy-library', where.location.uri, async (signal) => {
        // Chosen when the job runs, not when it was queued: a model installed meanwhile has
        // opened the library (and taken its lock), which the copy then shares.
        const source = await ctx.copySource();
        try {
          const progress = jobProgress(ctx.jobs);
          const onProgress = (p: CopyProgress) => {
            options.onProgress?.(p);
            progress.update(p);
          };
          const report = await copyLibrary(source, where, { signal, onProgress });
          progress.end();
          return { value: report, result: { added: 0, updated: 0, removed: 0, embedded: 0, failed: 0, summary: `copied to ${report.to}` } };
        } finally {
          await source.release();
        }
      }, options.signal);
    },
  };
}

/** How often at most the copy's progress goes to the job list (a copy is one event per file). */
const PROGRESS_EVERY_MS = 250;

/**
 * The copy's progress as the running job's (files for photos), at most every
 * PROGRESS_EVERY_MS; `end` sends the last, as complete (a file gone since the listing, or
 * small files copied again, make done and total differ).
 */
function jobProgress(jobs: JobQueue): { update: (p: CopyProgress) => void; end: () => void } {
  const started = performance.now();
  let last = -Infinity;
  let latest: CopyProgress | null = null;
  const show = (p: CopyProgress) => {
    const now = performance.now();
    last = now;
    const rate = p.done / Math.max((now - started) / 1000, 1e-3);
    jobs.progress({ done: p.done, total: p.total, rate, etaSeconds: p.done > 0 ? Math.max(0, p.total - p.done) / rate : null });
  };
  return {
    update(p) {
      latest = p;
      if (performance.now() - last >= PROGRESS_EVERY_MS) show(p);
    },
    end() {
      if (latest) show({ ...latest, total: latest.done });
    },
  };
}

/** Waits for the queued and running 'read-text' jobs; aborting `signal` cancels them (resumable). */
async function waitForTextReading(jobs: JobQueue, signal?: AbortSignal): Promise<void> {
  const stop = () => void jobs.cancel((j) => j.kind === 'read-text');
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for (const job of jobs.list().filter((j) => j.kind === 'read-text' && (j.state === 'queued' || j.state === 'running'))) await jobs.whenDone(job.id);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
