// How Shoebox words a disk that refuses it, once for every front end: a full disk, a used-up
// quota, a read-only disk, a folder it may not use, a file where a folder should be. The
// system's own text ("ENOSPC: no space left on device, write") names neither the folder nor
// what became of the work; these sentences name the folder and say what to do.
//
// Two users: an import's destination (every file it stopped fails alike, so the failure is
// said once per folder and cause: importDestinationFailure), and the CLI's last word on an
// error that ended a command (diskFailureSentence; the CLI picks the folder from the error).
// Pure text: which folder an error is about is found by the caller, which can look at disks.

/** Why a disk refuses a write, by the error's code. */
const CAUSES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
};

/** Codes a disk gives for any write to it, whichever file: the whole disk's trouble, not a folder's. */
const DISK_WIDE: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);

/** The refusal's words for a code ("permission denied"); null: not a disk refusing a write. */
export function diskFailureCause(code: string | undefined): string | null {
  return code !== undefined && Object.hasOwn(CAUSES, code) ? CAUSES[code]! : null;
}

/** Whether `code` is the whole disk's (full, over quota, read-only), whatever path it names. */
export function isDiskWide(code: string | undefined): boolean {
  return code !== undefined && DISK_WIDE.has(code);
}

// ---- An import's destination ---------------------------------------------------------------

const LEAD = 'cannot write into ';

/** The codes that are the destination's, whatever the file (EACCES and EPERM only for a path inside it: see the core). */
export const destinationCause = diskFailureCause;

/** "cannot write into /Photos/Import: the disk is full (ENOSPC)": one text for every file it stopped; `folder` is the one that refused. */
export function importDestinationFailure(folder: string, code: string): string {
  return `${LEAD}${folder}: ${diskFailureCause(code) ?? 'refused'} (${code})`;
}

/** Whether a failure's error is a destination's (worded by importDestinationFailure). */
export function isDestinationFailure(error: string): boolean {
  return error.startsWith(LEAD);
}

// ---- A command ended by a disk -------------------------------------------------------------

/** The codes diskFailureSentence words: the refusals above, and a file where a folder should be. */
export function isWordedDiskCode(code: string | undefined): boolean {
  return code === 'ENOTDIR' || diskFailureCause(code) !== null;
}

export interface DiskFailurePlace {
  /** The folder named: the Shoebox home, the library folder, a photo folder; for ENOTDIR the file in the way. */
  folder: string;
  /** What `folder` is to Shoebox: the advice differs (another --home, another --library). */
  role: 'home' | 'library' | 'folder';
  /** What the command had saved before the disk stopped it: photos (index, import, watch) or other changes. */
  kept: 'photos' | 'changes';
}

/**
 * One plain sentence for a command that a disk stopped, naming the folder; null for a code it
 * does not word (the error is said as it is). Never a path other than `folder`.
 */
export function diskFailureSentence(code: string, place: DiskFailurePlace): string | null {
  const { folder, role } = place;
  const kept = place.kept === 'photos' ? 'photos indexed so far are kept' : 'what was saved before is kept';
  const option = role === 'home' ? ' or choose another --home' : role === 'library' ? ' or choose another --library' : '';
  switch (code) {
    case 'ENOSPC':
      return `the disk holding ${folder} is full: ${kept}; free some space and run the command again`;
    case 'EDQUOT':
      return `your disk quota on the disk holding ${folder} is used up: ${kept}; free some space and run the command again`;
    case 'EROFS':
      return `${folder} is on a read-only disk: Shoebox cannot write ${role === 'folder' ? 'there' : 'its data there'}`;
    case 'EACCES':
    case 'EPERM':
      return `Shoebox may not use ${folder} (${diskFailureCause(code)}): check its owner and permissions${option}`;
    case 'ENOTDIR':
      return `${folder} is a file, not a folder: ${role === 'folder' ? 'choose a folder' : `choose another --${role}`}`;
    default:
      return null;
  }
}
