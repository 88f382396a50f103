// What every command that takes photo paths says of one the library does not hold: a folder
// given where a photo was meant (`shoebox date set 2020-01-01 .`) is said to be a folder, with
// the command that lists its photos; a file the index could not read is said with why (as
// `shoebox status` lists it); anything else is not in the library. One line each on stderr,
// and exit 1; the command still does the rest.
import fs from 'node:fs';
import { shellWord } from '../base/shell-word';
import type { LibraryApi } from '../shared/api';
import { EXIT_FAILURE, printable } from './output';

/** Whether `file` is a folder on this device. */
function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** The stderr line for a photo path (absolute, as the core returns it) the library does not hold; `failure`: why indexing it failed. */
export function missingPhotoLine(file: string, failure?: string): string {
  if (isFolder(file)) return `shoebox: a folder, not a photo: ${printable(file)} (shoebox list --folder ${shellWord(file)} lists its photos)\n`;
  if (failure !== undefined) return `shoebox: not in the library, it could not be indexed: ${printable(file)}: ${printable(failure)} (tried again when the file changes)\n`;
  return `shoebox: not in the library: ${printable(file)}\n`;
}

/** Says each of `missing` (missingPhotoLine) and, when there is one, makes the exit code 1. */
export async function reportMissingPhotos(api: Pick<LibraryApi, 'listFailures'>, missing: readonly string[]): Promise<void> {
  if (missing.length === 0) return;
  const reasons = await failureReasons(api, missing);
  for (const p of missing) process.stderr.write(missingPhotoLine(p, reasons.get(p)));
  process.exitCode = EXIT_FAILURE;
}

/** Why each of `paths` the index recorded as failed could not be read (the failures, page by page). */
async function failureReasons(api: Pick<LibraryApi, 'listFailures'>, paths: readonly string[]): Promise<Map<string, string>> {
  const wanted = new Set(paths);
  const reasons = new Map<string, string>();
  for (let offset = 0; ; ) {
    const page = await api.listFailures({ offset, limit: 1000 });
    for (const f of page.failures) if (wanted.has(f.path)) reasons.set(f.path, f.reason);
    offset += page.failures.length;
    if (reasons.size === wanted.size || page.failures.length === 0 || offset >= page.total) return reasons;
  }
}
