// Thumbnails as the grid asks for them: a photo the engine just returned is answered from the
// library's thumbnails without a store lookup (one LanceDB query per tile over S3 otherwise);
// any other id is looked up, and a path that is no library photo gets nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readLibraryImage } from '../../../src/core/api/image-files';
import { photoId } from '../../../src/core/api/photo-id';
import { NO_MARKS, toPhoto } from '../../../src/core/api/photo-views';
import { folderThumbnails, thumbnailKey } from '../../../src/core/media';
import type { LibraryStore, PhotoSummary } from '../../../src/core/store/types';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);

describe('library thumbnails', () => {
  it('answers a photo just shown from its thumbnail alone, and looks up any other', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-thumbs-'));
    const thumbs = folderThumbnails(dir);
    const shown = { path: '/photos/shown.jpg', folder: '/photos', thumbKey: thumbnailKey('ab'.repeat(32)), hash: 'ab'.repeat(32) } as PhotoSummary;
    const other = { ...shown, path: '/photos/other.jpg', thumbKey: thumbnailKey('cd'.repeat(32)), hash: 'cd'.repeat(32) } as PhotoSummary;
    await thumbs.write(shown.thumbKey, JPEG);
    await thumbs.write(other.thumbKey, JPEG);
    const rows = new Map([[other.path, other]]);
    const photosByPath = vi.fn(async (paths: readonly string[]) => new Map(paths.flatMap((p) => (rows.has(p) ? [[p, rows.get(p)!] as const] : []))));
    const rotations = vi.fn(async () => new Map<string, number>());
    const store = { photosByPath, rotations } as unknown as LibraryStore;

    toPhoto(shown, NO_MARKS); // as a page of results hands it to the grid
    expect(await readLibraryImage(store, thumbs, photoId(shown.path), 'thumb')).toEqual({ contentType: 'image/jpeg', data: JPEG });
    expect(photosByPath).not.toHaveBeenCalled();
    expect(rotations).not.toHaveBeenCalled(); // its turn was remembered with its key

    expect(await readLibraryImage(store, thumbs, photoId(other.path), 'thumb')).toEqual({ contentType: 'image/jpeg', data: JPEG });
    expect(photosByPath).toHaveBeenCalledTimes(1);
    expect(await readLibraryImage(store, thumbs, photoId('/etc/passwd'), 'thumb')).toBeNull();
  });
});
