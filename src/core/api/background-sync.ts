// Keeps the library folders in sync between jobs: LibraryService.watch() catches up on what
// changed while nothing watched, then follows the folders. It writes, so it runs only while
// the job queue is idle: stopped before a job, started again after the last one (its
// catch-up then costs a stat() per file). Folders whose indexing the user paused are left out
// (read at each start: pausing one restarts the sync).
import type { LibraryService } from '../library/library-service';

export class BackgroundSync {
  private controller: AbortController | null = null;
  private running: Promise<void> | null = null;
  /** The paused folders the running watcher leaves out. */
  private leftOut: readonly string[] = [];

  constructor(
    private readonly library: LibraryService,
    private readonly onError: (error: Error) => void,
    private readonly paused: () => readonly string[] = () => [],
  ) {}

  get watching(): boolean {
    return this.controller !== null;
  }

  start(): void {
    if (this.controller) return;
    const controller = new AbortController();
    this.controller = controller;
    this.leftOut = [...this.paused()];
    this.running = this.library
      .watch(controller.signal, () => {}, { leaveOut: this.leftOut })
      .catch((error: unknown) => this.onError(error instanceof Error ? error : new Error(String(error))))
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
    this.controller?.abort();
    this.controller = null;
    await this.running;
    this.running = null;
  }
}
