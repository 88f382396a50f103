// A place that holds a copy of a library still being made (copy-library's marker, written
// first and removed only once the copy is checked): its tables may lack files, and a writer
// opening it would mix its own commits into the copy. Opening such a place is refused; the
// copy itself (the same command again, or "Copy this library there" again) finishes it.
import { FolderFiles } from './folder-files';
import type { LibraryFiles } from './library-files';
import type { LibraryLocation } from './library-location';
import { LibraryLocationError } from './location-error';
import { S3Files } from './s3-files';

/** In the target while a copy runs; the same copy (source and device) run again resumes it. */
export const COPY_MARKER = 'copy-in-progress.json';

/** Where a location's tables (and a copy's marker) are: its folder, or objects under its prefix. */
export function tableFiles(location: LibraryLocation): LibraryFiles {
  return location.kind === 's3' ? new S3Files(location) : new FolderFiles(location.databaseUri);
}

/** Throws when `location` holds an unfinished copy; `quiet`: a place that cannot be asked now passes (its own open says why). */
export async function refuseUnfinishedCopy(location: LibraryLocation, options: { quiet?: boolean } = {}): Promise<void> {
  let marked: boolean;
  try {
    marked = (await tableFiles(location).stamp(COPY_MARKER)) !== null;
  } catch (error) {
    if (options.quiet) return;
    throw error;
  }
  if (marked) throw unfinishedCopyError(location);
}

export function unfinishedCopyError(location: LibraryLocation): LibraryLocationError {
  return new LibraryLocationError(`${location.uri} holds a copy of a library that did not finish (${COPY_MARKER} is there): run the same copy again to finish it, then open it`);
}
