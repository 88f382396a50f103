// Groups the indexer's writes into small atomic LanceDB commits, off the pipeline's path:
// the next photos decode and embed while a batch is being written.
import type { FailureRecord, LibraryStore, PhotoRecord } from '../store/types';

/** Photos per commit: small enough that a crash re-embeds little, large enough to keep commits cheap. */
const BATCH = 32;
/** A commit at least this often (ms), so a slow run still persists steadily. */
const MAX_DELAY = 2000;
/**
 * Photos committed between two maintenance passes. Every commit adds a LanceDB fragment and
 * reads scan them all: at 10k photos in 32-photo commits a commit took ~250 ms and a lookup
 * ~100 ms, against ~30 ms and ~6 ms once compacted (compaction: ~0.5 s per pass).
 */
const MAINTENANCE_EVERY = 2048;
/**
 * Records waiting on commits before the pipeline waits for room (room()): one batch being
 * committed, one queued behind it, one filling. Without a bound, a commit that hangs (an S3
 * server that stopped answering: ~a minute before the store says so) let the run embed every
 * remaining photo for nothing, and the progress bar counted them as done.
 */
const MAX_AHEAD = 3 * BATCH;

export interface WriteBatcherOptions {
  /** Runs before a batch's photos are committed (their thumbnails stored: thumbnail-uploads.ts). */
  beforeCommit?: (records: PhotoRecord[]) => Promise<void>;
  /** Runs after each committed batch (auto-tagging of new photos). */
  onCommitted?: (records: PhotoRecord[]) => Promise<void>;
  /** Compaction and index upkeep, run between commits during a long run. */
  maintenance?: () => Promise<void>;
  maintenanceEvery?: number;
}

export class WriteBatcher {
  private photos: PhotoRecord[] = [];
  private failures: FailureRecord[] = [];
  private readonly indexed = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  private lastCommit = performance.now();
  private error: unknown;
  private sinceMaintenance = 0;
  /** Records put and not yet through a commit (landed or failed). */
  private unsettled = 0;
  private readonly roomWaiters: Array<() => void> = [];
  private landed = 0;
  private readonly failure = new AbortController();

  constructor(
    private readonly store: LibraryStore,
    private readonly options: WriteBatcherOptions = {},
  ) {}

  /** Photos whose commit landed: what a run that fails now keeps. */
  get committed(): number {
    return this.landed;
  }

  /** Aborts when a commit fails: whatever is embedded after it could never be written. */
  get failed(): AbortSignal {
    return this.failure.signal;
  }

  /** Waits while MAX_AHEAD records wait on commits; returns at once after a failed commit. */
  async room(): Promise<void> {
    while (this.unsettled >= MAX_AHEAD && !this.error) {
      // What is queued goes now: a stalled pipeline puts nothing more to fill the batch.
      this.commit();
      await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    }
  }

  put(record: PhotoRecord): void {
    this.unsettled++;
    this.photos.push(record);
    this.maybeCommit();
  }

  fail(record: FailureRecord): void {
    this.unsettled++;
    this.failures.push(record);
    this.maybeCommit();
  }

  wasIndexed(path: string): boolean {
    return this.indexed.has(path);
  }

  /** Throws the error of a commit that failed (a lost writer lease, a store that stopped answering). */
  throwIfFailed(): void {
    if (this.error) throw this.error;
  }

  /** Commits what is queued and waits for every commit; rethrows a failed write. */
  async flush(): Promise<void> {
    this.commit();
    await this.chain;
    if (this.error) throw this.error;
  }

  private maybeCommit(): void {
    if (this.photos.length + this.failures.length >= BATCH || performance.now() - this.lastCommit > MAX_DELAY) this.commit();
  }

  private commit(): void {
    const photos = this.photos;
    const failures = this.failures;
    this.photos = [];
    this.failures = [];
    this.lastCommit = performance.now();
    if (!photos.length && !failures.length) return;
    this.chain = this.chain.then(async () => {
      try {
        await this.write(photos, failures);
      } finally {
        this.unsettled -= photos.length + failures.length;
        for (const wake of this.roomWaiters.splice(0)) wake();
      }
    });
  }

  /** One commit: the photos (thumbnails stored first), then the failures; the first error is kept. */
  private async write(photos: PhotoRecord[], failures: FailureRecord[]): Promise<void> {
    if (this.error) return;
    try {
      if (photos.length) {
        await this.options.beforeCommit?.(photos);
        await this.store.upsertPhotos(photos);
        this.landed += photos.length;
        for (const p of photos) this.indexed.add(p.path);
        await this.options.onCommitted?.(photos);
      }
      if (failures.length) await this.store.recordFailures(failures);
      this.sinceMaintenance += photos.length;
      if (this.options.maintenance && this.sinceMaintenance >= (this.options.maintenanceEvery ?? MAINTENANCE_EVERY)) {
        this.sinceMaintenance = 0;
        // Upkeep only: a failure here loses nothing, and the end of the run tries again.
        await this.options.maintenance().catch(() => {});
      }
    } catch (err) {
      this.error = err;
      this.failure.abort();
    }
  }
}
