// The photos a run must not remove because the scan could not see them: rows at or under a
// folder, file or link that could not be read (scan.ts `Unreadable`). A photo is removed only
// when its directory was read and it is not there.
import path from 'node:path';
import { FOLDER_EMPTY, FOLDER_NOT_FOUND, type Unreadable } from './scan';

export interface KeptRows {
  /** True when `p` is at or under something that could not be read. */
  covers(p: string): boolean;
  /**
   * What to tell the user: each unreadable path with the number of photos kept under it;
   * a missing or empty library folder only when it kept photos or is one of `always` (the
   * folders asked for; merely empty ones not even then).
   */
  report(rowPaths: Iterable<string>, always: readonly string[]): { path: string; reason: string; kept: number }[];
}

export function keptUnder(unreadable: readonly Unreadable[]): KeptRows {
  const byPath = new Map(unreadable.map((u) => [u.path, u]));
  // Walks up from the path: O(depth) per row, however many paths could not be read.
  const coveringPath = (p: string): string | undefined => {
    for (let at = p; ; ) {
      if (byPath.has(at)) return at;
      const parent = path.dirname(at);
      if (parent === at) return undefined;
      at = parent;
    }
  };
  return {
    covers: (p) => byPath.size > 0 && coveringPath(p) !== undefined,
    report(rowPaths, always) {
      if (byPath.size === 0) return [];
      const counts = new Map<string, number>();
      for (const p of rowPaths) {
        const at = coveringPath(p);
        if (at !== undefined) counts.set(at, (counts.get(at) ?? 0) + 1);
      }
      return [...byPath.values()]
        .map((u) => ({ path: u.path, reason: u.reason, kept: counts.get(u.path) ?? 0 }))
        // Everything else that could not be read is reported even with nothing kept (an
        // unreadable subfolder, a dangling link): it would otherwise be left out silently. A
        // library folder missing or empty with nothing in the library is not news.
        .filter((u) => u.kept > 0 || (always.includes(u.path) ? u.reason !== FOLDER_EMPTY : u.reason !== FOLDER_EMPTY && u.reason !== FOLDER_NOT_FOUND));
    },
  };
}
