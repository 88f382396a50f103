// The folder filter's choices from the engine (photoFolders): every library folder and each
// folder under one that holds photos, with the photos at or under it, a folder before its
// subfolders; capped for a big library by keeping the shallowest levels.
import { describe, expect, it } from 'vitest';
import { photoFolderCounts, photoFolders } from '../../../src/core/api/photo-folders';

const LIB = '/home/me/lib1';
const PHOTOS = [`${LIB}/top.jpg`, `${LIB}/animals/cat.jpg`, `${LIB}/animals/dog.jpg`, `${LIB}/cams/a/1.jpg`, `${LIB}/cams/b/2.jpg`, `${LIB}/cams b/3.jpg`, `${LIB}/text/sign.png`];

describe('photoFolderCounts', () => {
  it('lists one library folder and its subfolders holding photos, each with the photos at or under it', () => {
    expect(photoFolderCounts([LIB], PHOTOS, 500, '/')).toEqual([
      { path: LIB, photos: 7 },
      { path: `${LIB}/animals`, photos: 2 },
      { path: `${LIB}/cams`, photos: 2 },
      { path: `${LIB}/cams/a`, photos: 1 },
      { path: `${LIB}/cams/b`, photos: 1 },
      { path: `${LIB}/cams b`, photos: 1 },
      { path: `${LIB}/text`, photos: 1 },
    ]);
  });

  it('keeps an empty library folder, leaves out photos under none, and counts a nested library folder in the outer one too', () => {
    expect(photoFolderCounts(['/a', '/a/b', '/empty/'], ['/a/b/c/x.jpg', '/a/y.jpg', '/elsewhere/z.jpg'], 500, '/')).toEqual([
      { path: '/a', photos: 2 },
      { path: '/a/b', photos: 1 },
      { path: '/a/b/c', photos: 1 },
      { path: '/empty', photos: 0 },
    ]);
  });

  it('past the cap keeps the library folders and the shallowest subfolders', () => {
    const deep = photoFolderCounts([LIB], PHOTOS, 4, '/').map((f) => f.path);
    expect(deep).toEqual([LIB, `${LIB}/animals`, `${LIB}/cams`, `${LIB}/cams b`]);
  });

  it('reads the photos once per photos version', async () => {
    let reads = 0;
    let version = 'v1';
    const store = {
      photosVersion: async () => version,
      listFolders: async () => [{ path: LIB, addedAt: 0 }],
      listPhotoDates: async () => {
        reads++;
        return PHOTOS.map((path) => ({ path, hash: path, takenAt: null, mtimeMs: 0, indexedAt: 0, gpsLat: null, gpsLon: null }));
      },
    };
    // path.sep is '/' where these tests run (the store's paths are the platform's).
    expect((await photoFolders(store)).length).toBe(7);
    await photoFolders(store);
    expect(reads).toBe(1);
    version = 'v2';
    await photoFolders(store);
    expect(reads).toBe(2);
  });
});
