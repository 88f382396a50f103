// What every command that takes photo paths says of one the library does not hold: a folder
// given where a photo was meant (`shoebox date set 2020-01-01 .`) is said to be a folder, with
// the command that lists its photos; anything else is not in the library. One line each on
// stderr, and exit 1; the command still does the rest.
import fs from 'node:fs';
import { shellWord } from '../base/shell-word';
import { EXIT_FAILURE, printable } from './output';

/** Whether `file` is a folder on this device. */
function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** The stderr line for a photo path (absolute, as the core returns it) the library does not hold. */
export function missingPhotoLine(file: string): string {
  return isFolder(file) ? `shoebox: a folder, not a photo: ${printable(file)} (shoebox list --folder ${shellWord(file)} lists its photos)\n` : `shoebox: not in the library: ${printable(file)}\n`;
}

/** Says each of `missing` (missingPhotoLine) and, when there is one, makes the exit code 1. */
export function reportMissingPhotos(missing: readonly string[]): void {
  for (const p of missing) process.stderr.write(missingPhotoLine(p));
  if (missing.length) process.exitCode = EXIT_FAILURE;
}
