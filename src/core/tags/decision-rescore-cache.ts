// The scope a set's last re-score saw (scored-scope.ts), kept between the decisions of one
// review session so each click re-scores only what it changes. It holds only while the stored
// tags are the ones it mirrors: any write this service did not make (a tag run, the indexer's
// commit and its auto-tagging, another process) moves the store's data version and drops it,
// and so does any change of the photos while a decision runs. Without a data version (a store
// that does not keep one), nothing is kept: every decision re-scores in full, as before.
// Memory: the scope's vectors (200 MB at 100k 512-d photos), so a scope over MAX_BYTES is not
// kept, and one left unused for IDLE_MS is let go.
import type { PhotoLookups } from '../store/types';
import type { ScoredScope } from './scored-scope';
import type { TaggingStore } from './tagging-service';

/** The most a kept scope may hold (vectors, text cosines, shifted rows). */
export const MAX_BYTES = 512 * 2 ** 20;
/** A review session's pause after which the scope is let go. */
const IDLE_MS = 10 * 60_000;

type VersionedStore = TaggingStore & Partial<Pick<PhotoLookups, 'dataVersion' | 'photosVersion'>>;

interface Entry {
  key: string;
  scope: ScoredScope;
  /** The photos as the scope read them. */
  photosVersion: string;
  /** The store's data after this service's last write (null until the decision that built it ends). */
  dataVersion: string | null;
}

export class DecisionRescoreCache {
  private entry: Entry | null = null;
  /** Decisions in progress: two at once (callers that do not queue them) keep nothing. */
  private running = 0;
  private overlapped = false;
  private idle: NodeJS.Timeout | undefined;

  /** Before a decision writes: the kept scope holds only if nobody wrote since this service did. */
  async begin(store: TaggingStore): Promise<void> {
    if (this.running++ > 0) this.overlapped = true;
    if (this.overlapped || !this.entry) return this.forget();
    // A version that cannot be read is a reason to re-score in full, never to fail the decision.
    const data = await (store as VersionedStore).dataVersion?.().catch(() => undefined);
    if (data === undefined || data !== this.entry?.dataVersion) this.forget();
  }

  /** The kept scope for `key` (set, its revision, model, folders), or null. */
  scope(key: string): ScoredScope | null {
    return this.entry?.key === key && !this.overlapped ? this.entry.scope : null;
  }

  /** The photos' version now, to keep a scope read after it (null: the store keeps none). */
  async photosVersion(store: TaggingStore): Promise<string | null> {
    return (await (store as VersionedStore).photosVersion?.().catch(() => undefined)) ?? null;
  }

  /** Keeps a scope a full re-score just built (from photos at `photosVersion`). */
  keep(key: string, photosVersion: string, scope: ScoredScope): void {
    if (this.overlapped) return;
    this.entry = { key, scope, photosVersion, dataVersion: null };
  }

  /** After the decision's writes (or its failure: `ok` false): notes the data version they left. */
  async end(store: TaggingStore, ok: boolean): Promise<void> {
    try {
      if (!ok || this.overlapped || !this.entry) return this.forget();
      const versioned = store as VersionedStore;
      const [photos, data] = await Promise.all([versioned.photosVersion?.().catch(() => undefined), versioned.dataVersion?.().catch(() => undefined)]);
      // Photos written while the decision ran (the indexer): the scope may miss some.
      if (photos !== this.entry.photosVersion || data === undefined) return this.forget();
      this.entry.dataVersion = data;
      clearTimeout(this.idle);
      this.idle = setTimeout(() => this.forget(), IDLE_MS);
      this.idle.unref();
    } finally {
      if (--this.running === 0) this.overlapped = false;
    }
  }

  forget(): void {
    this.entry = null;
    clearTimeout(this.idle);
  }
}
