// The folders an import made (day folders, their year folders), so one it made for a copy that
// then failed is removed again rather than left empty in the library. Only folders this import
// created, and only while empty: a folder the user had, or one holding anything, stays.
import fs from 'node:fs';
import path from 'node:path';

export class FoldersMade {
  private readonly made = new Set<string>();

  /** mkdir -p, noting each folder it created. */
  make(dir: string): void {
    const first = fs.mkdirSync(dir, { recursive: true });
    if (first === undefined) return;
    for (let at = dir; ; at = path.dirname(at)) {
      this.made.add(at);
      if (at === first || path.dirname(at) === at) break;
    }
  }

  /** Removes the folders made that are empty, deepest first (a year folder after its days). */
  removeEmpty(): void {
    const deepestFirst = [...this.made].sort((a, b) => b.length - a.length);
    for (const dir of deepestFirst) {
      try {
        fs.rmdirSync(dir); // fails on a folder that is not empty: it stays
      } catch {
        // not empty, or gone: nothing to do
      }
    }
  }
}
