// Every path a hub hands us names a file inside one model folder: the file listing, the
// download state and manifest read back from disk (which hold earlier listings), and the
// external-data locations inside .onnx graphs. A hostile mirror can list "../../x", "/etc/x"
// or "C:\x"; joined to the folder and deleted or written, that reaches the user's files. So
// each such path passes this one check before Shoebox reads, writes or deletes anything by it.
import fs from 'node:fs';
import path from 'node:path';
import { isInside } from '../../base/path-inside';

/** Longer than any real repository path; bounds what a listing can make us store. */
const MAX_LENGTH = 1024;

/**
 * Why `repoPath` cannot name a file inside a model folder, or undefined when it can: a
 * relative "/"-separated path of plain segments. Refused: absolute paths, "." and ".."
 * segments, empty segments, backslashes (a separator on Windows), ":" (drive letters, NTFS
 * streams), NUL and other control characters.
 */
export function unsafeRepoPathReason(repoPath: unknown): string | undefined {
  if (typeof repoPath !== 'string') return 'not a string';
  if (repoPath === '') return 'empty';
  if (repoPath.length > MAX_LENGTH) return `longer than ${MAX_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(repoPath)) return 'control character';
  if (repoPath.includes('\\')) return 'backslash';
  if (repoPath.includes(':')) return 'drive letter or ":"';
  if (repoPath.startsWith('/')) return 'absolute';
  for (const segment of repoPath.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return `"${segment}" segment`;
  }
  return undefined;
}

export function isSafeRepoPath(repoPath: unknown): repoPath is string {
  return unsafeRepoPathReason(repoPath) === undefined;
}

/**
 * Where `repoPath` lives under `dir`, or undefined when it would not stay inside `dir`: the
 * path must be safe, and after resolution (symlinked folders included) still under `dir`.
 */
export function pathInside(dir: string, repoPath: string): string | undefined {
  if (!isSafeRepoPath(repoPath)) return undefined;
  const root = path.resolve(dir);
  const target = path.resolve(root, ...repoPath.split('/'));
  if (!isInside(target, root)) return undefined;
  // A folder on the way that is a symlink could lead elsewhere: compare real paths of the
  // deepest folder that exists.
  let existing = path.dirname(target);
  while (existing !== root && isInside(existing, root) && !fs.existsSync(existing)) existing = path.dirname(existing);
  if (existing !== root) {
    try {
      if (!isInside(fs.realpathSync(existing), fs.realpathSync(root))) return undefined;
    } catch {
      return undefined;
    }
  }
  return target;
}
