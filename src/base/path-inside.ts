// Whether a path lies inside a folder, by path components, never by string prefix: "/a/bc" is
// not inside "/a/b", "/a/..b" is inside "/a", and "/" holds everything. Paths are compared as
// given (relative ones against the working folder); resolve symbolic links first where they
// matter. On Windows the comparison is case-insensitive, as path.relative is there.
import path from 'node:path';

/** True when `file` is strictly below `folder` (not the folder itself). */
export function isInside(file: string, folder: string): boolean {
  const quick = compareNormal(file, folder);
  if (quick !== undefined) return quick === 'inside';
  return relativeIsInside(path.relative(folder, file));
}

/** True when `file` is `folder` itself (trailing separators aside) or below it. */
export function isAtOrInside(file: string, folder: string): boolean {
  const quick = compareNormal(file, folder);
  if (quick !== undefined) return quick !== 'outside';
  const rel = path.relative(folder, file);
  return rel === '' || relativeIsInside(rel);
}

function relativeIsInside(rel: string): boolean {
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/**
 * The common case without path.relative (which costs microseconds, and these run once per
 * photo over whole libraries): two absolute POSIX paths already in normal form, as the
 * library stores them, compare by prefix at a separator. Undefined: use path.relative.
 */
function compareNormal(file: string, folder: string): 'same' | 'inside' | 'outside' | undefined {
  if (path.sep !== '/' || !isNormalAbsolute(file) || !isNormalAbsolute(folder)) return undefined;
  if (file === folder) return 'same';
  if (folder === '/') return 'inside';
  return file.startsWith(folder) && file.charCodeAt(folder.length) === 47 /* '/' */ ? 'inside' : 'outside';
}

/** A doubled separator, a "." or ".." part, or a trailing separator. */
const NOT_NORMAL = /\/(?:\/|\.\.?(?:\/|$)|$)/;

/** "/a/b": absolute, no "." or ".." part, no doubled or trailing separator ("/" itself is normal). */
function isNormalAbsolute(p: string): boolean {
  return p === '/' || (p.charCodeAt(0) === 47 && !NOT_NORMAL.test(p));
}
