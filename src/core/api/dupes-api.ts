// LibraryApi's duplicate methods over src/core/dupes. The scan and the trash step run as
// background jobs (kind 'dupes'): one at a time with indexing, the watcher paused, so the
// rows they read are the rows they act on. The finished report is kept in memory, per open
// library (a restart or a model switch forgets it: scan again), and trashing acts only on it.
import type { DuplicateKind, DuplicateReport, JobResult, JobState, TrashReport } from '../../shared/api';
import { DupesService } from '../dupes/dupes-service';
import { DEFAULT_DUPLICATE_KINDS, type DuplicateScanProgress } from '../dupes/types';
import type { LibraryService } from '../library/library-service';
import type { ApiContext, ApiMethods } from './api-context';
import { summary, toReport, withoutMoved, type KeptReport, type ScannedState } from './dupes-report';
import { selectForTrash } from './dupes-trash';

export type DupesMethods = ApiMethods<'findDuplicates' | 'duplicates' | 'trashDuplicates'>;

/** Progress events at most this often: a scan reports every photo. */
const PROGRESS_MS = 150;

export function dupesApi(ctx: ApiContext): DupesMethods {
  // Keyed by the library object, so a reopened library (another model) starts without one.
  const reports = new WeakMap<LibraryService, KeptReport>();

  const noResult = (text: string): JobResult => ({ added: 0, updated: 0, removed: 0, embedded: 0, failed: 0, summary: text });

  /** Runs `work` as a dupes job and hands back its answer (or its error) once it finished. */
  const runJob = async <T>(work: (signal: AbortSignal) => Promise<{ value: T; summary: string; removed?: number }>): Promise<T> => {
    let answer: { value: T } | undefined;
    const job = ctx.jobs.enqueue('dupes', '', async (signal) => {
      const out = await work(signal);
      answer = { value: out.value };
      return { ...noResult(out.summary), removed: out.removed ?? 0 };
    });
    await ctx.jobs.whenDone(job.id);
    if (answer) return answer.value;
    const finished = ctx.jobs.list().find((j) => j.id === job.id);
    throw new Error(finished?.error ?? 'the duplicate job was stopped');
  };

  return {
    async findDuplicates(kinds: DuplicateKind[] = [...DEFAULT_DUPLICATE_KINDS]): Promise<JobState> {
      const lib = await ctx.need();
      return ctx.jobs.enqueue('dupes', '', async (signal): Promise<JobResult | null> => {
        const scannedAt = Date.now();
        const scan = await new DupesService(lib).scan({ kinds, writer: true, signal, onProgress: progressReporter(ctx) });
        if (signal.aborted) return null;
        const rows = await (await lib.writable()).photoStates();
        const states = new Map<string, ScannedState>();
        for (const g of scan.groups) {
          for (const m of g.members) {
            const row = rows.get(m.path);
            if (row) states.set(m.path, { size: row.size, mtimeMs: row.mtimeMs, hash: row.hash });
          }
        }
        reports.set(lib, { report: toReport(scan, kinds, scannedAt), groups: scan.groups, states });
        return noResult(summary(scan.groups));
      });
    },

    async duplicates(): Promise<DuplicateReport | null> {
      const lib = await ctx.open();
      return (lib && reports.get(lib)?.report) ?? null;
    },

    async trashDuplicates(ids: string[], keep: string[] = []): Promise<TrashReport> {
      const lib = await ctx.need();
      const report = await runJob(async () => {
        const store = await lib.writable();
        const kept = reports.get(lib) ?? null;
        const selection = await selectForTrash(kept, ids, keep, await store.photoStates());
        // The same trash as `shoebox dupes --trash`: the OS trash, or SHOEBOX_TRASH_DIR.
        const trashDir = process.env.SHOEBOX_TRASH_DIR;
        const result = selection.paths.length ? await new DupesService(lib).trash(selection.paths, trashDir ? { trashDir } : {}) : { moved: [], failed: [] };
        if (kept && result.moved.length) reports.set(lib, withoutMoved(kept, new Set(result.moved)));
        const value: TrashReport = { moved: result.moved, skipped: selection.skipped, failed: result.failed.map((f) => ({ path: f.path, error: f.reason })) };
        const text = `moved ${result.moved.length} ${result.moved.length === 1 ? 'photo' : 'photos'} to the trash`;
        return { value, summary: text, removed: result.moved.length };
      });
      if (report.moved.length) ctx.emit({ type: 'photos-changed', added: 0, removed: report.moved.length });
      return report;
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
