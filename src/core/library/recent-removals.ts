// Rows the folder watcher removed a moment ago, remembered for a while. A program that saves
// an edit by deleting the file and writing the new one (rather than replacing it in one step)
// may take longer than the watcher's batch window (watcher.ts), so the new file arrives in a
// later batch than the deletion, as a photo without a row. Its old row, remembered here, lets
// the indexer hand the user's marks (favourite, tags, albums, ...) to the new content as it
// does for a file rewritten in place (content-changes.ts); without it they stayed on the old
// content, which no photo holds any more.
import type { OldRow } from './content-changes';

/** How long a removed row may still hand its marks to a file written at its path. */
export const REMEMBERED_MS = 60_000;
/** A removal of more rows than this is a folder's worth, not an edit being saved: not remembered. */
export const MOST_REMEMBERED = 256;

export class RecentRemovals {
  private readonly rows = new Map<string, { row: OldRow; at: number }>();

  /** Whether a removal of `count` rows is worth remembering. */
  wants(count: number): boolean {
    return count > 0 && count <= MOST_REMEMBERED;
  }

  remember(rows: ReadonlyMap<string, OldRow>, now = Date.now()): void {
    for (const [p, row] of rows) {
      this.rows.delete(p); // re-inserted last: the oldest go first below
      this.rows.set(p, { row, at: now });
    }
    for (const [p, { at }] of this.rows) {
      if (this.rows.size <= MOST_REMEMBERED && now - at <= REMEMBERED_MS) break;
      this.rows.delete(p);
    }
  }

  /** The row removed at `p` in the last REMEMBERED_MS, if any. */
  at(p: string, now = Date.now()): OldRow | undefined {
    const entry = this.rows.get(p);
    return entry && now - entry.at <= REMEMBERED_MS ? entry.row : undefined;
  }
}
