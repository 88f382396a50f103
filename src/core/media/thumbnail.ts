// Thumbnails are content-addressed: the key is derived from the photo's content hash, so a
// photo that moves or is renamed keeps its thumbnail, and identical copies share one file.
// Keys fan out over 256 folders by their first two hex digits (ab/abcdef….jpg) to keep
// directories small.
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../base/atomic-write';

const HASH = /^[0-9a-f]{8,128}$/;
const KEY = /^([0-9a-f]{2})\/([0-9a-f]{8,128})\.jpg$/;

/** The thumbnail's path relative to the thumbs dir, always with '/' (it is stored in the DB). */
export function thumbnailKey(hash: string): string {
  const h = hash.toLowerCase();
  if (!HASH.test(h)) throw new Error(`thumbnailKey: not a hex content hash: ${JSON.stringify(hash).slice(0, 80)}`);
  return `${h.slice(0, 2)}/${h}.jpg`;
}

/** Absolute path of a key under `thumbsDir`; refuses anything that is not a key (no traversal). */
export function thumbnailPath(thumbsDir: string, key: string): string {
  const m = KEY.exec(key);
  if (!m || !m[2]!.startsWith(m[1]!)) throw new Error(`not a thumbnail key: ${JSON.stringify(key).slice(0, 80)}`);
  return path.join(thumbsDir, m[1]!, `${m[2]}.jpg`);
}

/**
 * Stores a thumbnail atomically: written to a temporary name in the same folder, then
 * renamed, so a crash or a concurrent reader never sees half a JPEG. A key that already
 * exists is left alone (same content by construction). Returns whether it wrote the file.
 */
export async function writeThumbnail(thumbsDir: string, key: string, jpeg: Uint8Array): Promise<boolean> {
  const dest = thumbnailPath(thumbsDir, key);
  if (await exists(dest)) return false;
  try {
    // Not flushed to disk one by one (a thumbnail can be cut again; indexing stays quick).
    await writeFileAtomic(dest, jpeg, { durable: false });
  } catch (err) {
    // Another writer won the race (Windows refuses to rename over a file someone has open).
    if (await exists(dest)) return false;
    throw err;
  }
  return true;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
