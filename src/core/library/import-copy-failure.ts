// Why a copy failed, when it is the destination's fault: the same text for every file
// (shared/import-destination-failure.ts), so the summary and the CLI say it once.
import { isAtOrInside } from '../../base/path-inside';
import { destinationCause, importDestinationFailure } from '../../shared/import-destination-failure';

/** Codes a disk gives for any write to it, whichever path: the source is only read, so never the card's. */
const DISK_WIDE = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);

/** The destination's failure text for `error` met copying into `to`; null: the file's own trouble. */
export function copyFailure(error: unknown, to: string): string | null {
  const { code, path: at } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code || destinationCause(code) === null) return null;
  // Permission errors are the destination's only for a path in it (a card's unreadable file is its own).
  if (!DISK_WIDE.has(code) && !(at && isAtOrInside(at, to))) return null;
  return importDestinationFailure(to, code);
}
