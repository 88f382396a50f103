// Lists the files under a watched folder: recursive, following symlinks but never around a
// loop (each real directory is entered once), skipping hidden entries, sidecars and
// Shoebox's own data folders. Only stat() is called, so listing an unchanged library costs
// what listing it costs.
//
// What could NOT be read is reported, never silently skipped: the indexer removes a photo
// only when its directory was read and the file is not in it, so a folder that is missing
// (unmounted disk), unreadable (permissions, a NAS read error) or a link whose target is
// gone keeps the photos below it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { isAtOrInside } from '../../base/path-inside';
import { notRegularFileReason } from '../../base/file-kind';
import { hasPhotoExtension } from '../media/photo-extensions';
import { hasVideoExtension } from '../media/video-sniff';
import { linkProblem } from './link-problem';

export interface FoundFile {
  path: string;
  folder: string;
  size: number;
  mtimeMs: number;
  /** The file's inode and status-change time, as stat() gave them (regular files found by a
   *  scan): a file replaced in place with the same size and mtime (`touch -r`, `rsync -t
   *  --inplace`) has another of one or both (mapped-copy-hashes.ts). */
  ino?: number;
  ctimeMs?: number;
  /** Named like a photo or video but not a regular file (a FIFO, socket, device): why it
   *  fails. The indexer records it so without opening it (a FIFO's open waits for a writer). */
  notRegular?: string;
}

/** A folder, file or link that could not be read; rows at or under `path` are kept. */
export interface Unreadable {
  path: string;
  reason: string;
}

export interface ScanResult {
  files: FoundFile[];
  unreadable: Unreadable[];
  /** Files seen but impossible to index (a name that is not UTF-8): reported as failed. */
  failed: Unreadable[];
}

/** State shared by the scans of one run, so a real directory or file is listed once. */
export interface ScanContext {
  /** Real directories already entered (loops, and trees reached twice). */
  visited: Set<string>;
  /** Real file path → the path it is indexed under, for the files listed so far. */
  files: Map<string, string>;
  /** Hard-linked files listed so far, by device and inode (fileIdentity) → the path indexed. */
  inodes: Map<string, string>;
  /** The library folders as stored: a linked file whose real path is inside one is indexed there. */
  libraryFolders: readonly string[];
  /** Never listed: Shoebox's own data (thumbnails, models, the database), wherever the home is. */
  skip: readonly string[];
}

/** Virtual file systems (Linux; /dev on macOS too): never photos, and reading their files can block. */
export const SYSTEM_FOLDERS: readonly string[] = process.platform === 'win32' ? [] : ['/proc', '/sys', '/dev'];

export function scanContext(libraryFolders: readonly string[], skip: readonly string[]): ScanContext {
  // A library folder holding a system folder (`/`) does not descend into it.
  return { visited: new Set(), files: new Map(), inodes: new Map(), libraryFolders: libraryFolders.map((f) => path.resolve(f)), skip: [...skip.map((s) => path.resolve(s)), ...SYSTEM_FOLDERS] };
}

/** Sidecars, OS litter and cameras' side files that are never the user's photos: a THM is a
 *  JPEG thumbnail of a clip, an LRV (GoPro) or LRF (DJI) a low-resolution proxy MP4 of one. */
const IGNORED_EXTENSIONS = new Set(['.xmp', '.json', '.txt', '.db', '.ini', '.thm', '.aae', '.pp3', '.dop', '.on1', '.lrv', '.lrf']);

/** Whether the index passes this file by (a sidecar, a camera's side file): import leaves it too. */
export function isIgnoredFile(file: string): boolean {
  return IGNORED_EXTENSIONS.has(path.extname(file).toLowerCase());
}

export const FOLDER_NOT_FOUND = 'folder not found (unmounted?)';
export const FOLDER_EMPTY = 'folder is empty (unmounted?)';
export const NAME_NOT_UTF8 = 'file name is not valid UTF-8: cannot be indexed (rename it)';
const FOLDER_NAME_NOT_UTF8 = 'folder name is not valid UTF-8: its files cannot be indexed (rename it)';

/** Why a library folder cannot be trusted to list its files right now, or null (as scanFolder words it). */
export async function folderProblem(folder: string): Promise<string | null> {
  try {
    await (await fs.opendir(folder)).close(); // readable, without listing a large folder
    return null;
  } catch (error) {
    return isGone(error) ? FOLDER_NOT_FOUND : `cannot read folder (${errorCode(error)})`;
  }
}

/**
 * Lists `folder`. `folderOf` names the library folder a file belongs to (default: `folder`).
 * `isLibraryRoot`: `folder` is a library folder itself, so finding it empty is suspicious
 * (an unmounted mount point reads as an empty directory) and reported as unreadable.
 */
export async function scanFolder(
  folder: string,
  ctx: ScanContext,
  options: { folderOf?: (p: string) => string; isLibraryRoot?: boolean } = {},
): Promise<ScanResult> {
  const root = path.resolve(folder);
  const folderOf = options.folderOf ?? (() => root);
  const files: FoundFile[] = [];
  const unreadable: Unreadable[] = [];
  const failed: Unreadable[] = [];
  const stack: string[] = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    if (isSkipped(dir, ctx)) continue;
    let real: string;
    let entries: import('node:fs').Dirent[];
    try {
      real = await fs.realpath(dir);
      if (isSkipped(real, ctx)) continue;
      if (ctx.visited.has(real)) continue; // a symlink loop, or a tree already listed
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      // Missing or unreadable: its photos are kept and it is reported.
      // A name that is not UTF-8 reaches us with U+FFFD in it, a name no file has.
      const reason = dir === root && isGone(error) ? FOLDER_NOT_FOUND : isGone(error) && notUtf8(path.basename(dir)) ? FOLDER_NAME_NOT_UTF8 : readProblem('cannot read folder', error);
      unreadable.push({ path: dir, reason });
      continue;
    }
    ctx.visited.add(real);
    if (dir === root && options.isLibraryRoot && entries.length === 0) {
      unreadable.push({ path: dir, reason: FOLDER_EMPTY });
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        stack.push(full);
        continue;
      }
      if (!entry.isFile() && !entry.isSymbolicLink() && !namedLikeMedia(entry.name)) continue;
      if (isIgnoredFile(entry.name)) continue;
      let st: import('node:fs').Stats;
      try {
        st = await fs.stat(full); // follows symlinks
      } catch (error) {
        // A file deleted while listing is gone; a link whose target is missing (an unmounted
        // disk?) or a file that cannot be read keeps its photo.
        // Node decodes names as UTF-8: one that is not has no path it can be opened by.
        if (isGone(error) && notUtf8(entry.name)) failed.push({ path: full, reason: NAME_NOT_UTF8 });
        else if (!entry.isSymbolicLink() && isGone(error)) continue;
        else unreadable.push({ path: full, reason: entry.isSymbolicLink() ? linkProblem(error) : readProblem('cannot read', error) });
        continue;
      }
      if (st.isDirectory()) {
        stack.push(full);
        continue;
      }
      if (!st.isFile()) {
        // Named like a photo: reported as failed, never left out silently (a FIFO, a socket).
        if (namedLikeMedia(entry.name)) files.push({ path: full, folder: folderOf(full), size: st.size, mtimeMs: Math.floor(st.mtimeMs), notRegular: notRegularFileReason(st) });
        continue;
      }
      // A plain entry's real path is its directory's plus its name: no extra system call.
      const realFile = entry.isSymbolicLink() ? await fs.realpath(full).catch(() => full) : path.join(real, entry.name);
      const indexed = listOnce(ctx, full, realFile, st);
      if (indexed === null) continue;
      files.push({ path: indexed, folder: indexed === full ? folderOf(full) : outermostFolder(indexed, ctx.libraryFolders)!, size: st.size, mtimeMs: Math.floor(st.mtimeMs), ino: st.ino, ctimeMs: st.ctimeMs });
    }
  }
  return { files, unreadable, failed };
}

/** Whether a file's name says photo or video: such a file is reported when it cannot be indexed. */
export function namedLikeMedia(name: string): boolean {
  return hasPhotoExtension(name) || hasVideoExtension(name);
}

/**
 * The path a file found at `found` (real path `real`) is indexed under, recorded as listed; null
 * when it is skipped or was listed already: one real file is one photo, and so is one file
 * under several names (hard links: the first name met is the photo).
 */
export function listOnce(ctx: ScanContext, found: string, real: string, st: Pick<import('node:fs').Stats, 'dev' | 'ino' | 'nlink'>): string | null {
  if (ctx.files.has(real) || isSkipped(real, ctx)) return null;
  const id = fileIdentity(st);
  if (id !== undefined && ctx.inodes.has(id)) return null;
  const indexed = indexedPath(found, real, ctx.libraryFolders);
  ctx.files.set(real, indexed);
  if (id !== undefined) ctx.inodes.set(id, indexed);
  return indexed;
}

/**
 * Names the file behind a hard link (`dev:ino`), or undefined when it has one name only or
 * the platform gives no inode to trust. Only files with several links are keyed: the rest are
 * told apart by real path already, and a file system without inodes (FAT: `ino` 0 on
 * Windows, or 1 link) is never deduplicated by a number it does not have. An inode past 2^53
 * (possible on Windows, whose file index is 64 bits) is not exact as a number: left out too,
 * so two different photos can never be taken for one.
 */
function fileIdentity(st: Pick<import('node:fs').Stats, 'dev' | 'ino' | 'nlink'>): string | undefined {
  if (st.nlink < 2 || st.ino <= 0 || !Number.isSafeInteger(st.ino)) return undefined;
  return `${st.dev}:${st.ino}`;
}

function notUtf8(name: string): boolean {
  return name.includes('\uFFFD');
}

/** Why something could not be read, said plainly where the code alone would puzzle. */
function readProblem(what: string, error: unknown): string {
  const code = errorCode(error);
  return code === 'ENAMETOOLONG' ? 'path too long for this system (ENAMETOOLONG)' : `${what} (${code})`;
}

/**
 * The path a file is indexed under, so that one real file is one photo however many links
 * lead to it: its real path when that is inside a library folder (an album folder of links
 * to originals: the originals are the photos), else the path it was found under (a library
 * folder that is itself a link, or links to files outside the library). Rows keep the path a
 * user sees unless another library folder already holds the file.
 */
export function indexedPath(found: string, real: string, libraryFolders: readonly string[]): string {
  if (real === found) return found;
  return outermostFolder(real, libraryFolders) ? real : found;
}

/** The outermost library folder holding `p` (folders may still be nested in an older library). */
export function outermostFolder(p: string, libraryFolders: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const f of libraryFolders) if (isAtOrInside(p, f) && (!best || f.length < best.length)) best = f;
  return best;
}

export function isSkipped(p: string, ctx: Pick<ScanContext, 'skip'>): boolean {
  return ctx.skip.some((s) => isAtOrInside(p, s));
}

export function isGone(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
}
