// The reading pass of "Text in photos" as a job of the host's queue (job-queue.ts), kind
// 'read-text': one at a time with indexing (LanceDB has one writer), cancellable, with
// progress like an index job's ('job' and 'index-progress' events, so the app's job list and
// the CLI's bar show it). Index runs and watch syncs only queue it (never read inline, so an
// index job ends when its photos are embedded); at most one waits in the queue whatever asks
// for it, and it reads the newest photos first (text-reading.ts), so what an index run just
// added is read promptly while the backlog goes on, resumable, behind it. Where the host
// watches the folders (the app, serve), a job reads for SLICE_MS at most: the watcher is
// paused while any job runs, so a first pass over a large library (0.3 s a photo: hours)
// would otherwise keep new photos out of it until the end. Between slices the watcher
// catches up (a stat per file), and its sync queues the next slice.
// Its result carries the pass's counts (JobResult.text) besides the job list's line, for
// `shoebox index` to report them (and say when Ctrl-C stopped the pass).
import type { JobResult, JobState, LibraryEvent, TextReadingCounts } from '../../shared/api';
import { jobProgress } from './job-progress';
import { recognizeText } from '../ocr';
import type { LibraryStore } from '../store/types';
import { contentsWithoutText, readMissingText, textInPhotosEnabled, type ReadTextOptions } from '../text';
import type { JobQueue } from './job-queue';
import { countText } from '../../shared/count-text';

/** A pass that left photos it could not read now (a NAS away) is tried again after this long. */
const RETRY_LEFT_MS = 10 * 60_000;

export interface TextReadingJobs {
  /** Queues the reading pass unless one already waits; null when nothing is queued. */
  queue(store: () => Promise<LibraryStore>): JobState | null;
  /**
   * The hook a library runs after each index run and watch sync (LibraryService.afterSync):
   * queues the pass when the setting is on and photos are still without text.
   */
  afterSync(store: () => Promise<LibraryStore>): (s: LibraryStore) => Promise<void>;
}

export interface TextReadingJobOptions {
  recognize?: ReadTextOptions['recognize'];
  /** Longest a job reads before it ends and lets the watcher catch up; none: to the end. */
  sliceMs?: number;
}

/** A slice of the backlog where the host watches: new photos wait two minutes at most. */
export const READING_SLICE_MS = 120_000;

export function textReadingJobs(jobs: JobQueue, emit: (event: LibraryEvent) => void, options: TextReadingJobOptions = {}): TextReadingJobs {
  const recognize = options.recognize ?? recognizeText;
  /** What the last finished pass left unread (transient failures), and when. */
  let lastLeft: { count: number; at: number } | null = null;
  /** Contents a slice could not read now, and when: later slices leave them for RETRY_LEFT_MS. */
  const skipped = new Map<string, number>();

  const queue = (store: () => Promise<LibraryStore>): JobState | null => {
    if (jobs.list().some((j) => j.kind === 'read-text' && j.state === 'queued')) return null;
    return jobs.enqueue('read-text', '', async (signal): Promise<JobResult | null> => {
      const s = await store();
      if (!(await textInPhotosEnabled(s))) return null;
      const start = performance.now();
      const report = jobProgress(jobs, emit);
      const onProgress = (done: number, total: number) => {
        if (done === 1) emit({ type: 'log', level: 'info', message: `text in photos: reading the text of ${countText(total, 'photo')}` });
        report(done, total);
      };
      const sliced = options.sliceMs !== undefined;
      for (const [hash, at] of skipped) if (Date.now() - at >= RETRY_LEFT_MS) skipped.delete(hash);
      const summary = await readMissingText(s, {
        recognize,
        signal,
        onProgress,
        ...(sliced ? { until: start + options.sliceMs!, exclude: new Set(skipped.keys()), onSkip: (hash: string) => void skipped.set(hash, Date.now()) } : {}),
      });
      // A slice that ran out of time, having read something, leaves the rest to the next one,
      // queued by the watcher's catch-up; photos that could not be read now (and a slice that
      // read nothing) wait RETRY_LEFT_MS.
      lastLeft = summary.paused && summary.read + summary.failed > 0 ? null : { count: summary.left, at: Date.now() };
      // Stopped with photos left to read: said as such, never as a pass that ended.
      const interrupted = signal.aborted && summary.left > 0;
      const left = summary.left === 0 ? '' : interrupted ? `, ${summary.left} left for the next run` : summary.paused ? `, ${summary.left} left (the next slice goes on once the folders are checked)` : `, ${summary.left} left for the next pass`;
      if (summary.read + summary.failed > 0 || summary.left > 0) {
        emit({ type: 'log', level: 'info', message: `text in photos: ${interrupted ? 'interrupted: ' : ''}read ${summary.read}, ${summary.failed} unreadable${left}` });
      }
      const text: TextReadingCounts = { read: summary.read, unreadable: summary.failed, left: summary.left, interrupted };
      const result: JobResult = { added: 0, updated: 0, removed: 0, embedded: 0, failed: summary.failed, summary: `text read in ${summary.read} photos, ${summary.failed} unreadable${summary.left > 0 ? `, ${summary.left} left` : ''}${interrupted ? ' (interrupted)' : ''}`, text };
      return result;
    });
  };

  const afterSync = (store: () => Promise<LibraryStore>) => async (s: LibraryStore) => {
    if (!(await textInPhotosEnabled(s))) return;
    const missing = (await contentsWithoutText(s)).length;
    if (missing === 0) return;
    // Only what the last pass could not read now: wait a while rather than retry in a loop.
    if (lastLeft && missing <= lastLeft.count && Date.now() - lastLeft.at < RETRY_LEFT_MS) return;
    queue(store);
  };

  return { queue, afterSync };
}
