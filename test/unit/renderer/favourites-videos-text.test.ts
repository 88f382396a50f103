// The selection bar's line after Favourite says videos as videos, those that were favourites
// already too: "Added 1 photo, 1 video to favourites. 1 photo, 1 video already were.", never
// "2 photos already were." for a photo and a clip. The core's setFavourites counts them
// (content-marks.ts: changedVideos / unchangedVideos); a store kept in memory here.
import { describe, expect, it } from 'vitest';
import type { ApiContext } from '../../../src/core/api/api-context';
import { favouritesApi } from '../../../src/core/api/favourites-api';
import { photoId } from '../../../src/core/api/photo-id';
import type { PhotoSummary } from '../../../src/core/store/types';
import { favouritesResultText } from '../../../src/renderer/lib/favourites';

/** Two photos and two clips (a row with a length is a video), their hearts in memory. */
function memoryLibrary() {
  const rows = new Map<string, PhotoSummary>(
    ['/p/a.jpg', '/p/b.jpg', '/p/c.mp4', '/p/d.mp4'].map((p) => [p, { path: p, hash: p, ...(p.endsWith('.mp4') ? { durationMs: 3000 } : {}) } as unknown as PhotoSummary]),
  );
  const hearts = new Set<string>();
  const store = {
    photosByPath: async (paths: readonly string[]) => new Map(paths.flatMap((p) => (rows.has(p) ? [[p, rows.get(p)!] as const] : []))),
    favouriteHashes: async () => new Set(hearts),
    setFavourites: async (hashes: string[], on: boolean) => hashes.forEach((h) => (on ? hearts.add(h) : hearts.delete(h))),
    libraryPathsByHash: async (hashes: string[]) => new Map(hashes.map((h) => [h, [h]])),
  };
  const ctx = {
    need: async () => ({ writable: async () => store }),
    writes: { favourites: (run: () => Promise<unknown>) => run() },
    emit: () => {},
  } as unknown as ApiContext;
  return favouritesApi(ctx);
}

const ids = (...names: string[]) => names.map((n) => photoId(`/p/${n}`));

describe('favourites of photos and videos, in words', () => {
  it('says the videos added and those already favourites apart from the photos', async () => {
    const api = memoryLibrary();
    await api.setFavourites(ids('a.jpg', 'c.mp4'), true);
    const result = await api.setFavourites(ids('a.jpg', 'b.jpg', 'c.mp4', 'd.mp4'), true);
    expect(result).toMatchObject({ done: 4, unchanged: 2, changedVideos: 1, unchangedVideos: 1 });
    expect(favouritesResultText(result, true)).toBe('Added 1 photo, 1 video to favourites. 1 photo, 1 video already were.');
  });

  it('says a video that was not a favourite as a video', () => {
    expect(favouritesResultText({ done: 2, missing: 0, unchanged: 1, changedVideos: 0, unchangedVideos: 1 }, false)).toBe('Removed 1 photo from favourites. 1 video was not a favourite.');
    expect(favouritesResultText({ done: 3, missing: 0, unchanged: 2 }, false)).toBe('Removed 1 photo from favourites. 2 photos were not favourites.');
  });
});
