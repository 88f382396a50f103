// Whether this device can reach a library folder now (a shared library's folder may be another
// device's path, or a disk not mounted here): photos from one it cannot reach are marked, so
// the viewer says the original is not reachable instead of failing to open it. One stat per
// folder per second at most: a page of results shows hundreds of photos from a few folders.
import fs from 'node:fs';

const FRESH_MS = 1000;
const seen = new Map<string, { at: number; reachable: boolean }>();

/** Forgets what was seen: the next question stats the folder again. */
export function forgetFolderReach(): void {
  seen.clear();
}

export function folderReachable(folder: string): boolean {
  const now = Date.now();
  const known = seen.get(folder);
  if (known && now - known.at < FRESH_MS) return known.reachable;
  let reachable: boolean;
  try {
    reachable = fs.statSync(folder).isDirectory();
  } catch {
    reachable = false;
  }
  if (seen.size > 10_000) seen.clear(); // folders are few; never grow without bound
  seen.set(folder, { at: now, reachable });
  return reachable;
}
