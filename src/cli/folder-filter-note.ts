// One stderr line when a listing narrowed to a folder (`list --folder`, `tags list FOLDER`)
// found no photo, in `search`'s words ("no photo matches the filters (--folder …)"), saying
// also when the folder is in no library folder at all (a typo, another device's path), so an
// empty answer is never silent. Stdout and the exit code stay as they are (an empty listing).
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
  const outside = !inLibrary(folder, await api.listFolders());
  const why = outside ? `: ${printable(path.resolve(folder))} is not in a library folder (shoebox folders list shows them)` : '';
  process.stderr.write(`shoebox: no photo matches the filters (${printable(shown)})${why}\n`);
}
