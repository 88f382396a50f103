// The CLI's last word on a command a disk stopped (a full disk mid-index, a --home on a
// read-only mount, a --home under a file): the system's text ("EROFS: read-only file system,
// open '/…/library.lock'") reworded as one plain sentence naming the folder, in the shared
// wording (shared/disk-failure-text.ts). Here only which folder: the error's path is matched
// against the places the user knows (the home, the library folder, a folder typed on the
// command line), which takes a look at the disk.
import fs from 'node:fs';
import path from 'node:path';
import { isAtOrInside } from '../base/path-inside';
import { diskFailureSentence, isDiskWide, isWordedDiskCode, type DiskFailurePlace } from '../shared/disk-failure-text';

export interface CommandPlaces {
  /** The Shoebox home (resolved). */
  home: string;
  /** The library folder (--library, SHOEBOX_LIBRARY, else <home>/library); an s3:// one is left out. */
  library: string | null;
  /** The folders typed on the command line (photo folders), resolved. */
  typed: readonly string[];
  /** The command adds photos (index, import, watch): what a full disk kept is photos. */
  addsPhotos: boolean;
}

/** The sentence for `error`, or null when it is not a disk's refusal (then it is said as it is). */
export function diskFailureLine(error: unknown, places: CommandPlaces): string | null {
  const kept: DiskFailurePlace['kept'] = places.addsPhotos ? 'photos' : 'changes';
  const system = systemError(error);
  if (system && isWordedDiskCode(system.code)) {
    const place = placeOf(system.code, system.path, places);
    return place ? diskFailureSentence(system.code, { ...place, kept }) : null;
  }
  // A home or library under a file fails whatever is read first, and not every reader keeps
  // the system's error ("cannot read …/settings.json: ENOTDIR: …"): the file in the way is the cause.
  for (const [folder, role] of [[places.home, 'home'], [places.library, 'library']] as const) {
    const file = folder ? fileInTheWay(folder) : null;
    if (file) return diskFailureSentence('ENOTDIR', { folder: file, role, kept });
  }
  return null;
}

/** The system error (code, path) that `error` is or wraps (its `cause`, as Error.cause sets it). */
function systemError(error: unknown): { code: string; path: string | undefined } | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, path: at } = e as NodeJS.ErrnoException;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return { code, path: typeof at === 'string' ? at : undefined };
  }
  return null;
}

/** Which folder to name, and what it is to Shoebox; null: nothing to name. */
function placeOf(code: string, at: string | undefined, places: CommandPlaces): Omit<DiskFailurePlace, 'kept'> | null {
  const known = [
    { folder: places.home, role: 'home' as const },
    ...(places.library ? [{ folder: places.library, role: 'library' as const }] : []),
    ...places.typed.map((folder) => ({ folder, role: 'folder' as const })),
  ];
  const roleOf = (folder: string) => known.find((k) => isAtOrInside(folder, k.folder))?.role ?? 'folder';
  if (code === 'ENOTDIR') {
    const file = at ? fileInTheWay(at) : null;
    return file ? { folder: file, role: known.find((k) => isAtOrInside(k.folder, file))?.role ?? 'folder' } : null;
  }
  // No path (a write to an open file): the library's disk, whose store the commands write;
  // named by the home when the library is in it (the default).
  if (!at) {
    const library = places.library && !isAtOrInside(places.library, places.home) ? places.library : null;
    return library ? { folder: library, role: 'library' } : { folder: places.home, role: 'home' };
  }
  const resolved = path.resolve(at);
  // A whole disk's trouble: named by the place the user knows that holds the path (the home
  // before the library in it); a folder's refusal: the folder itself, the nearest one there.
  if (isDiskWide(code)) {
    const holder = known.find((k) => isAtOrInside(resolved, k.folder));
    if (holder) return holder;
  }
  const folder = nearestFolder(resolved);
  return { folder, role: roleOf(folder) };
}

/** The file standing where a folder of `dir` should be (`dir` itself or one above it); null: none. */
function fileInTheWay(dir: string): string | null {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const kind = kindOf(at);
    if (kind === 'file') return at;
    if (kind === 'folder' || path.dirname(at) === at) return null;
  }
}

/** The nearest existing folder at or above `at`'s folder (`at` itself when it is one). */
function nearestFolder(at: string): string {
  for (let dir = at; ; dir = path.dirname(dir)) {
    if (kindOf(dir) === 'folder' || path.dirname(dir) === dir) return dir;
  }
}

function kindOf(at: string): 'file' | 'folder' | null {
  try {
    return fs.statSync(at).isDirectory() ? 'folder' : 'file';
  } catch {
    return null;
  }
}
