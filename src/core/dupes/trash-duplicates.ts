// From duplicate groups to files in the trash, carefully: a group is only acted on while its
// keeper is still on disk as it was indexed (else the "duplicates" might be the last copies),
// and a photo is only trashed while it is unchanged since it was indexed (else it may no
// longer be a duplicate). Trashed photos then leave the library.
import fs from 'node:fs/promises';
import type { LibraryStore } from '../store/types';
import { moveToTrash, type TrashOptions, type TrashResult } from './trash';
import type { DuplicateGroup } from './types';

export interface TrashPlan {
  /** Non-keepers to move, each once. */
  paths: string[];
  bytes: number;
  /** Photos left alone, with why. */
  skipped: { path: string; reason: string }[];
}

type Indexed = Map<string, { size: number; mtimeMs: number }>;

async function unchanged(file: string, indexed: Indexed): Promise<boolean> {
  const row = indexed.get(file);
  if (!row) return false;
  try {
    const st = await fs.stat(file);
    return st.isFile() && st.size === row.size && Math.floor(st.mtimeMs) === row.mtimeMs;
  } catch {
    return false;
  }
}

/** Every non-keeper of every group whose keeper is intact; `indexed` is store.photoStates(). */
export async function planTrash(groups: readonly DuplicateGroup[], indexed: Indexed): Promise<TrashPlan> {
  const plan: TrashPlan = { paths: [], bytes: 0, skipped: [] };
  const chosen = new Set<string>();
  const checked = new Map<string, boolean>();
  const isUnchanged = async (file: string) => {
    let ok = checked.get(file);
    if (ok === undefined) checked.set(file, (ok = await unchanged(file, indexed)));
    return ok;
  };
  const skippedHere = new Set<string>();
  for (const group of groups) {
    if (!(await isUnchanged(group.keep))) {
      for (const m of group.members) {
        if (m.path === group.keep || skippedHere.has(m.path)) continue;
        skippedHere.add(m.path);
        plan.skipped.push({ path: m.path, reason: `its keeper ${group.keep} is missing or changed since it was indexed` });
      }
      continue;
    }
    for (const m of group.members) {
      if (m.path === group.keep || chosen.has(m.path)) continue;
      if (!(await isUnchanged(m.path))) {
        if (!skippedHere.has(m.path)) plan.skipped.push({ path: m.path, reason: 'missing or changed since it was indexed' });
        skippedHere.add(m.path);
        continue;
      }
      chosen.add(m.path);
      plan.paths.push(m.path);
      plan.bytes += m.bytes;
    }
  }
  // A photo skipped for one group but trashed for another is not "skipped".
  plan.skipped = plan.skipped.filter((s) => !chosen.has(s.path));
  return plan;
}

/** Moves the plan's photos to the trash and removes the moved ones from the library. */
export async function trashPhotos(store: LibraryStore, paths: readonly string[], options: TrashOptions = {}): Promise<TrashResult> {
  const result = await moveToTrash(paths, options);
  if (result.moved.length) await store.removePhotos(result.moved);
  return result;
}
