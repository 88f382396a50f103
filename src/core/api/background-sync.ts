// Keeps the library folders in sync between jobs: LibraryService.watch() catches up on what
// changed while nothing watched, then follows the folders. It writes, so it runs only while
// the job queue is idle: stopped before a job, started again after the last one (its
// catch-up then costs a stat() per file). Folders whose indexing the user paused are left out
// (read at each start: pausing one restarts the sync).
import { LibraryBusyError } from '../library/writer-lock';
import type { LibraryService } from '../library/library-service';
import { LibraryUnreachableError } from '../store/lost-connection';
import { LeaseLostError } from '../store/writer-lease';

/** How long the watcher waits before taking the library back after losing it. */
export const WATCH_RETRY_MS = 10_000;

/** Losses the watcher recovers from by itself: another device wrote (or writes) the shared
 *  library, or its storage stopped answering for a while. */
function passing(error: Error): boolean {
  return error instanceof LeaseLostError || error instanceof LibraryBusyError || error instanceof LibraryUnreachableError;
}

export class BackgroundSync {
  private controller: AbortController | null = null;
  private running: Promise<void> | null = null;
  /** The paused folders the running watcher leaves out. */
  private leftOut: readonly string[] = [];
  /** The next try after a passing loss (stop() cancels it, start() makes it needless). */
  private retry: NodeJS.Timeout | undefined;
  /** The passing loss already said: its tries are quiet until the watcher runs again. */
  private said: string | null = null;

  constructor(
    private readonly library: LibraryService,
    private readonly onError: (error: Error) => void,
    private readonly paused: () => readonly string[] = () => [],
    private readonly retryMs = WATCH_RETRY_MS,
  ) {}

  get watching(): boolean {
    return this.controller !== null;
  }

  start(): void {
    if (this.controller) return;
    clearTimeout(this.retry);
    const controller = new AbortController();
    this.controller = controller;
    this.leftOut = [...this.paused()];
    const ran = () => {
      this.said = null;
    };
    this.running = this.library
      .watch(controller.signal, ran, { leaveOut: this.leftOut })
      .catch((caught: unknown) => {
        const error = caught instanceof Error ? caught : new Error(String(caught));
        // A laptop asleep past its lease, or another device indexing the shared library: the
        // watcher takes the library back once it can, rather than staying off until the next
        // job. Each failed try is not said again (one line, not one every few seconds).
        if (this.said !== error.message) this.onError(error);
        if (!passing(error) || this.controller !== controller) return;
        this.said = error.message;
        this.retry = setTimeout(() => this.start(), this.retryMs);
        this.retry.unref();
      })
      .finally(() => {
        if (this.controller === controller) this.controller = null;
      });
  }

  /** Whether the running watcher leaves out exactly the folders paused now (no restart needed). */
  leavesOutPaused(): boolean {
    const now = this.paused();
    return now.length === this.leftOut.length && now.every((f) => this.leftOut.includes(f));
  }

  async stop(): Promise<void> {
    clearTimeout(this.retry);
    this.controller?.abort();
    this.controller = null;
    await this.running;
    this.running = null;
  }
}
