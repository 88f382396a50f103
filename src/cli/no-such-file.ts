// A path that names nothing on disk (a typo), said as `shoebox show` says it: `no such file:
// /abs/path`, a failure (exit 1), not a usage error: the command line was right, the file is
// not there. Not Node's "ENOENT: no such file or directory, open 'x'", nor a query's wording.
import fs from 'node:fs';
import path from 'node:path';

/** The absolute path `file` stands for when nothing is there on disk, else null. */
export function absentFile(file: string): string | null {
  const abs = path.resolve(file);
  return fs.existsSync(abs) ? null : abs;
}

/** The words for an absent path (absolute, as absentFile gives it); errorLine or printable makes it safe to show. */
export function noSuchFileText(abs: string): string {
  return `no such file: ${abs}`;
}

/** Throws `no such file: PATH` (exit 1) when `file` names nothing on disk. */
export function refuseAbsentFile(file: string): void {
  const abs = absentFile(file);
  if (abs !== null) throw new Error(noSuchFileText(abs));
}
