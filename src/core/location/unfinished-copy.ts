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

/** What the marker says: the library copied (its URI), the device copying, the copy's id, when it began. */
export interface CopyMarker {
  from: string;
  host: string;
  id: string;
  startedAt: string;
}

export function parseCopyMarker(data: Buffer): CopyMarker | null {
  try {
    const m = JSON.parse(data.toString('utf8')) as Partial<CopyMarker>;
    return typeof m.from === 'string' && typeof m.host === 'string' && typeof m.id === 'string' ? (m as CopyMarker) : null;
  } catch {
    return null;
  }
}

/**
 * Where the copy of `from` (started on `host`) can be run again to finish it: a library on S3
 * is the same library from any device (copy-library resumes it wherever it runs); a folder's
 * path names a library only on the device it is on, so only that device resumes its copy.
 */
export function whereToResume(marker: Pick<CopyMarker, 'from' | 'host'>): string {
  return marker.from.startsWith('s3://') ? 'from any device' : `on ${marker.host}, the device that started it`;
}

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
    if (location.kind === 's3') {
      try {
        return await checkS3Reachable(location, unfinishedCopyProbe(location));
      } catch (error) {
        // Refused: the marker says which library is copied, hence where to finish it.
        if (error instanceof UnfinishedCopyError) throw unfinishedCopyError(location, await markerIn(location));
        throw error;
      }
    }
    if ((await tableFiles(location).stamp(COPY_MARKER)) !== null) throw unfinishedCopyError(location, await markerIn(location));
  } catch (error) {
    if (options.quiet && !(error instanceof UnfinishedCopyError)) return;
    throw error;
  }
}

/** What checkS3Reachable refuses for a place that holds an unfinished copy (its marker not read: said for either kind of library copied). */
export function unfinishedCopyProbe(location: LibraryLocation): { key: string; error: () => Error } {
  return { key: COPY_MARKER, error: () => unfinishedCopyError(location, null) };
}

/** The marker there, or null when it cannot be read now or says nothing of use. */
async function markerIn(location: LibraryLocation): Promise<CopyMarker | null> {
  const data = await tableFiles(location)
    .read(COPY_MARKER)
    .catch(() => null);
  return data ? parseCopyMarker(data) : null;
}

function unfinishedCopyError(location: LibraryLocation, marker: CopyMarker | null): UnfinishedCopyError {
  const where = marker ? `(${whereToResume(marker)})` : '(from any device for a library copied from S3, else from the device that started it)';
  return new UnfinishedCopyError(`${location.uri} holds a copy of a library that did not finish (${COPY_MARKER} is there): run the same copy again ${where} to finish it, then open it`);
}
