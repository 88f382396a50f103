// The folder filter's choices count photos and videos apart, as the sidebar's folder rows do:
// a folder of 4 clips is "videos (4 videos)", never "4 photos". The core's photoFolders says how
// many of each folder's items are videos; the choice's label words them with itemsText.
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { photoFolderCounts, photoFolders } from '../../../src/core/api/photo-folders';
import { FolderFilterSelect } from '../../../src/renderer/components/FolderFilter';
import { folderChoices } from '../../../src/renderer/lib/folder-choices';

const LIB = '/home/me/lib1';
const ITEMS = [
  { path: `${LIB}/top.jpg`, video: false },
  { path: `${LIB}/videos/a.mp4`, video: true },
  { path: `${LIB}/videos/b.mp4`, video: true },
  { path: `${LIB}/trip/day.jpg`, video: false },
  { path: `${LIB}/trip/clip.mp4`, video: true },
];

describe('photoFolders with videos', () => {
  it('says how many of each folder\'s items are videos (none: absent)', () => {
    expect(photoFolderCounts([LIB], ITEMS, 500, '/')).toEqual([
      { path: LIB, photos: 5, videos: 3 },
      { path: `${LIB}/trip`, photos: 2, videos: 1 },
      { path: `${LIB}/videos`, photos: 2, videos: 2 },
    ]);
  });

  it('reads the videos from the store (a row with a length is a video)', async () => {
    const store = {
      photosVersion: async () => 'v1',
      listFolders: async () => [{ path: LIB, addedAt: 0 }],
      listPhotoDates: async () => ITEMS.map(({ path, video }) => ({ path, hash: path, takenAt: null, mtimeMs: 0, indexedAt: 0, gpsLat: null, gpsLon: null, ...(video ? { durationMs: 4000 } : {}) })),
    };
    expect((await photoFolders(store)).find((f) => f.path === `${LIB}/videos`)).toEqual({ path: `${LIB}/videos`, photos: 2, videos: 2 });
  });

  it('offers a folder of videos as videos, and a mixed one with both counts', () => {
    const folders = photoFolderCounts([LIB], ITEMS, 500, '/');
    expect(folderChoices(folders, '').map((c) => c.label.trim())).toEqual(['lib1 (2 photos, 3 videos)', 'trip (1 photo, 1 video)', 'videos (2 videos)']);
    const html = renderToStaticMarkup(createElement(FolderFilterSelect, { folders, value: '', onChange: () => {} }));
    expect(html).toContain('videos (2 videos)</option>');
    expect(html).not.toContain('videos (2 photos)');
  });
});
