// A place that holds a copy of a library still being made (copy-library's marker, written
// first and removed only once the copy is checked): its tables may lack files, and a writer
// opening it would mix its own commits into the copy. Opening such a place is refused; the
// copy itself (the same command again, or "Copy this library there" again) finishes it.
import { FolderFiles } from './folder-files';
import type { LibraryFiles } from './library-files';
import type { LibraryLocation } from './library-location';
import { LibraryLocationError } from './location-error';
import { checkS3Reachable } from './s3-client';
import { S3Files } from './s3-files';

/** In the target while a copy runs; the same copy (source and device) run again resumes it. */
export const COPY_MARKER = 'copy-in-progress.json';

/** Where a location's tables (and a copy's marker) are: its folder, or objects under its prefix. */
export function tableFiles(location: LibraryLocation): LibraryFiles {
  return location.kind === 's3' ? new S3Files(location) : new FolderFiles(location.databaseUri);
}

export class UnfinishedCopyError extends LibraryLocationError {}

/**
 * Throws when `location` holds an unfinished copy. On S3 it is asked in the request that
 * checks the bucket answers (whose failure is its own one-line error); `quiet`: a place that
 * cannot be asked now passes (its own open says why).
 */
export async function refuseUnfinishedCopy(location: LibraryLocation, options: { quiet?: boolean } = {}): Promise<void> {
  try {
    if (location.kind === 's3') return await checkS3Reachable(location, unfinishedCopyProbe(location));
    if ((await tableFiles(location).stamp(COPY_MARKER)) !== null) throw unfinishedCopyError(location);
  } catch (error) {
    if (options.quiet && !(error instanceof UnfinishedCopyError)) return;
    throw error;
  }
}

/** What checkS3Reachable refuses for a place that holds an unfinished copy. */
export function unfinishedCopyProbe(location: LibraryLocation): { key: string; error: () => Error } {
  return { key: COPY_MARKER, error: () => unfinishedCopyError(location) };
}

function unfinishedCopyError(location: LibraryLocation): UnfinishedCopyError {
  return new UnfinishedCopyError(`${location.uri} holds a copy of a library that did not finish (${COPY_MARKER} is there): run the same copy again (from the device that started it) to finish it, then open it`);
}
