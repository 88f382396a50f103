// A copy that failed because the folder copied into cannot be written (no permission, a
// read-only or full disk) fails the same way for every file: the core words it once, the same
// for every file (importDestinationFailure), so the CLI and the app say it once, with the
// folder, instead of once per photo (700 lines for a card of 700). A file's own trouble (a
// damaged card sector) stays a line of its own.

const LEAD = 'cannot write into ';

/** Why a disk refuses a write, by the error's code; null: not the destination's fault. */
const CAUSES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
};

/** The codes that are the destination's, whatever the file (EACCES and EPERM only for a path inside it: see the core). */
export function destinationCause(code: string | undefined): string | null {
  return code !== undefined && Object.hasOwn(CAUSES, code) ? CAUSES[code]! : null;
}

/** "cannot write into /Photos/Import: the disk is full (ENOSPC)": one text for every file it stopped. */
export function importDestinationFailure(to: string, code: string): string {
  return `${LEAD}${to}: ${destinationCause(code) ?? 'refused'} (${code})`;
}

/** Whether a failure's error is the destination's (worded by importDestinationFailure). */
export function isDestinationFailure(error: string): boolean {
  return error.startsWith(LEAD);
}
