// The lines an import's failures are said in, for the CLI's stderr and the app's list alike:
// one per file for a file's own trouble (a damaged photo), and one per folder and cause for a
// destination that could not be written (no permission, a full disk), however many files it
// stopped: a card of 700 photos is not 700 lines of the same EPERM. Each cause is its own line,
// naming the folder that refused: one read-only day folder is not the whole destination, and a
// full disk is not a permission problem.
import type { PhotoImportFailure } from './api';
import { isDestinationFailure } from './disk-failure-text';

/** A destination's failure: its error text (which names the folder and the cause) and how many files it stopped. */
export interface DestinationFailure {
  error: string;
  files: number;
}

export interface ImportFailureLines {
  /** The destination's failures, one per text (folder and cause), the most files first; empty: none. */
  destinations: DestinationFailure[];
  /** The other failures, each its own line. */
  perFile: PhotoImportFailure[];
}

export function importFailureLines(failed: readonly PhotoImportFailure[]): ImportFailureLines {
  const isDestination = (f: PhotoImportFailure) => f.step === 'copy' && isDestinationFailure(f.error);
  const files = new Map<string, number>();
  for (const f of failed) if (isDestination(f)) files.set(f.error, (files.get(f.error) ?? 0) + 1);
  return {
    destinations: [...files].map(([error, n]) => ({ error, files: n })).sort((a, b) => b.files - a.files),
    perFile: failed.filter((f) => !isDestination(f)),
  };
}
