// Progress of an indexing run: done/total, rate and ETA, as LibraryEvents. It counts photos,
// not files: a folder of documents with a few photos does not show thousands to go.
import type { IndexProgress } from '../../shared/api';

export class ProgressTracker {
  private readonly start = performance.now();
  private done = 0;
  private lastEmit = 0;

  constructor(
    private total: number,
    private readonly emit: (progress: IndexProgress) => void,
  ) {}

  /** Counts one settled photo; emits at most every 250 ms, and always the last one. */
  tick(): void {
    this.done++;
    const now = performance.now();
    if (this.done < this.total && now - this.lastEmit < 250) return;
    this.lastEmit = now;
    this.emit(this.snapshot());
  }

  /** A file not named like a photo turned out to be one: it joins the total. */
  grow(): void {
    this.total++;
  }

  snapshot(): IndexProgress {
    const seconds = (performance.now() - this.start) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const remaining = this.total - this.done;
    return { done: this.done, total: this.total, rate, etaSeconds: rate > 0 ? remaining / rate : null };
  }
}
