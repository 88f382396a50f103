// From duplicate groups to files in the trash, carefully: a group is only acted on while its
// keeper is still on disk as it was indexed (else the "duplicates" might be the last copies),
// and a photo is only trashed while it is unchanged since it was indexed (else it may no
// longer be a duplicate). Right before the move, real paths are resolved again so that no
// file is moved out from under a kept photo that is a link to it (guardKeptFiles), and right
// before each file moves it must still be inside a library folder once every link on its way
// is resolved (a subfolder swapped for a link to an outside folder holding a file of the same
// name, size and mtime must not send that file to the trash) and still hold the indexed bytes
// (SHA-256 against the row: size and mtime can be made to match). The photo's own XMP sidecar
// (`<photo>.xmp`, tags/xmp.ts) goes with it when it is a regular file. Trashed photos then
// leave the library, their rows kept a while on this device first (keepRemoved), so that
// a photo the user restores is taken back without embedding. The CLI and the app both trash
// through trashPhotos.
import fs from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../../base/path-inside';
import { sha256File } from '../../base/sha256-file';
import type { FolderRepository, PhotoListing, PhotoLookups, PhotoSummary, PhotoWrites } from '../store/types';

/** What trashing reads and writes: rows by path and content, the library folders, removal. */
export type TrashStore = Pick<PhotoLookups, 'photosByPath'> & Pick<PhotoListing, 'libraryPathsByHash'> & Pick<FolderRepository, 'listFolders'> & Pick<PhotoWrites, 'removePhotos'>;
import { sidecarPath } from '../tags/xmp';
import { fileIdentity } from './keep-best';
import { fileKey, SAME_FILE_AS_KEPT } from './same-file';
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
    const keeperFile = await fileKey(group.keep, true);
    for (const m of group.members) {
      if (m.path === group.keep || chosen.has(m.path)) continue;
      // A hard link of the keeper is the kept photo under another name: moving it frees nothing.
      if (keeperFile !== null && (await fileKey(m.path)) === keeperFile) {
        if (!skippedHere.has(m.path)) plan.skipped.push({ path: m.path, reason: SAME_FILE_AS_KEPT });
        skippedHere.add(m.path);
        continue;
      }
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

/** `refused`: photos left where they are because moving them would take a kept photo along
 *  (not a failure: the user's choice is kept, as for a keeper). */
export interface TrashPhotosResult extends TrashResult {
  refused: { path: string; reason: string }[];
}

export interface TrashPhotosOptions extends TrashOptions {
  /** Photos that stay (the groups' keepers); every library photo not being moved stays too. */
  keep?: readonly string[];
  /** Keeps the rows of moved photos whose content leaves the library, right before they are
   *  removed (library/keep-removed-rows.ts), so a photo restored from the trash later is taken
   *  back without embedding, as a folder moved out and back is. A cache: a failure costs an
   *  embedding later, never the trash. */
  keepRemoved?: (paths: readonly string[]) => Promise<void>;
}

/**
 * The paths that may move now, resolved on disk right before the move: a path whose real
 * file is also the real file of a photo that stays (a keeper that is a link to it, or a link
 * to a folder holding it) is refused, since moving it would take the kept photo with it. A
 * symbolic link itself may go: moving it leaves its target where it is. Photos that stay are
 * `keep` and every library row with the same content as a path being moved (a link and its
 * target always have the same bytes), so callers that only know what to move are safe too.
 * A hard link of a `keep` photo (the same file on disk under another name) is refused too: it
 * would free nothing (the viewer's own trash, which passes no `keep`, moves what it is asked).
 */
export async function guardKeptFiles(store: TrashStore, paths: readonly string[], keep: readonly string[] = []): Promise<{ paths: string[]; refused: { path: string; reason: string }[] }> {
  const moving = new Set(paths);
  const rows = await store.photosByPath(paths);
  const sameContent = rows.size ? await store.libraryPathsByHash([...rows.values()].map((r) => r.hash)) : new Map<string, string[]>();
  const staying = [...new Set([...keep, ...[...sameContent.values()].flat()])].filter((p) => !moving.has(p));
  const stayingByReal = new Map<string, string>();
  const stayingByFile = new Map<string, string>();
  const kept = new Set(keep);
  for (const [file, id, key] of await Promise.all(staying.map(async (p) => [p, await fileIdentity(p), kept.has(p) ? await fileKey(p, true) : null] as const))) {
    if (id && !stayingByReal.has(id.real)) stayingByReal.set(id.real, file);
    if (key !== null && !stayingByFile.has(key)) stayingByFile.set(key, file);
  }
  const out = { paths: [] as string[], refused: [] as { path: string; reason: string }[] };
  for (const file of paths) {
    const id = await fileIdentity(file);
    const real = id && id.directness !== 2 ? stayingByReal.get(id.real) : undefined;
    // A hard link of a photo the caller keeps (made since the plan, too): moving it frees nothing.
    const key = id && id.directness !== 2 ? await fileKey(file) : null;
    const linked = key !== null ? stayingByFile.get(key) : undefined;
    if (real) out.refused.push({ path: file, reason: `it is the real file of the kept photo ${real}` });
    else if (linked) out.refused.push({ path: file, reason: `it is the same file as the kept photo ${linked} (a hard link): it stays` });
    else out.paths.push(file); // a missing file is reported by the move itself
  }
  return out;
}

/**
 * Throws (with the reason) unless `file`, as the move would take it (its folder's real path
 * plus its name: a link itself moves, not its target), is inside a library folder's real path.
 */
async function assertInsideLibrary(store: TrashStore, file: string): Promise<void> {
  const folders = await Promise.all((await store.listFolders()).map((f) => fs.realpath(f.path).catch(() => null)));
  const entry = path.join(await fs.realpath(path.dirname(file)), path.basename(file));
  if (!folders.some((f) => f !== null && isInside(entry, f))) throw new Error(`it is outside the library folders on disk (${entry})`);
}

/** The last check before a photo moves: inside the library, and still the indexed bytes. */
async function checkPhotoBeforeMove(store: TrashStore, file: string, row: PhotoSummary | undefined): Promise<void> {
  if (!row) throw new Error('it is not in the library');
  await assertInsideLibrary(store, file);
  if (!(await fs.stat(file)).isFile()) throw new Error('it is not a file');
  if ((await sha256File(file)) !== row.hash) throw new Error('its content changed since it was indexed');
}

/** Of the moved photos, those whose content no photo that stays holds: a copy elsewhere in the
 *  library keeps its content there, and the restored file takes that row again (nothing to keep). */
async function leavingContent(store: TrashStore, moved: readonly string[], rows: ReadonlyMap<string, PhotoSummary>): Promise<string[]> {
  const going = new Set(moved);
  const holders = await store.libraryPathsByHash([...new Set(moved.flatMap((p) => rows.get(p)?.hash ?? []))]);
  return moved.filter((p) => {
    const hash = rows.get(p)?.hash;
    return hash !== undefined && (holders.get(hash) ?? []).every((holder) => going.has(holder));
  });
}

/** Moves the sidecars of moved photos that are regular files (a linked one stays, and its target). */
async function trashSidecars(store: TrashStore, photos: readonly string[], options: TrashOptions): Promise<TrashResult> {
  const sidecars: string[] = [];
  for (const photo of photos) {
    const sidecar = sidecarPath(photo);
    if (await fs.lstat(sidecar).then((st) => st.isFile(), () => false)) sidecars.push(sidecar);
  }
  if (!sidecars.length) return { moved: [], failed: [] };
  return moveToTrash(sidecars, {
    ...options,
    beforeMove: async (file) => {
      await assertInsideLibrary(store, file);
      if (!(await fs.lstat(file)).isFile()) throw new Error('it is no longer a regular file');
    },
  });
}

/**
 * Moves the plan's photos (and their sidecars) to the trash and removes the moved photos from
 * the library. `refused`: the real files of kept photos, in the order asked; `failed`: photos
 * whose last check or move failed, in the order asked, then failed sidecars.
 */
export async function trashPhotos(store: TrashStore, paths: readonly string[], options: TrashPhotosOptions = {}): Promise<TrashPhotosResult> {
  const { keep, keepRemoved, ...trashOptions } = options;
  const guarded = await guardKeptFiles(store, paths, keep);
  const rows = await store.photosByPath(guarded.paths);
  const result = await moveToTrash(guarded.paths, { ...trashOptions, beforeMove: (file) => checkPhotoBeforeMove(store, file, rows.get(file)) });
  if (result.moved.length) {
    if (keepRemoved) await leavingContent(store, result.moved, rows).then(keepRemoved).catch(() => {});
    await store.removePhotos(result.moved);
  }
  const sidecars = await trashSidecars(store, result.moved, trashOptions);
  // In the order asked, so a report lists them as the caller gave them.
  const failed = new Map(result.failed.map((f) => [f.path, f]));
  return { moved: result.moved, refused: guarded.refused, failed: [...paths.flatMap((p) => failed.get(p) ?? []), ...sidecars.failed] };
}
