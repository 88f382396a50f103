// The album editor's live count must be what the album will hold once saved: the count the
// reviewer saw as "0 photos match now" for an album that then held 27.
import { describe, expect, it, vi } from 'vitest';
import type { AlbumInfo, AlbumInput, PhotoHit } from '../../../src/shared/api';
import { countAlbumMatches, isPreviewAlbum } from '../../../src/renderer/components/albums/album-preview';

const hit = (i: number, score: number): PhotoHit => ({ id: `id${i}`, path: `/p/${i}.jpg`, folder: '/p', width: 1, height: 1, takenAt: null, score });

/** A library of `scores`, whose search cuts at `cutoff`, and whose albums the fake computes like the engine. */
function fakeEngine(scores: number[], cutoff: number) {
  const photos = scores.map((s, i) => hit(i, s)).sort((a, b) => b.score - a.score);
  const albums = new Map<string, AlbumInput>();
  const client = {
    search: vi.fn(async (_q: string, o: { limit?: number } = {}) => {
      const above = photos.filter((p) => p.score >= cutoff);
      const limit = o.limit ?? 100;
      return { offset: 0, photos: above.slice(0, limit), hasMore: above.length > limit };
    }),
    saveAlbum: vi.fn(async (input: AlbumInput) => {
      albums.set(input.name, input);
      const members = photos.filter((p) => p.score >= (input.threshold ?? cutoff)).length;
      return { name: input.name, members } as AlbumInfo;
    }),
    albumPhotos: vi.fn(async (name: string, o: { limit?: number } = {}) => {
      const t = albums.get(name)!.threshold ?? cutoff;
      const members = photos.filter((p) => p.score >= t);
      return { total: members.length, offset: 0, photos: members.slice(0, o.limit ?? 100).map((p) => ({ ...p, pinned: false })) };
    }),
    removeAlbum: vi.fn(async (name: string) => {
      albums.delete(name);
    }),
  };
  return { client, albums };
}

describe('album preview count', () => {
  it('a fixed threshold below the search cut-off counts the photos the album will hold (27, not 0)', async () => {
    // 27 photos at 0.92..0.95, the cut-off above them all: search() returns nothing.
    const scores = [...Array.from({ length: 27 }, (_, i) => 0.92 + i * 0.001), ...Array.from({ length: 300 }, () => 0.5)];
    const { client, albums } = fakeEngine(scores, 0.97);
    const count = await countAlbumMatches(client, { query: 'red', filters: {}, threshold: 0.9 }, 8);
    expect(count.count).toBe(27);
    expect(count.more).toBe(false);
    expect(count.best).toHaveLength(8);
    expect(count.best[0]!.score).toBeCloseTo(0.946);
    // The scratch album is gone again, and is never one the sidebar would list.
    expect(albums.size).toBe(0);
    expect(isPreviewAlbum(client.saveAlbum.mock.calls[0]![0].name)).toBe(true);
  });

  it('a fixed threshold at or above the cut-off is answered by the search alone, exactly, writing nothing', async () => {
    const scores = [0.3, 0.31, 0.35, 0.4, 0.2, 0.1];
    const { client } = fakeEngine(scores, 0.3);
    const count = await countAlbumMatches(client, { query: 'red', filters: {}, threshold: 0.32 }, 8);
    expect(count).toMatchObject({ count: 2, more: false });
    expect(client.saveAlbum).not.toHaveBeenCalled();
  });

  it('automatic: the search with its cut-off is the album', async () => {
    const { client } = fakeEngine([0.3, 0.31, 0.35, 0.4, 0.2, 0.1], 0.3);
    expect(await countAlbumMatches(client, { query: 'red', filters: {}, threshold: null }, 8)).toMatchObject({ count: 4, more: false });
    expect(client.saveAlbum).not.toHaveBeenCalled();
  });

  it('removes the scratch album even when reading it fails', async () => {
    const { client, albums } = fakeEngine([0.5, 0.6], 0.9);
    client.albumPhotos.mockRejectedValueOnce(new Error('connection lost'));
    await expect(countAlbumMatches(client, { query: 'red', filters: {}, threshold: 0.1 }, 8)).rejects.toThrow('connection lost');
    expect(albums.size).toBe(0);
  });
});
