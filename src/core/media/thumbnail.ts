// Thumbnails are content-addressed: the key is derived from the photo's content hash, so a
// photo that moves or is renamed keeps its thumbnail, and identical copies share one file.
// Keys fan out over 256 folders by their first two hex digits (ab/abcdef….jpg) to keep
// directories small.
import { FolderFiles } from '../location/folder-files';
import type { LibraryFiles } from '../location/library-files';
import type { FileCache } from '../location/bounded-cache';

const HASH = /^[0-9a-f]{8,128}$/;
const KEY = /^([0-9a-f]{2})\/([0-9a-f]{8,128})\.jpg$/;

/** The thumbnail's path relative to the thumbs dir, always with '/' (it is stored in the DB). */
export function thumbnailKey(hash: string): string {
  const h = hash.toLowerCase();
  if (!HASH.test(h)) throw new Error(`thumbnailKey: not a hex content hash: ${JSON.stringify(hash).slice(0, 80)}`);
  return `${h.slice(0, 2)}/${h}.jpg`;
}

/** Reads thumbnails by key (the duplicate scan, the image routes). */
export interface ThumbnailReader {
  /** The JPEG, or null when there is none (never made, or removed). */
  read(key: string): Promise<Buffer | null>;
}

/** Where a library's thumbnails are written and read. */
export interface ThumbnailStore extends ThumbnailReader {
  /** Stores a thumbnail unless its key exists (same content by construction); whether it wrote. */
  write(key: string, jpeg: Uint8Array): Promise<boolean>;
}

/** Where the thumbnails are among a library's files. */
export const THUMBS_PREFIX = 'thumbs/';

/**
 * A library's thumbnails, "thumbs/<key>" in its files (a folder, or objects in S3). With a
 * `cache` (a folder on this device, for an S3 library, within a size: bounded-cache.ts) every
 * thumbnail read or written is kept there too, so a grid is read from S3 once per device, and
 * shows from the cache even while the network is slow.
 */
export function libraryThumbnails(files: LibraryFiles, cache?: FileCache, sub = THUMBS_PREFIX): ThumbnailStore {
  const fileKey = (key: string) => `${sub}${thumbKeyParts(key).join('/')}`;
  const cacheKey = (key: string) => thumbKeyParts(key).join('/');
  return {
    async read(key) {
      const cached = cache ? await cache.read(cacheKey(key)) : null;
      if (cached) return cached;
      const jpeg = await files.read(fileKey(key));
      if (jpeg && cache) await cache.writeNew(cacheKey(key), jpeg).catch(() => false); // a full cache disk costs only speed
      return jpeg;
    },
    async write(key, jpeg) {
      const wrote = await files.writeNew(fileKey(key), jpeg);
      if (cache) await cache.writeNew(cacheKey(key), jpeg).catch(() => false);
      return wrote;
    },
  };
}

/** The thumbnails in a folder of their own (<home>/thumbs), as tests and older callers name it. */
export function folderThumbnails(thumbsDir: string): ThumbnailStore {
  return libraryThumbnails(new FolderFiles(thumbsDir), undefined, '');
}

function thumbKeyParts(key: string): [string, string] {
  const m = KEY.exec(key);
  if (!m || !m[2]!.startsWith(m[1]!)) throw new Error(`not a thumbnail key: ${JSON.stringify(key).slice(0, 80)}`);
  return [m[1]!, `${m[2]}.jpg`];
}
