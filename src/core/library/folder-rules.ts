// Folders that are never library folders: Shoebox's own data folder (indexing it would index
// thumbnails and models, and its lock and database change under the scan) and the system's
// virtual file systems (/proc, /sys, /dev: endless, changing, and their "files" block or never
// end when read). Refused with one line before anything is added; a library folder that merely
// holds the data folder is fine (the scan skips it).
import fs from 'node:fs';
import path from 'node:path';
import { isAtOrInside } from '../../base/path-inside';
import { SYSTEM_FOLDERS, isSkipped } from './scan';

/** Why `folder` cannot be a library folder, as an Error named FolderRefusedError. */
export class FolderRefusedError extends Error {
  override name = 'FolderRefusedError';
}

/** Throws FolderRefusedError when `folder` (absolute) is the data folder, inside it, or a system folder. */
export function refuseNonPhotoFolder(folder: string, home: string, dataFolders: readonly string[]): void {
  const real = realpathOr(folder);
  const homes = [path.resolve(home), realpathOr(path.resolve(home))];
  if (isSkipped(folder, { skip: dataFolders }) || homes.some((h) => isAtOrInside(folder, h) || isAtOrInside(real, h))) {
    throw new FolderRefusedError(`not a photo folder: ${folder} holds Shoebox's own data (${home})`);
  }
  const system = SYSTEM_FOLDERS.find((s) => isAtOrInside(folder, s) || isAtOrInside(real, s));
  if (system) throw new FolderRefusedError(`not a photo folder: ${folder} is a system folder (${system})`);
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
