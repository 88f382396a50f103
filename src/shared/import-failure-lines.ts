// The lines an import's failures are said in, for the CLI's stderr and the app's list alike:
// one per file for a file's own trouble (a damaged photo), and one, naming the folder, for a
// destination that could not be written (no permission, a full disk), however many files it
// stopped: a card of 700 photos is not 700 lines of the same EPERM.
import type { PhotoImportFailure } from './api';
import { isDestinationFailure } from './import-destination-failure';

export interface ImportFailureLines {
  /** The destination's failure, once (its error text, which names the folder), and how many files it stopped; null: none. */
  destination: { error: string; files: number } | null;
  /** The other failures, each its own line. */
  perFile: PhotoImportFailure[];
}

export function importFailureLines(failed: readonly PhotoImportFailure[]): ImportFailureLines {
  const destination = failed.filter((f) => f.step === 'copy' && isDestinationFailure(f.error));
  return {
    destination: destination.length ? { error: destination[0]!.error, files: destination.length } : null,
    perFile: failed.filter((f) => !destination.includes(f)),
  };
}
