// A photo's id in LibraryApi: its absolute path, base64url-encoded. Opaque to the UI (no
// slashes or dots to get wrong in a URL), stable across runs, and reversible, so the engine
// finds the photo by looking the path up in the store; an id that decodes to a path the
// store does not hold names nothing, whatever the path is.
import path from 'node:path';

const ID = /^[A-Za-z0-9_-]+$/;

export function photoId(photoPath: string): string {
  return Buffer.from(photoPath, 'utf8').toString('base64url');
}

/** The path an id names, or null when it is not an id we could have made. */
export function pathFromPhotoId(id: string): string | null {
  if (!ID.test(id)) return null;
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  // Canonical form only: one id per path, and no lossy decodes (invalid UTF-8).
  if (photoId(decoded) !== id || decoded.includes('\0') || !path.isAbsolute(decoded)) return null;
  return decoded;
}
