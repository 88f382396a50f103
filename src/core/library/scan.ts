// Lists the files under a watched folder: recursive, following symlinks but never around a
// loop (each real directory is entered once), skipping hidden entries and sidecars. Only
// stat() is called, so listing an unchanged library costs what listing it costs.
import fs from 'node:fs/promises';
import path from 'node:path';

export interface FoundFile {
  path: string;
  folder: string;
  size: number;
  mtimeMs: number;
}

/** Sidecars and OS litter that are never photos. */
const IGNORED_EXTENSIONS = new Set(['.xmp', '.json', '.txt', '.db', '.ini', '.thm', '.aae', '.pp3', '.dop', '.on1']);

export async function scanFolder(folder: string, visited = new Set<string>()): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  const root = path.resolve(folder);
  const stack: string[] = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch {
      continue; // vanished or unreadable: a later run sees it again
    }
    if (visited.has(real)) continue; // a symlink loop, or a tree already listed
    visited.add(real);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        stack.push(full);
        continue;
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      if (IGNORED_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) continue;
      try {
        const st = await fs.stat(full); // follows symlinks
        if (st.isDirectory()) stack.push(full);
        else if (st.isFile()) found.push({ path: full, folder: root, size: st.size, mtimeMs: Math.floor(st.mtimeMs) });
      } catch {
        // A dangling symlink or a file removed while listing.
      }
    }
  }
  return found;
}

/** True when `file` is inside `folder` (a folder boundary, not a string prefix). */
export function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
