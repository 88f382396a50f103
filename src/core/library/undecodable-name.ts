// A file whose name is not valid UTF-8 reaches Node (a readdir, the folder watch's event) with
// U+FFFD in its name: a path no system call can open. The full scan reports such a file as it
// lists its folder (scan.ts); a watch hears of it by that path alone, which stat() calls
// missing. This tells the two apart, so a watch reports the file as index does instead of
// taking it for deleted.
import fs from 'node:fs/promises';
import path from 'node:path';
import { NAME_NOT_UTF8, isIgnoredFile } from './scan';

export function notUtf8(name: string): boolean {
  return name.includes('\uFFFD');
}

/** Said of a folder so named, in scan.ts's words: its files are never reached. */
export const FOLDER_NAME_NOT_UTF8 = 'folder name is not valid UTF-8: its files cannot be indexed (rename it)';

/**
 * What stands at `p`, a path stat() found missing, when its name is not UTF-8: its parent
 * folder is read and an entry of that (decoded) name looked for. Null when there is none (it
 * really went) or the name is valid (a missing path is just gone).
 */
export async function undecodableEntry(p: string): Promise<{ path: string; reason: string; folder: boolean } | null> {
  const name = path.basename(p);
  if (!notUtf8(name)) return null;
  const entries = await fs.readdir(path.dirname(p), { withFileTypes: true }).catch(() => []);
  const entry = entries.find((e) => e.name === name);
  if (!entry) return null;
  if (entry.isDirectory()) return { path: p, reason: FOLDER_NAME_NOT_UTF8, folder: true };
  // A sidecar (.xmp, .json) so named is passed by as the scan passes it.
  if (isIgnoredFile(name)) return null;
  return { path: p, reason: NAME_NOT_UTF8, folder: false };
}
