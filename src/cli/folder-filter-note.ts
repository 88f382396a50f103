// One stderr line when a listing narrowed to a folder (`list --folder`, `tags list FOLDER`)
// found no photo, in `search`'s words ("no photo matches the filters (--folder …)"), saying
// also when the folder is in no library folder at all (a typo, another device's path), or is
// in one but does not exist, so an empty answer is never silent. Stdout and the exit code stay as they are (an empty listing).
import fs from 'node:fs';
import path from 'node:path';
import type { FolderInfo } from '../shared/api';
import { isAtOrInside } from '../base/path-inside';
import { printable } from './output';

/** Whether `folder` is a library folder or lies under one, as this device or the library names it. */
function inLibrary(folder: string, folders: readonly FolderInfo[]): boolean {
  const abs = path.resolve(folder);
  return folders.some((f) => [f.path, f.libraryPath].some((root) => root !== undefined && isAtOrInside(abs, root)));
}

/** `shown`: the filter as typed, "--folder pics" or "pics". */
export async function noPhotoInFolderNote(api: { listFolders(): Promise<FolderInfo[]> }, folder: string, shown: string): Promise<void> {
  const abs = path.resolve(folder);
  const outside = !inLibrary(folder, await api.listFolders());
  // A typo under a library folder (`photos/empyt`) is in one, but is no folder at all: said
  // as such, as a path outside every library folder is.
  const why = outside
    ? `: ${printable(abs)} is not in a library folder (shoebox folders list shows them)`
    : !fs.existsSync(abs)
      ? `: ${printable(abs)}: no such folder`
      : '';
  process.stderr.write(`shoebox: no photo matches the filters (${printable(shown)})${why}\n`);
}
