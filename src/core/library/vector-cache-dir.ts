// Where this device keeps a library's vector cache (src/core/store/vector-cache.ts):
// <home>/cache/vectors/<library key>/, one file per model inside. The key is a digest of the
// library's URI, so two libraries never share a cache and the folder name is safe anywhere.
import crypto from 'node:crypto';
import path from 'node:path';

export function vectorCacheDir(cacheDir: string, libraryUri: string): string {
  const key = crypto.createHash('sha256').update(libraryUri).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'vectors', key);
}
