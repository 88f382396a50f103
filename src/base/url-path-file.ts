// The file a URL path names inside a folder, for a server of static files (the app's own
// protocol, `serve`'s HTTP): decoded before the containment check, so %2e%2e%2f, an encoded
// backslash or a NUL cannot climb out of the folder or cut the name short.
import path from 'node:path';
import { isInside } from './path-inside';

/** `pathname` as it stands in the URL (still percent-encoded); "/" is index.html; null when outside `root` or malformed. */
export function fileForUrlPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${decoded}`);
  if (file === base) return path.join(base, 'index.html');
  return isInside(file, base) ? file : null;
}
