// Thumbnails are stored beside the pipeline, not inside its decode slots: on object storage a
// write is a network round trip (~40 ms to a gateway on the LAN) that would otherwise hold a
// decode slot idle while the CPU waits. A photo's row is committed only once its thumbnail is
// stored (the write batcher waits for it), so a committed photo always has its thumbnail and a
// failed upload fails the commit, with its reason, like any other write.
import type { ThumbnailStore } from '../media/thumbnail';

/** Uploads in flight at once: enough to hide the round trips, few enough for a small NAS. */
const CONCURRENCY = 8;
/** Thumbnails queued before the decoder waits (~30 KB each). */
const MAX_QUEUED = 64;

export class ThumbnailUploads {
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Uploads that failed, kept for the commit that needs them to report. */
  private readonly failed = new Map<string, unknown>();
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly roomWaiters: Array<() => void> = [];

  constructor(private readonly thumbs: ThumbnailStore) {}

  /** Starts storing a thumbnail; waits only while too many are unfinished. */
  async start(key: string, jpeg: Uint8Array): Promise<void> {
    while (this.inFlight.size >= MAX_QUEUED) await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    if (this.inFlight.has(key)) return; // a copy in this run: the same content, stored once
    this.failed.delete(key);
    const upload = this.slot()
      .then(() => this.thumbs.write(key, jpeg))
      .then(
        () => undefined,
        (error: unknown) => void this.failed.set(key, error),
      )
      .finally(() => {
        this.inFlight.delete(key);
        this.release();
        this.roomWaiters.shift()?.();
      });
    this.inFlight.set(key, upload);
  }

  /** Waits until these thumbnails are stored; throws the first failed upload's error. */
  async settled(keys: Iterable<string>): Promise<void> {
    for (const key of new Set(keys)) {
      await this.inFlight.get(key);
      if (this.failed.has(key)) throw this.failed.get(key);
    }
  }

  private slot(): Promise<void> {
    if (this.running < CONCURRENCY) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve)); // the slot passes on in release()
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
