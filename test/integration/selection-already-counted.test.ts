// The selection bar's Pin to album and Tag… over photos already so (a day-two walk: yellow was
// pinned to "Trip" already, two photos had "blue" accepted already): the core says how many of
// `done` were so already (`unchanged`), as the CLI says it of one photo ("was pinned to the album
// … already; nothing changed", "colours/blue was accepted already"), so the app's line is not
// "Pinned 3 photos" of an album that grew by 2. Identical copies pinned in one go are new, not
// "already" (they are one entry). Real LanceDB, tiny model.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { Photo } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeDistinctPhotos } from '../helpers/images';

describe('pins and tags said apart when the photos were so already', () => {
  let host: LibraryHost;
  let photos: Photo[];
  const ids = (from: number, to: number) => photos.slice(from, to).map((p) => p.id);

  beforeAll(async () => {
    const dir = tempDir('shoebox-already-');
    await writeDistinctPhotos(dir, 6, { width: 160, height: 120 }, '#336699');
    fs.mkdirSync(path.join(dir, 'backup'));
    fs.copyFileSync(path.join(dir, 'p000.jpg'), path.join(dir, 'backup', 'p000.jpg'));
    host = await createLibraryApi({ home: tempDir('shoebox-already-home-'), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    await host.indexNow([dir]);
    // backup/p000.jpg, p000.jpg (the same content), p001.jpg … p005.jpg
    photos = (await host.timeline({ limit: 100 })).photos.sort((a, b) => a.path.localeCompare(b.path));
    expect(photos).toHaveLength(7);
    await host.saveLabelSet({ name: 'colours', labels: ['red', 'blue'] });
  }, 120_000);

  afterAll(async () => {
    await host?.close();
  });

  it('Pin to album: the photos pinned already are counted apart, a copy of a pinned photo too', async () => {
    await host.saveAlbum({ name: 'Trip', query: 'blue' });
    // Both copies at once, and one more: all new (the copies are one entry).
    const first = await host.setAlbumMemberships('Trip', ids(0, 3), 'pinned');
    expect(first).toMatchObject({ done: 3, missing: 0, album: { pinned: 2 } });
    expect(first.unchanged ?? 0).toBe(0);
    // p000.jpg and p001.jpg pinned already, p002.jpg and p003.jpg new.
    const again = await host.setAlbumMemberships('Trip', ids(1, 5), 'pinned');
    expect(again).toMatchObject({ done: 4, missing: 0, unchanged: 2, album: { pinned: 4 } });
    // Excluding p003.jpg (pinned: its exclusion is a change) and p004.jpg (excluded already).
    await host.setAlbumMemberships('Trip', ids(5, 6), 'excluded');
    expect(await host.setAlbumMemberships('Trip', ids(4, 6), 'excluded')).toMatchObject({ done: 2, unchanged: 1 });
    // Freeing p003.jpg and p004.jpg (excluded) and p005.jpg (neither pinned nor excluded).
    expect(await host.setAlbumMemberships('Trip', ids(4, 7), 'auto')).toMatchObject({ done: 3, unchanged: 1 });
  });

  it('Tag…: the photos whose tag was accepted already are counted apart', async () => {
    const first = await host.setTagStates(ids(2, 4), 'colours', 'blue', 'accepted');
    expect(first).toMatchObject({ done: 2, missing: 0 });
    expect(first.unchanged ?? 0).toBe(0);
    expect(await host.setTagStates(ids(2, 5), 'colours', 'blue', 'accepted')).toMatchObject({ done: 3, unchanged: 2 });
    // Rejected is another state: none of them was rejected already.
    const rejected = await host.setTagStates(ids(2, 5), 'colours', 'blue', 'rejected');
    expect(rejected.unchanged ?? 0).toBe(0);
  });
});
