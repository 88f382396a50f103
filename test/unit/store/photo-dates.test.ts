// What the app asks for on every refresh while a library is indexed (each folder's videos, the
// folder filter's choices) reads the library's photos once per photos version between them, not
// once each: on a 100k-photo library every read is the whole photos table.
import { describe, expect, it } from 'vitest';
import { folderVideoCounts } from '../../../src/core/api/folder-videos';
import { photoFolders } from '../../../src/core/api/photo-folders';
import type { PhotoDates } from '../../../src/core/store/types';

function store(photos: PhotoDates[]) {
  let version = 1;
  let reads = 0;
  return {
    photosVersion: async () => String(version),
    listPhotoDates: async () => {
      reads++;
      return photos;
    },
    listFolders: async () => [{ path: '/lib', addedAt: 0 }],
    change: () => version++,
    reads: () => reads,
  };
}

const photo = (path: string, durationMs: number | null = null): PhotoDates => ({ path, hash: path, takenAt: null, mtimeMs: 0, indexedAt: 0, durationMs, gpsLat: null, gpsLon: null });

describe('the photos read for folder counts', () => {
  it('is read once per photos version by the folder videos and the folder filter together', async () => {
    const s = store([photo('/lib/a.jpg'), photo('/lib/clips/b.mp4', 8000), photo('/lib/clips/c.jpg')]);
    expect(await folderVideoCounts(s, ['/lib'])).toEqual(new Map([['/lib', 1]]));
    expect((await photoFolders(s as never)).map((f) => [f.path, f.photos])).toEqual([['/lib', 3], ['/lib/clips', 2]]);
    await folderVideoCounts(s, ['/lib']);
    expect(s.reads()).toBe(1);
    s.change();
    await folderVideoCounts(s, ['/lib']);
    await photoFolders(s as never);
    expect(s.reads()).toBe(2);
  });
});
