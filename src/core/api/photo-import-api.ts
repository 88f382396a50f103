// Import from a camera card or any folder (library/photo-import.ts does the copying): the
// photos and videos there not yet in the library are copied into a library folder, by day
// taken, then indexed there. The app queues it as a job ('import-photos'); the CLI
// (`shoebox import`) runs it in the foreground. Both go through here.
import fs from 'node:fs';
import path from 'node:path';
import { MAX_JOB_FAILURES, type JobState, type PhotoImportFailure, type PhotoImportResult } from '../../shared/api';
import { importFailureLines } from '../../shared/import-failure-lines';
import { APP_TRASHED_HINT, photoImportSummary } from '../../shared/photo-import-text';
import { isAtOrInside } from '../../base/path-inside';
import { importPhotoFiles } from '../library/photo-import';
import type { ApiContext, ApiMethods } from './api-context';
import { jobProgress } from './job-progress';
import { isDirectory } from '../../base/file-kind';
import { heldContents } from './import-held';
import { typedFolder } from './typed-folder';
import { writerFirst } from './writer-first';

/** The CLI's share. */
export interface PhotoImportForeground {
  importPhotosNow(from: string, to: string, options?: ImportRunOptions): Promise<PhotoImportResult>;
}

interface ImportRunOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Copying first, then indexing what was placed (the app's job line says which). */
  onStep?: (step: 'copying' | 'indexing') => void;
  /** Copies back what the user moved to the trash from Shoebox too (`--include-trashed`); by default it is left on the card, counted. */
  includeTrashed?: boolean;
}

export function photoImportApi(ctx: ApiContext): ApiMethods<'importPhotos'> & PhotoImportForeground {
  const run = async (from: string, to: string, options: ImportRunOptions = {}): Promise<PhotoImportResult> => {
    const lib = await ctx.need();
    const { source, target } = await checkPlaces(ctx, from, to);
    const store = await lib.writable(); // the writer lock: no other Shoebox writes meanwhile
    // The target is made by the first copy (library/import-folders-made.ts), not here: an import
    // that copies nothing leaves no empty folder behind.
    options.onStep?.('copying');
    const held = heldContents(store, ctx.files);
    const trashedAnyway = new Set<string>(); // trashed contents let through: the trash's note goes for those copied
    const copied = await importPhotoFiles(source, target, {
      known: (contents) => held.known(contents),
      trashed: async (contents) => {
        const trashed = await held.trashed(contents);
        if (!options.includeTrashed) return trashed;
        for (const h of trashed) trashedAnyway.add(h);
        return new Set<string>();
      },
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    // Indexed where they landed, only the day folders written to (not the whole library folder:
    // one of 100k photos, or one the user paused): embedded, searchable. Also what an earlier
    // import left there unindexed; a stopped import leaves its copies to the next.
    const placedPaths = [...copied.copied, ...copied.found];
    const placed = placedPaths.length;
    if (placed > 0 && !options.signal?.aborted) options.onStep?.('indexing');
    const days = [...new Set(placedPaths.map((p) => path.dirname(p)))];
    const indexing = placed > 0 && !options.signal?.aborted ? await lib.index(days, options.signal, { quiet: true }) : null;
    const indexed = indexing?.added ?? 0;
    if (indexed) ctx.emit({ type: 'photos-changed', added: indexed, removed: 0 });
    // The copies the library could not index (a JPEG cut short, one unreadable): failures of
    // this import, named, not photos in the library. The day folders' other files are not ours.
    const ours = new Set(placedPaths);
    const notIndexed = (indexing?.failed ?? []).filter((f) => ours.has(f.path)).map((f): PhotoImportFailure => ({ path: f.path, error: f.reason, step: 'index' }));
    const unindexable = new Set(notIndexed.map((f) => f.path));
    const videos = new Set(copied.videos);
    // An earlier import's copy found in its day folder is in the library, unless it cannot be indexed.
    const found = copied.found.filter((p) => !unindexable.has(p));
    // Stopped means something was left for the next import: a file not looked at, or copies not indexed.
    const stopped = !copied.complete || (placed > 0 && (indexing === null || indexing.interrupted === true));
    // Held as files the library recorded as unreadable: said once, by name, not copied nor failed again.
    const alreadyUnreadable = [...new Set(copied.alreadyHashes.flatMap((h) => held.unreadable.get(h) ?? []))];
    // A trashed content found in the library again was restored by the user; one copied anyway is back too.
    // Only a content now in a library folder: one a stop or a failure left on the card stays noted.
    const copiedAnyway = copied.placedHashes.filter((h) => trashedAnyway.has(h));
    await held.settle(copiedAnyway).catch(() => undefined); // a note left only keeps it from the next import
    return {
      from: source,
      to: target,
      copied: copied.copied,
      copiedVideos: copied.copied.filter((p) => videos.has(p)).length,
      already: copied.already + found.length,
      alreadyVideos: copied.alreadyVideos + found.filter((p) => videos.has(p)).length,
      alreadyUnreadable,
      trashed: copied.trashed,
      trashedVideos: copied.trashedVideos,
      duplicates: copied.duplicates,
      skipped: copied.skipped,
      failed: [...copied.failed.map((f): PhotoImportFailure => ({ ...f, step: 'copy' })), ...notIndexed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))],
      indexed,
      stopped,
    };
  };
  return {
    importPhotosNow: run,
    async importPhotos(typedFrom, typedTo): Promise<JobState> {
      const lib = await ctx.need(); // no model yet: the one-line error, not a failed job
      // Typed in the app (the card's path): read as every field reads one, never against the engine's cwd.
      const from = typedFolder(typedFrom, 'the full path of the card or folder to import from', '/Volumes/CARD');
      const to = typedFolder(typedTo, 'the full path of the library folder to import into', '/home/me/Pictures');
      await checkPlaces(ctx, from, to); // a wrong place is said at once, not as a failed job
      // It copies into the library and indexes: refused at once while another process writes,
      // before anything is copied (the CLI's run takes the lock first too).
      await writerFirst(lib);
      return ctx.jobs.enqueue('import-photos', to, async (signal) => {
        const r = await run(from, to, { signal, onProgress: jobProgress(ctx.jobs, (event) => ctx.emit(event)), onStep: (step) => ctx.jobs.step(step) });
        // A copy that could not be indexed says so: it is in the library folder, not on the card.
        // One left in its day folder by an earlier, stopped import was not copied by this one.
        const copiedNow = new Set(r.copied);
        // A destination that could not be written is one entry per folder and cause, not one per
        // file; `files` says how many it stands for (the app's "and N more" counts by it).
        const { destinations, perFile } = importFailureLines(r.failed);
        const said = destinations.slice(0, MAX_JOB_FAILURES).map((d) => ({ path: r.to, reason: d.error, files: d.files }));
        const failures = [...said, ...perFile.slice(0, MAX_JOB_FAILURES - said.length).map((f) => ({ path: f.path, reason: f.step === 'index' ? `${copiedNow.has(f.path) ? 'copied' : 'in the library folder'}, but could not be indexed: ${f.error}` : f.error }))];
        return { added: r.indexed, updated: 0, removed: 0, embedded: r.indexed, failed: r.failed.length, summary: photoImportSummary(r, APP_TRASHED_HINT), ...(failures.length ? { failures } : {}) };
      });
    },
  };
}

/** The source (a folder outside the library) and the target (a library folder, or a folder in one), resolved (the CLI's against its cwd); one line when either is wrong. */
async function checkPlaces(ctx: ApiContext, from: string, to: string): Promise<{ source: string; target: string; folder: string }> {
  const source = path.resolve(from);
  const target = path.resolve(to);
  if (!isDirectory(source)) throw new Error(`nothing to import from: ${source} is not a folder`);
  // A file where a folder is to be (the target, or a folder on its way): said as such, not as mkdir's EEXIST or ENOTDIR.
  const file = fileOnTheWay(target);
  if (file) throw new Error(`import into a folder: ${file} is a file, not a folder`);
  const folders = (await (await (await ctx.need()).readable()).listFolders()).map((f) => f.path);
  const folder = folders.filter((f) => isAtOrInside(target, f)).sort((a, b) => a.length - b.length)[0];
  if (!folder) throw new Error(`import into a library folder: ${target} is not in the library (add it as a folder first, or choose one of its folders)`);
  if (folders.some((f) => isAtOrInside(source, f))) throw new Error(`${source} is in the library already: its photos are indexed where they are`);
  if (isAtOrInside(target, source)) throw new Error(`import into a folder outside ${source}: the copies would land among the files being imported`);
  return { source, target, folder };
}

/** The nearest existing path at or above `target` when it is not a folder; null when it is one (or nothing is there). */
function fileOnTheWay(target: string): string | null {
  for (let at = target; ; at = path.dirname(at)) {
    if (fs.existsSync(at)) return isDirectory(at) ? null : at;
    if (path.dirname(at) === at) return null;
  }
}
