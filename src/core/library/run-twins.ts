// Byte-identical files met in one run (a folder and its backup copy, an export beside its
// original): the first is embedded, and every other copy takes its row once that is made, so
// no content goes through the model twice in a run. Content committed before is found in the
// store instead (indexer.ts reuseTwin); this covers the rest of the run, up to the commit.
import type { PhotoRecord } from '../store/types';

/** What a copy's content is to the run: its to embed, waited for (or taken), or in the store. */
export type TwinClaim = 'embed' | 'copy' | 'stored';

export class RunTwins<F> {
  /** Content being embedded now, with the copies waiting for its row. */
  private readonly inFlight = new Map<string, F[]>();
  /** Rows made in this run and not committed yet: a copy found now takes one at once. */
  private readonly uncommitted = new Map<string, PhotoRecord>();
  /** Content committed in this run: the store has its row. */
  private readonly stored = new Set<string>();
  /** Copies whose first did not become a row (failed, deleted, stopped): to embed on their own. */
  private orphans: F[] = [];

  /** `adopt` writes `copy` with `row`'s embedding and metadata under its own path. */
  constructor(private readonly adopt: (copy: F, row: PhotoRecord) => void) {}

  /**
   * 'embed': `file` is the first of its content in this run; say `made` or `lost` for it.
   * 'copy': `file` takes the first's row (now, or when it is made).
   * 'stored': committed since the caller looked in the store: look again.
   */
  claim(hash: string, file: F): TwinClaim {
    if (this.stored.has(hash)) return 'stored';
    const row = this.uncommitted.get(hash);
    if (row) {
      this.adopt(file, row);
      return 'copy';
    }
    const waiting = this.inFlight.get(hash);
    if (waiting) {
      waiting.push(file);
      return 'copy';
    }
    this.inFlight.set(hash, []);
    return 'embed';
  }

  /** The first's row is made: its copies take it. */
  made(row: PhotoRecord): void {
    const waiting = this.inFlight.get(row.hash) ?? [];
    this.inFlight.delete(row.hash);
    this.uncommitted.set(row.hash, row);
    for (const copy of waiting) this.adopt(copy, row);
  }

  /** The first did not become a row: its copies are embedded on their own. */
  lost(hash: string): void {
    const waiting = this.inFlight.get(hash);
    if (!waiting) return;
    this.inFlight.delete(hash);
    this.orphans.push(...waiting);
  }

  /** Rows committed: the store answers for them from now on (their vectors are not kept here). */
  committed(rows: readonly PhotoRecord[]): void {
    for (const row of rows) {
      if (this.uncommitted.get(row.hash) !== row) continue;
      this.uncommitted.delete(row.hash);
      this.stored.add(row.hash);
    }
  }

  /** Copies left without a row, handed out once each. */
  takeOrphans(): F[] {
    const out = this.orphans;
    this.orphans = [];
    return out;
  }
}
