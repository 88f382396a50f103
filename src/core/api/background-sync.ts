// Keeps the library folders in sync between jobs: LibraryService.watch() catches up on what
// changed while nothing watched, then follows the folders. It writes, so it runs only while
// the job queue is idle: stopped before a job, started again after the last one (its
// catch-up then costs a stat() per file).
import type { LibraryService } from '../library/library-service';

export class BackgroundSync {
  private controller: AbortController | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly library: LibraryService,
    private readonly onError: (error: Error) => void,
  ) {}

  get watching(): boolean {
    return this.controller !== null;
  }

  start(): void {
    if (this.controller) return;
    const controller = new AbortController();
    this.controller = controller;
    this.running = this.library
      .watch(controller.signal, () => {})
      .catch((error: unknown) => this.onError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        if (this.controller === controller) this.controller = null;
      });
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    this.controller = null;
    await this.running;
    this.running = null;
  }
}
