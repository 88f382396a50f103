// LibraryApi's duplicate methods over src/core/dupes. The scan and the trash step run as
// background jobs (kind 'dupes'): one at a time with indexing, the watcher paused, so the
// rows they read are the rows they act on. The finished report is saved per model
// (src/core/dupes/report-store.ts) and read back on first use after a start; trashing acts
// only on it. What is served is checked against the library first: a member deleted or
// changed since the scan is dropped, never offered for the trash. A member whose file is gone
// from disk (deleted while no watcher ran: its row is still there) is left out of every read
// too (onDisk: the app's pages, `shoebox dupes`, its plan and the trash; the pages reuse one
// pass until the photos change or 30 s pass, gone-from-disk-cache.ts), a group left with one
// photo with it; the report kept and saved stays whole, so nothing is lost to a read (a disk
// unplugged for now, the decisions on its photos).
//
// Remembered "not duplicates" decisions (src/core/dupes/decisions.ts) are applied when a page
// is served, not when the report is saved: a decision made or undone shows at once, and the
// saved report stays the scan's. The trash never moves a photo a decision covers.
//
// The CLI (`shoebox dupes`) goes through the same report and the same trash: its scan
// replaces the saved report the app reviews (DupesForeground.scanDuplicatesNow), and
// `--trash` plans with the checks of trashDuplicates (planDuplicateTrash), then trashes
// through trashDuplicates itself. Where the trash is comes from the front end (`trashDir`).
// The plan leaves out the pictures the core holds back (similar shots, held-back.ts) unless
// asked to include them, as the app's review starts them skipped: both follow the same marks.
// Which pictures are too large to trash without an explicit yes is the core's measure too
// (dupes-large.ts): the plan names them for the CLI, each report page for the app.
import type { DuplicateDecisionInfo, DuplicateKind, DuplicateReport, JobResult, JobState, PageOptions, TrashReport } from '../../shared/api';
import { listDecisions, recordDecision, undoDecision } from '../dupes/decision-records';
import { applyDecisions, trashableGroup, type DecidedGroup, type DuplicateDecision } from '../dupes/decisions';
import { DecisionsReader, libraryDecisions } from '../dupes/decisions-file';
import { DupesService } from '../dupes/dupes-service';
import { libraryReport, loadReport, reportWithPaths, saveReport } from '../dupes/report-store';
import { DEFAULT_DUPLICATE_KINDS, type DuplicateScanProgress, type DuplicateScanStats } from '../dupes/types';
import type { LibraryService } from '../library/library-service';
import { keepTrashedRows } from '../library/trashed-contents';
import { isAtOrInside } from '../../base/path-inside';
import type { ApiContext, ApiMethods } from './api-context';
import { keptFromScan, memberPaths, pagePaths, pictures, reportPage, staleMembers, summary, turnedGroups, turnedMembers, withHeldMarks, withoutPaths, withPictures, type KeptReport } from './dupes-report';
import { heldReasonsLeft, type HeldMark, type HeldReason } from '../dupes/held-back';
import { pathFromPhotoId, photoId } from './photo-id';
import { selectForTrash, type TrashSelection } from './dupes-trash';
import { largePictures, type LargePicture } from './dupes-large';
import { withMemberDetails } from './dupes-members';
import { withSameFiles } from '../dupes/same-file';
import { standingReport } from './dupes-standing';
import { finishTrashHandOvers, trashWithHandOver } from './trash-hand-over';
import { runNow } from './run-now';
import { countText } from '../../shared/count-text';
import { goneFromDisk } from '../dupes/gone-from-disk';
import { GoneFromDiskCache } from '../dupes/gone-from-disk-cache';
import { keptInstead, type KeptInstead } from './dupes-kept-instead';
import { writerFirst } from './writer-first';

export type DupesMethods = ApiMethods<'findDuplicates' | 'duplicates' | 'trashDuplicates' | 'stopDuplicateScan' | 'decideDuplicates' | 'duplicateDecisions' | 'undoDuplicateDecision'>;

export type { DecidedGroup, DuplicateScanProgress, DuplicateScanStats };

export interface DupesOptions {
  /** A freedesktop-layout trash folder of the front end's choosing instead of the OS trash
   *  (`SHOEBOX_TRASH_DIR`, read alike by the CLI, `serve` and the app's engine: shared/trash-dir-setting.ts). */
  trashDir?: string;
}

export interface DuplicateScanRequest {
  kinds: readonly DuplicateKind[];
  similarThreshold?: number;
  /** Only photos under this library folder. */
  folder?: string;
  /** The caller means to trash afterwards: the scan takes the writer lock at once. */
  writer?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: DuplicateScanProgress) => void;
}

/** A scan as shown: the groups without those a remembered decision covers, the rest marked. */
export interface ShownScan {
  /** Those of a picture the trash holds back marked `held`. */
  groups: (DecidedGroup & HeldMark)[];
  /** Groups left out by a decision. */
  hidden: number;
  stats: DuplicateScanStats;
  /** Keepers of the report shown before this scan that are gone from disk, each with the copy
   *  kept in its place now (said by the CLI: its last run named the gone one). */
  keptInstead: KeptInstead[];
}

/** The CLI's share (`shoebox dupes`): a scan awaited whole, and the trash planned up front. */
export interface DupesForeground {
  /** Scans as a job, awaited; the result becomes the saved report the app reviews. */
  scanDuplicatesNow(request: DuplicateScanRequest): Promise<ShownScan>;
  /** What trashing every photo but its group's keeper would move now, through the checks of
   *  trashDuplicates (the current report, decisions, unchanged since the scan, keepers that
   *  stay), held-back pictures left out unless `includeHeld` (true: all; else those held only
   *  for the reasons listed, held-back.ts); `ids`: what to pass to
   *  trashDuplicates. */
  planDuplicateTrash(options?: { includeHeld?: boolean | readonly HeldReason[] }): Promise<PlannedTrash>;
}

/** The CLI's trash plan: the selection, and what it held back. */
export interface PlannedTrash extends TrashSelection {
  ids: string[];
  /** Left out as held back (held-back.ts): pictures (the groups the CLI lists), the photos of
   *  them that would have gone, and the reasons not included they were held for; none when
   *  they were included. */
  held: { groups: number; photos: number; for: HeldReason[] };
  /** The pictures of LARGE_DUPLICATE_GROUP photos or more (dupes-large.ts, the measure the
   *  app's review is sent) that some of `paths` come from: not to be moved without an explicit yes. */
  large: LargePicture[];
}

/** Why the trash leaves a photo a remembered decision covers. */
const DECIDED = 'you said these are not duplicates (undo the decision to move it)';

/** The report as shown: without the groups a decision covers, the rest with their marks. */
interface ShownReport {
  report: KeptReport;
  /** Groups left out. */
  hidden: number;
  /** Photos a decision covers (members of hidden groups, marked members of shown ones). */
  decided: Set<string>;
}

/** The scan job's summary, after its counts, when its report could not be saved: kept in
 *  memory meanwhile (usually another process writes the library, as `shoebox dupes` says it). */
function notSavedNote(error: unknown): string {
  if (error instanceof Error && error.name === 'LibraryBusyError') return 'not saved: another process is writing the library';
  return `not saved: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
}

/** Progress events at most this often: a scan reports every photo. */
const PROGRESS_MS = 150;

export function dupesApi(ctx: ApiContext, options: DupesOptions = {}): DupesMethods & DupesForeground {
  // Keyed by the library object: a reopened library (another model) reads its own file.
  const reports = new WeakMap<LibraryService, { report: KeptReport | null }>();
  const loading = new WeakMap<LibraryService, Promise<KeptReport | null>>();
  /** The saved file's stamp when the report in memory was read from it or written to it: a
   *  `shoebox dupes` (or another device) saving a scan meanwhile changes it (freshReport). */
  const stamps = new WeakMap<LibraryService, string | null>();
  /** Saves of this process in flight: the file changes under them by our own hand. */
  const saving = new WeakMap<LibraryService, number>();
  /** The photos version at which every member of a report was last checked (standingReport). */
  const checkedAt = new WeakMap<KeptReport, string>();
  /** Scan jobs (trash jobs are 'dupes' too, and must never be stopped halfway). */
  const scanJobs = new Set<string>();

  const warn = (message: string) => ctx.emit({ type: 'log', level: 'warn', message });
  // The report of the vectors the library reads now: keyed as their tables are (report-store.ts),
  // so a report other weights under this id measured is not this one's.
  const fileOf = async (lib: LibraryService) => libraryReport(lib.files, lib.modelId, (await lib.readable()).modelTablesKey);
  // Read again only when the file changes (the CLI may record or undo one meanwhile).
  const decisionsReader = new DecisionsReader(libraryDecisions(ctx.files), warn);
  const shownOf = new WeakMap<KeptReport, { decisions: readonly DuplicateDecision[]; shown: ShownReport }>();

  /** `kept` as read for a front end: without the members whose file is gone from disk, groups
   *  left with one photo dropped and a gone keeper's group keeping its next best. A view only:
   *  `reports` and the saved file keep them (never store it there). One stat per member: fresh
   *  for what acts on it (the trash, its plan); for the review's pages, a pass kept while the
   *  library's photos do not change, a short while at most (gone-from-disk-cache.ts). */
  const onDisk = async (kept: KeptReport): Promise<KeptReport> => withoutPaths(kept, await goneFromDisk(memberPaths(kept)));
  const goneCache = new GoneFromDiskCache();
  const onDiskForPages = async (kept: KeptReport, photosVersion: string): Promise<KeptReport> => withoutPaths(kept, await goneCache.gone(kept, () => memberPaths(kept), photosVersion));

  /** `kept` with the decisions applied, computed once per report and decisions file. */
  const shown = async (kept: KeptReport): Promise<ShownReport> => {
    const decisions = await decisionsReader.read();
    const known = shownOf.get(kept);
    if (known?.decisions === decisions) return known.shown;
    const { groups, hidden } = applyDecisions(kept.groups, decisions, (p) => kept.states.get(p)?.hash);
    const decided = new Set([...groups.flatMap((g) => g.decided ?? []), ...hidden.flatMap((g) => g.members.map((m) => m.path))]);
    const result: ShownReport = { report: decided.size ? { ...kept, groups } : kept, hidden: hidden.length, decided };
    shownOf.set(kept, { decisions, shown: result });
    return result;
  };

  /** The report in memory; on first use, the saved one without members gone from the library. */
  const keptReport = async (lib: LibraryService): Promise<KeptReport | null> => {
    const known = reports.get(lib);
    if (known) return known.report;
    let load = loading.get(lib);
    if (!load) {
      load = (async () => {
        // Stamped before reading: a save in between only makes the next check read it again.
        const file = await fileOf(lib);
        const stamp = await file.stamp();
        const stored = await loadReport(file, lib.modelId, warn);
        if (!reports.has(lib)) stamps.set(lib, stamp);
        if (!stored) return null;
        // Saved in the library's paths: shown in this device's (folders mapped elsewhere here).
        const map = lib.deviceFolders.map();
        const saved = map.empty ? stored : reportWithPaths(stored, (p) => map.toDevice(p));
        const rows = await (await lib.readable()).photoStates();
        return withoutPaths(saved, staleMembers(saved, memberPaths(saved), rows));
      })().finally(() => loading.delete(lib));
      loading.set(lib, load);
    }
    const loaded = await load;
    // A scan or trash that finished meanwhile has the newer report.
    if (!reports.has(lib)) reports.set(lib, { report: loaded });
    return reports.get(lib)!.report;
  };

  /**
   * Replaces the report in memory and in the library (a failed write costs only the restart).
   * Saved under the writer lease (a device that cannot take it, because another writes the
   * library, keeps its report in memory rather than overwrite the library's), in the library's
   * paths so that every device reads it in its own.
   */
  const replaceReport = async (lib: LibraryService, report: KeptReport): Promise<{ saved: true } | { saved: false; error: unknown }> => {
    reports.set(lib, { report });
    saving.set(lib, (saving.get(lib) ?? 0) + 1);
    try {
      await lib.writable();
      const map = lib.deviceFolders.map();
      const file = await fileOf(lib);
      await saveReport(file, lib.modelId, map.empty ? report : reportWithPaths(report, (p) => map.toLibrary(p)));
      if (reports.get(lib)?.report === report) stamps.set(lib, await file.stamp());
      return { saved: true };
    } catch (error) {
      warn(`could not save the duplicates report: ${(error as Error).message}`);
      // Kept in memory over the file as it is: shown until the file changes (freshReport).
      if (reports.get(lib)?.report === report) stamps.set(lib, await fileOf(lib).then((file) => file.stamp()).catch(() => null));
      return { saved: false, error };
    } finally {
      saving.set(lib, saving.get(lib)! - 1);
    }
  };

  /**
   * Forgets the report in memory when the saved file changed since it was read or written
   * here: a `shoebox dupes` run while the app serves (or another device) saved a newer scan,
   * which is the report the app reviews (the next keptReport reads it). A report this device
   * could not save (another wrote the library) stays while the file does not change.
   */
  const freshReport = async (lib: LibraryService): Promise<void> => {
    if (!reports.has(lib) || (saving.get(lib) ?? 0) > 0) return;
    const stamp = await fileOf(lib).then((file) => file.stamp()).catch(() => undefined);
    if (stamp === undefined || stamp === stamps.get(lib) || (saving.get(lib) ?? 0) > 0) return;
    reports.delete(lib);
  };

  /**
   * Writers take turns (writer-hand-back.ts): while this process did not hold the lock, another
   * device (or a `shoebox dupes` here) may have scanned again and saved its report. The trash
   * then acts on no report the user did not see: this one's is forgotten (the next page shows
   * the new one) and the trash refused, nothing moved.
   */
  const refuseIfRescanned = async (lib: LibraryService): Promise<void> => {
    const known = reports.get(lib)?.report;
    if (!known) return;
    const saved = await loadReport(await fileOf(lib), lib.modelId, () => {});
    // Another scan's, by its start time: not "later" (devices' clocks differ), just another.
    if (!saved || saved.scannedAt === known.scannedAt) return;
    reports.delete(lib);
    throw new Error('the duplicates were scanned again meanwhile (on another device, or by another command): nothing was moved; review the new report');
  };

  /** Which of `ids` may go (trash-selection rules, dupes-trash.ts): the app's trash and the CLI's plan. */
  const select = async (lib: LibraryService, kept: KeptReport | null, ids: readonly string[], keep: readonly string[]): Promise<TrashSelection> => {
    // Photos a remembered decision covers stay, whatever group they are also in.
    const view = kept ? await shown(kept) : null;
    const isDecided = (id: string) => {
      const file = pathFromPhotoId(id);
      return file !== null && view !== null && view.decided.has(file);
    };
    const decidedSkips = [...new Set(ids.filter(isDecided))].map((id) => ({ path: pathFromPhotoId(id)!, reason: DECIDED }));
    const selection = await selectForTrash(view?.report ?? null, ids.filter((id) => !isDecided(id)), keep, await (await lib.writable()).photoStates());
    selection.skipped.unshift(...decidedSkips);
    return selection;
  };

  const noResult = (text: string): JobResult => ({ added: 0, updated: 0, removed: 0, embedded: 0, failed: 0, summary: text });

  /** Runs `work` as a dupes job and hands back its answer (or its own error, class and all:
   *  the app tells a LeaseLostError by its name) once it finished. */
  const runJob = async <T>(work: (signal: AbortSignal) => Promise<{ value: T; summary: string; removed?: number }>): Promise<T> => {
    let answer: { value: T } | undefined;
    let failure: { error: unknown } | undefined;
    const job = ctx.jobs.enqueue('dupes', '', async (signal) => {
      try {
        const out = await work(signal);
        answer = { value: out.value };
        return { ...noResult(out.summary), removed: out.removed ?? 0 };
      } catch (error) {
        failure = { error };
        throw error;
      }
    });
    await ctx.jobs.whenDone(job.id);
    if (answer) return answer.value;
    if (failure) throw (failure as { error: unknown }).error;
    throw new Error('the duplicate job was stopped');
  };

  return {
    async findDuplicates(kinds: DuplicateKind[] = [...DEFAULT_DUPLICATE_KINDS]): Promise<JobState> {
      const lib = await ctx.need();
      const job = ctx.jobs.enqueue('dupes', '', async (signal): Promise<JobResult | null> => {
        const scannedAt = Date.now();
        // Read as `shoebox dupes` reads: while another process writes the library the scan runs
        // all the same, and its report is kept here unsaved (saved only by the writer), said so.
        const scan = await new DupesService(lib).scan({ kinds, signal, onProgress: progressReporter(ctx) });
        const rows = await (await lib.readable()).photoStates();
        // Stopped: the previous report stays, in memory and on disk.
        if (signal.aborted) return null;
        const kept = await replaceReport(lib, keptFromScan(scan, kinds, scannedAt, rows));
        return noResult(kept.saved ? summary(scan.groups) : `${summary(scan.groups)}; ${notSavedNote(kept.error)}`);
      });
      scanJobs.add(job.id);
      void ctx.jobs.whenDone(job.id).then(() => scanJobs.delete(job.id));
      return job;
    },

    async stopDuplicateScan(): Promise<void> {
      await ctx.jobs.cancel((job) => scanJobs.has(job.id));
    },

    async duplicates(options: PageOptions = {}): Promise<DuplicateReport | null> {
      const lib = await ctx.open();
      if (!lib) return null;
      await freshReport(lib);
      let kept = await keptReport(lib);
      if (!kept) return null;
      // The whole report's groups still standing, so its counts are the ones the review shows.
      const photosVersion = await (await lib.readable()).photosVersion();
      if (checkedAt.get(kept) !== photosVersion) {
        const standing = await standingReport(kept, await lib.readable());
        if (reports.get(lib)?.report === kept) reports.set(lib, { report: standing });
        checkedAt.set(standing, photosVersion);
        kept = standing;
      }
      const { offset, limit } = ctx.page(options);
      // Files gone from disk: left out of what is shown, not of what is kept.
      let present = await onDiskForPages(kept, photosVersion);
      // The page's members again (the whole report was checked at this photos version, but a
      // row may change between the two reads); dropping stale ones can pull the next pictures
      // in, so look again until the page is clean.
      for (;;) {
        const view = await shown(present);
        const paths = pagePaths(view.report, offset, limit);
        const store = await lib.readable();
        const rows = await store.photosByPath(paths);
        const stale = staleMembers(present, paths, rows);
        // Its pictures made last, from the members as they show, with their details.
        if (stale.size === 0) return withPictures(await withMemberDetails(turnedMembers(reportPage(view.report, offset, limit, view.hidden), (p) => rows.get(p)?.hash, await store.rotations()), rows, store));
        const fresh = withoutPaths(kept, stale);
        if (reports.get(lib)?.report === kept) reports.set(lib, { report: fresh });
        kept = fresh;
        present = withoutPaths(present, stale);
      }
    },

    async trashDuplicates(ids: string[], keep: string[] = []): Promise<TrashReport> {
      // Refused at once while another process writes, not as a failed job (writer-first.ts).
      const lib = await writerFirst(await ctx.need());
      const report = await runJob(async () => {
        await lib.writable(); // the writer lock, before the report is read
        await refuseIfRescanned(lib);
        const kept = await keptReport(lib);
        const selection = await select(lib, kept && (await onDisk(kept)), ids, keep);
        // Every member of the report that stays: the trash refuses to move its real file.
        const moving = new Set(selection.paths);
        const staying = kept ? [...memberPaths(kept)].filter((p) => !moving.has(p)) : [];
        // The rows of what goes are kept a while: a photo restored from the trash is not embedded again.
        const trashOptions = { keep: staying, keepRemoved: keepTrashedRows(lib), ...(options.trashDir ? { trashDir: options.trashDir } : {}) };
        const store = await lib.writable();
        const hashOf = new Map([...(await store.photosByPath(selection.paths))].map(([p, row]) => [p, row.hash]));
        // The favourite, tag decisions and album entries of what went stay with the picture
        // (trash-hand-over.ts: noted before the moves, so a crash between loses none of them).
        await finishTrashHandOvers(ctx.files, lib, ctx.writes);
        const warn = (message: string) => ctx.emit({ type: 'log', level: 'warn', message });
        const handed = { moved: selection.paths, keepers: selection.keepers, hashOf };
        const result = selection.paths.length ? await trashWithHandOver(ctx.files, lib, ctx.writes, handed, () => new DupesService(lib).trash(selection.paths, trashOptions), warn) : { moved: [], failed: [], refused: [] };
        if (kept && result.moved.length) await replaceReport(lib, withoutPaths(kept, new Set(result.moved)));
        const value: TrashReport = { moved: result.moved, skipped: [...selection.skipped, ...result.refused], failed: result.failed.map((f) => ({ path: f.path, error: f.reason })) };
        const text = `moved ${countText(result.moved.length, 'photo')} to the trash`;
        return { value, summary: text, removed: result.moved.length };
      });
      if (report.moved.length) ctx.emit({ type: 'photos-changed', added: 0, removed: report.moved.length });
      return report;
    },

    async scanDuplicatesNow(request: DuplicateScanRequest): Promise<ShownScan> {
      const lib = await ctx.need();
      // The scan replaces the report the app reviews: a mistyped folder would empty it.
      if (request.folder !== undefined && !(await lib.listFolders()).some((f) => isAtOrInside(request.folder!, f.path))) {
        throw new Error(`not in the library: ${request.folder} (no library folder holds it); the duplicates report is left as it was`);
      }
      // The report shown before (the last run's list, the app's review): its keepers gone from
      // disk are said with the copy kept instead, as the app's trash says it.
      const before = await keptReport(lib).catch(() => null);
      const scan = await runNow(ctx.jobs, 'dupes', '', async (signal) => {
        const scannedAt = Date.now();
        const { signal: _caller, ...scanOptions } = request;
        const found = await new DupesService(lib).scan({ ...scanOptions, signal });
        if (signal.aborted) throw new Error('the duplicate scan was stopped');
        const rows = await (await lib.readable()).photoStates();
        await replaceReport(lib, keptFromScan(found, [...request.kinds], scannedAt, rows, { folder: request.folder, threshold: request.similarThreshold }));
        return { value: found, result: noResult(summary(found.groups)) };
      }, request.signal);
      const saved = await keptReport(lib);
      const gone = await goneFromDisk([...(saved ? memberPaths(saved) : []), ...(before?.groups.map((g) => g.keep) ?? [])]);
      const kept = saved && withoutPaths(saved, gone);
      const view = kept ? await shown(kept) : null;
      // Sizes as the photos show (turned as the user turned them), as on the app's pages; the
      // scan's own sizes should the lookup fail (the scan is done and saved).
      const shownGroups = withHeldMarks(view?.report.groups ?? []);
      const groups = await (async () => {
        const store = await lib.readable();
        const rotations = await store.rotations();
        const rows = rotations.size ? await store.photosByPath([...new Set(shownGroups.flatMap((g) => g.members.map((m) => m.path)))]) : new Map<string, { hash: string }>();
        return turnedGroups(shownGroups, (p) => rows.get(p)?.hash, rotations);
      })().catch(() => shownGroups);
      // Hard links of one another are marked: they stay whichever is kept (same-file.ts).
      const linkedGroups = await withSameFiles(groups);
      const instead = before ? keptInstead(before.groups, view?.report.groups ?? [], gone) : [];
      return { groups: linkedGroups, hidden: view?.hidden ?? 0, stats: scan.stats, keptInstead: instead };
    },

    async planDuplicateTrash(planOptions: { includeHeld?: boolean | readonly HeldReason[] } = {}): Promise<PlannedTrash> {
      const lib = await ctx.need();
      return runNow(ctx.jobs, 'dupes', '', async () => {
        await lib.writable(); // as trashDuplicates: no other writer between the plan and the trash
        const saved = await keptReport(lib);
        const kept = saved && (await onDisk(saved));
        const view = kept ? await shown(kept) : null;
        // Every member but its group's keeper; a decided photo is not asked for at all.
        const goers = (groups: readonly DecidedGroup[]) => groups.flatMap((g) => (trashableGroup(g)?.members ?? []).filter((m) => m.path !== g.keep).map((m) => photoId(m.path)));
        const all = pictures(view?.report.groups ?? []);
        const included = planOptions.includeHeld ?? false;
        const notIncluded = (p: readonly DecidedGroup[]) => heldReasonsLeft(p, included);
        const held = all.filter((p) => notIncluded(p).length > 0);
        const heldIds = new Set(held.flatMap(goers));
        const ids = [...new Set(goers(view?.report.groups ?? []))].filter((id) => !heldIds.has(id));
        const selection = await select(lib, kept, ids, []);
        const moving = new Set(selection.paths);
        const large = largePictures(view?.report.groups ?? []).filter((p) => p.members.some((m) => moving.has(m)));
        const value: PlannedTrash = { ...selection, ids: selection.paths.map(photoId), held: { groups: held.length, photos: heldIds.size, for: [...new Set(held.flatMap(notIncluded))] }, large };
        return { value, result: noResult(`${selection.paths.length} photos could go`) };
      });
    },

    async decideDuplicates(ids: string[], decision: 'not-duplicates'): Promise<DuplicateDecisionInfo> {
      const lib = await ctx.need();
      const paths = ids.map((id) => {
        const file = pathFromPhotoId(id);
        if (!file) throw new Error(`not a photo id: ${id}`);
        return file;
      });
      const made = await recordDecision(ctx.files, await lib.readable(), paths, decision);
      return { ...made, members: made.members.map((m) => ({ ...m })), applies: true };
    },

    async duplicateDecisions(): Promise<DuplicateDecisionInfo[]> {
      const lib = await ctx.open();
      if (!lib) return [];
      return listDecisions(ctx.files, await lib.readable(), warn);
    },

    async undoDuplicateDecision(id: string): Promise<void> {
      await undoDecision(ctx.files, id);
    },
  };
}

/** The scan's phases (signatures, near, similar) as the running job's progress, phase by phase. */
function progressReporter(ctx: ApiContext): (p: DuplicateScanProgress) => void {
  let phase: DuplicateScanProgress['phase'] | null = null;
  let started = 0;
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (p.phase !== phase) {
      phase = p.phase;
      started = now;
    } else if (now - last < PROGRESS_MS && p.done < p.total) return;
    last = now;
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? p.done / seconds : 0;
    ctx.jobs.progress({ done: p.done, total: p.total, rate, etaSeconds: rate > 0 ? (p.total - p.done) / rate : null });
  };
}
