// Why a copy failed, when it is the destination's fault: the same text for every file the
// same folder refused for the same cause (shared/disk-failure-text.ts), so the summary and the
// CLI say it once per folder and cause, and name the folder that refused, not the whole
// destination: one read-only day folder among writable ones is not "cannot write into /Photos".
import fs from 'node:fs';
import path from 'node:path';
import { isAtOrInside } from '../../base/path-inside';
import { destinationCause, importDestinationFailure, isDiskWide } from '../../shared/disk-failure-text';

/** The destination's failure text for `error` met copying into `to`; null: the file's own trouble. */
export function copyFailure(error: unknown, to: string): string | null {
  const { code, path: at } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code || destinationCause(code) === null) return null;
  // A full, over-quota or read-only disk refuses every write to it: the destination's, whichever
  // path (the source is only read, so never the card's).
  if (isDiskWide(code)) return importDestinationFailure(to, code);
  // Permission errors are the destination's only for a path in it (a card's unreadable file is its own).
  if (!(at && isAtOrInside(at, to))) return null;
  return importDestinationFailure(refusingFolder(at, to), code);
}

/**
 * The folder that refused `at`: the nearest existing one holding it (a file written into a
 * read-only day folder: that day folder; a day folder that could not be made: the folder it
 * was to be made in), never above the destination.
 */
function refusingFolder(at: string, to: string): string {
  for (let dir = path.dirname(at); isAtOrInside(dir, to) && dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (isFolder(dir)) return dir;
  }
  return to;
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
