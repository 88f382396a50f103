// Which LibraryFiles a location has. The default library (<home>/library) keeps its files
// where Shoebox always kept them, in the home (thumbs/, duplicates/, calibration/,
// duplicate-decisions.json), so an existing home needs no migration; a library elsewhere
// keeps them inside its own folder, and an S3 library as objects under its prefix.
import fs from 'node:fs';
import path from 'node:path';
import { FolderFiles } from './folder-files';
import type { LibraryFiles } from './library-files';
import type { LibraryLocation } from './library-location';
import { S3Files } from './s3-files';

export function libraryFilesFor(location: LibraryLocation, home: string): LibraryFiles {
  if (location.kind === 's3') return new S3Files(location);
  const dir = path.resolve(location.databaseUri);
  // The same folder however it is named (a symlinked home, /private/var on macOS, a trailing
  // "/."): compared by real path, else a default library named otherwise would lose its files.
  return new FolderFiles(realpathOr(dir) === realpathOr(path.resolve(home, 'library')) ? home : dir);
}

/** The real path; of a folder not made yet (a new home), its real parent's and its name. */
export function realpathOr(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realpathOr(parent), path.basename(p));
  }
}
