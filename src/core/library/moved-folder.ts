// A library folder that is not found while every one of its photos is in the library again
// under a folder that is there was most likely moved into the library (`mv A B/A`, B a library
// folder): each photo shows twice until the old folder is dropped. This is only said, never
// done: a folder not found may be an unmounted disk, or another device's folder whose copies
// this device also holds; dropping it is the user's `folders remove` (tags, favourites and
// dates stay with the content, so the copies keep them).
import fs from 'node:fs';
import path from 'node:path';
import { shellWord } from '../../base/shell-word';
import { isAtOrInside, isInside } from '../../base/path-inside';
import type { PhotoState } from '../store/types';

/**
 * Where the copies of the photos under `folder` lie (the deepest folder holding them all), or
 * null when some photo has no copy at a path `seen` accepts (one read in this run), when
 * nothing lies under `folder`, when the copies are not below another library folder (a library
 * folder of their own may be the same photos synced to another device of the family), or when
 * the folder's parent is not on this device either: then it is another device's folder (or a
 * disk's mount point gone with the disk), and `folders remove` would be the wrong advice.
 */
export function copiesElsewhere(states: ReadonlyMap<string, PhotoState>, folder: string, libraryFolders: readonly string[], seen: (p: string) => boolean): string | null {
  if (!parentHere(folder)) return null;
  const elsewhere = new Map<string, string>();
  const under: string[] = [];
  for (const [p, s] of states) {
    if (isAtOrInside(p, folder)) under.push(s.hash);
    else if (seen(p) && !elsewhere.has(s.hash)) elsewhere.set(s.hash, p);
  }
  if (under.length === 0) return null;
  let common: string | null = null;
  for (const hash of under) {
    const copy = elsewhere.get(hash);
    if (copy === undefined) return null;
    common = common === null ? path.dirname(copy) : commonFolder(common, path.dirname(copy));
  }
  const at = common;
  return at !== null && libraryFolders.some((f) => f !== folder && isInside(at, f)) ? at : null;
}

/** Whether `folder` could have been moved on this device: its parent is here. Asked before
 *  every photo's state is read for copiesElsewhere (another device's folders never are). */
export function parentHere(folder: string): boolean {
  return fs.existsSync(path.dirname(folder));
}

function commonFolder(a: string, b: string): string {
  let at = a;
  while (!isAtOrInside(b, at)) {
    const parent = path.dirname(at);
    if (parent === at) return at;
    at = parent;
  }
  return at;
}

/** The line that says so, for the run's log and `status`. */
export function copiesLine(folder: string, kept: number, copiesAt: string): string {
  const what = kept === 1 ? 'its photo is' : `all ${kept} of its photos are`;
  return `${folder} is not found and ${what} in the library under ${copiesAt} too (moved there?): shoebox folders remove ${shellWord(folder)} drops the old entries; tags and favourites stay with the photos`;
}
