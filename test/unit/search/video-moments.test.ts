// The ranking policy for videos on an in-memory store (vectors the test chooses): a video is
// one result scored by its best frame, with that frame's time; filters and the cut-off apply
// to it as to a photo; pages never repeat or skip a video.
import { describe, expect, it } from 'vitest';
import { withVideoMoments } from '../../../src/core/search/video-moments';
import { fakeStore, photoRecord, unit } from '../../helpers/fakes/fake-store';

// Directions: 0 "sea", 1 "forest", 2 "city", 3 "desert".
const dir = (i: number, lean = 0.1) => unit([0, 1, 2, 3].map((k) => (k === i ? 1 : lean)));

async function library() {
  const store = fakeStore();
  await store.upsertPhotos([
    photoRecord('/p/sea.jpg', dir(0)),
    photoRecord('/p/forest.jpg', dir(1)),
    // A video whose poster is city but which reaches the sea at 12 s.
    photoRecord('/v/trip.mp4', dir(2), { durationMs: 20_000 }),
    // A copy of it elsewhere (same content hash), and a desert video in another folder.
    photoRecord('/w/trip copy.mp4', dir(2), { durationMs: 20_000, hash: 'hash-of-/v/trip.mp4' }),
    photoRecord('/w/desert.mp4', dir(3), { durationMs: 6_000 }),
  ]);
  await store.putVideoFrames('hash-of-/v/trip.mp4', [
    { timeMs: 0, vector: dir(2) },
    { timeMs: 6_000, vector: dir(1, 0.3) },
    { timeMs: 12_000, vector: dir(0, 0.05) },
  ]);
  await store.putVideoFrames('hash-of-/w/desert.mp4', [{ timeMs: 0, vector: dir(3) }, { timeMs: 2_000, vector: dir(3, 0.2) }]);
  return withVideoMoments(store);
}

describe('videos in a ranking', () => {
  it('a video ranks by its best frame and carries its time; each copy once', async () => {
    const store = await library();
    const hits = await store.searchVectors({ vector: dir(0), limit: 10 });
    const trip = hits.filter((h) => h.path === '/v/trip.mp4');
    expect(trip).toEqual([{ path: '/v/trip.mp4', score: expect.closeTo(hits.find((h) => h.path === '/p/sea.jpg')!.score, 1), time: 12 }]);
    expect(hits.filter((h) => h.path === '/w/trip copy.mp4')).toHaveLength(1);
    expect(hits.find((h) => h.path === '/p/sea.jpg')!.time).toBeUndefined();
    // Its sea frame beats the forest photo, though its poster (city) would not.
    expect(hits.findIndex((h) => h.path === '/v/trip.mp4')).toBeLessThan(hits.findIndex((h) => h.path === '/p/forest.jpg'));
  });

  it('a video ranked by its poster still gets its best moment', async () => {
    const store = await library();
    const [first] = await store.searchVectors({ vector: dir(3), limit: 1 });
    expect(first).toMatchObject({ path: '/w/desert.mp4', time: 0 });
  });

  it('the folder filter and the cut-off apply to videos', async () => {
    const store = await library();
    const inP = await store.searchVectors({ vector: dir(0), limit: 10, folder: '/p' });
    expect(inP.map((h) => h.path).sort()).toEqual(['/p/forest.jpg', '/p/sea.jpg']);
    const inV = await store.searchVectors({ vector: dir(0), limit: 10, folder: '/v' });
    expect(inV).toEqual([{ path: '/v/trip.mp4', score: expect.any(Number), time: 12 }]);
    const strict = await store.searchVectors({ vector: dir(0), limit: 10, minScore: 0.95 });
    expect(strict.map((h) => h.path).sort()).toEqual(['/p/sea.jpg', '/v/trip.mp4', '/w/trip copy.mp4']);
  });

  it('pages neither repeat nor skip a video', async () => {
    const store = await library();
    const all = await store.searchVectors({ vector: dir(0), limit: 5 });
    const pages = [...(await store.searchVectors({ vector: dir(0), limit: 2 })), ...(await store.searchVectors({ vector: dir(0), limit: 2, offset: 2 })), ...(await store.searchVectors({ vector: dir(0), limit: 2, offset: 4 }))];
    expect(pages.map((h) => h.path)).toEqual(all.map((h) => h.path));
  });
});

describe('photos that score alike', () => {
  it('come by path, whatever order the store returned them in (copies of one photo on every device agree)', async () => {
    const store = fakeStore();
    const same = dir(0);
    await store.upsertPhotos([photoRecord('/p/z.jpg', same), photoRecord('/p/a copy.jpg', same), photoRecord('/p/m.jpg', same), photoRecord('/p/forest.jpg', dir(1))]);
    const reversed = { ...store, searchVectors: async (q: Parameters<typeof store.searchVectors>[0]) => (await store.searchVectors(q)).reverse() };
    const hits = await withVideoMoments(reversed).searchVectors({ vector: dir(0), limit: 10 });
    expect(hits.map((h) => h.path)).toEqual(['/p/a copy.jpg', '/p/m.jpg', '/p/z.jpg', '/p/forest.jpg']);
  });
});
