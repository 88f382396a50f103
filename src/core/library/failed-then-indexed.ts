// A watch reports a photo as failed when its batch reads it (a JPEG cut short: "premature end
// of JPEG image"); one still being copied (a slow network copy that pauses) fails so, and is
// indexed a moment later when the rest arrives. Said then ("now indexed"), or the failure
// stays the last word the user heard of it. A damaged file is reported once and stays failed.
import type { IndexSummary } from './index-summary';
import type { LibraryStore } from '../store/types';

export class FailedThenIndexed {
  /** Paths this watch reported failed (not known before it), not indexed since. */
  private readonly failed = new Set<string>();

  /** Remembers the failures `summary` reports for the first time. */
  note(summary: IndexSummary): void {
    for (const f of summary.failed) if (!f.known) this.failed.add(f.path);
  }

  /** Of `paths` (a batch just synced), those reported failed earlier that the library holds now; forgotten then. */
  async indexedNow(store: LibraryStore, paths: readonly string[]): Promise<string[]> {
    const asked = [...new Set(paths)].filter((p) => this.failed.has(p));
    if (asked.length === 0) return [];
    const held = await store.photosByPath(asked);
    const indexed = asked.filter((p) => held.has(p));
    for (const p of indexed) this.failed.delete(p);
    return indexed;
  }
}

export function nowIndexedLine(p: string): string {
  return `now indexed: ${p} (it failed earlier, likely while it was still being written)`;
}
