// Favourites through LibraryApi, as the app uses them: marked by content in one write, shown
// on every listing of every copy, kept through a rename and a reopen, and filtering the
// timeline, search and smart albums. Real LanceDB, tiny model.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { LibraryEvent, Photo } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeDistinctPhotos } from '../helpers/images';
import { tableVersion } from '../helpers/table-version';

const PHOTOS = 12;
/** An id that names no photo of the library (a photo deleted since it was selected). */
const GONE = Buffer.from('/nowhere/gone.jpg').toString('base64url');

describe('favourites', () => {
  let home: string;
  let dir: string;
  let host: LibraryHost;
  let photos: Photo[];
  const events: LibraryEvent[] = [];

  const open = () => createLibraryApi({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
  const byName = (name: string) => photos.find((p) => path.relative(dir, p.path) === name)!;
  const favouritePaths = async () => (await host.timeline({ favourite: true, limit: 100 })).photos.map((p) => path.relative(dir, p.path)).sort();

  const version = () => tableVersion(path.join(home, 'library'), 'favourites');

  beforeAll(async () => {
    dir = tempDir('shoebox-favourites-');
    await writeDistinctPhotos(dir, PHOTOS, { width: 320, height: 240 }, '#336699');
    fs.mkdirSync(path.join(dir, 'backup'));
    fs.copyFileSync(path.join(dir, 'p000.jpg'), path.join(dir, 'backup', 'p000.jpg'));
    home = tempDir('shoebox-favourites-home-');
    host = await open();
    host.subscribe((e) => events.push(e));
    await host.indexNow([dir]);
    photos = (await host.timeline({ limit: 100 })).photos;
    expect(photos).toHaveLength(PHOTOS + 1);
    expect(photos.filter((p) => p.favourite)).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await host?.close();
  });

  it('keeps the first favourite while pages are read as its table is made', async () => {
    // The app reads pages (the grid, the sidebar's count) while the first favourite creates
    // the table; a read meeting the half-made table once took it for a crash's leftover and
    // dropped it, losing the favourite.
    let written = false;
    const write = host.setFavourites([byName('p011.jpg').id], true).finally(() => (written = true));
    const reader = async () => {
      while (!written) await Promise.all([host.timelineSummary({ favourite: true }), host.listPhotos({ limit: 5 })]);
    };
    const [result] = await Promise.all([write, reader(), reader()]);
    expect(result).toMatchObject({ done: 1, missing: 0, unchanged: 0 });
    expect(await favouritePaths()).toEqual(['p011.jpg']);
    await host.setFavourites([byName('p011.jpg').id], false);
  });

  it('marks a selection in one write; every copy of a marked photo is a favourite, in every listing', async () => {
    const before = await version();
    events.length = 0;
    const result = await host.setFavourites([byName('p000.jpg').id, byName('p003.jpg').id, byName('p007.jpg').id, GONE], true);
    expect(result).toMatchObject({ done: 3, missing: 1, unchanged: 0 });
    expect(await version()).toBeLessThanOrEqual(before + 2); // the table made (once), then one merge
    expect(events.some((e) => e.type === 'photos-changed')).toBe(true); // the app's views redraw their hearts
    // Marked again: photos that were favourites already are told apart (the app says "2 photos already were").
    expect(await host.setFavourites([byName('p000.jpg').id, byName('p003.jpg').id, byName('p005.jpg').id], true)).toEqual({ done: 3, missing: 0, unchanged: 2, changed: [byName('p005.jpg').id], copies: 0 });
    await host.setFavourites([byName('p005.jpg').id], false); // what an Undo of it puts back

    // The backup copy of p000.jpg has the same content: one favourite, shown on both.
    expect(await favouritePaths()).toEqual(['backup/p000.jpg', 'p000.jpg', 'p003.jpg', 'p007.jpg']);
    const listed = (await host.listPhotos({ limit: 100 })).photos.filter((p) => p.favourite).map((p) => path.relative(dir, p.path));
    expect(listed.sort()).toEqual(['backup/p000.jpg', 'p000.jpg', 'p003.jpg', 'p007.jpg']);
    expect((await host.getPhoto(byName('p003.jpg').id))?.favourite).toBe(true);
    expect((await host.getPhoto(byName('p004.jpg').id))?.favourite).toBeUndefined();
    expect((await host.timelineSummary({ favourite: true })).total).toBe(4);

    // Marking again changes nothing the user sees, and a batch is one commit.
    const marked = await version();
    await host.setFavourites([byName('p003.jpg').id, byName('p000.jpg').id], true);
    expect(await version()).toBe(marked + 1);
    expect(await favouritePaths()).toEqual(['backup/p000.jpg', 'p000.jpg', 'p003.jpg', 'p007.jpg']);
  });

  it('narrows a search and "more like this" to the favourites', async () => {
    const all = await host.search('blue', { all: true, limit: 100 });
    expect(all.photos.length).toBe(PHOTOS + 1);
    const favourites = await host.search('blue', { all: true, limit: 100, filters: { favourite: true } });
    expect(favourites.photos.map((p) => path.relative(dir, p.path)).sort()).toEqual(['backup/p000.jpg', 'p000.jpg', 'p003.jpg', 'p007.jpg']);
    expect(favourites.photos.every((p) => p.favourite)).toBe(true);
    const similar = await host.similar(byName('p005.jpg').id, { limit: 100, filters: { favourite: true } });
    expect(similar.photos.map((p) => path.relative(dir, p.path)).sort()).toEqual(['backup/p000.jpg', 'p000.jpg', 'p003.jpg', 'p007.jpg']);
  });

  it('keeps a favourite through a rename and a reopen, and unmarks it', async () => {
    fs.renameSync(path.join(dir, 'p007.jpg'), path.join(dir, 'renamed.jpg'));
    await host.indexNow([dir]);
    await host.close();
    host = await open(); // another process, or another device of a shared library, later
    photos = (await host.timeline({ limit: 100 })).photos;
    expect(await favouritePaths()).toEqual(['backup/p000.jpg', 'p000.jpg', 'p003.jpg', 'renamed.jpg']);

    const result = await host.setFavourites([byName('renamed.jpg').id, byName('backup/p000.jpg').id], false);
    expect(result).toMatchObject({ done: 2, missing: 0, unchanged: 0 });
    // Unmarking a copy unmarks the content: p000.jpg goes too.
    expect(await favouritePaths()).toEqual(['p003.jpg']);
    expect((await host.timeline({ limit: 100 })).photos.filter((p) => p.favourite).map((p) => path.relative(dir, p.path))).toEqual(['p003.jpg']);
  });

  it('keeps a smart album of favourites that follows marking and unmarking', async () => {
    // Every photo matches the query at this threshold: the filter alone decides.
    await host.saveAlbum({ name: 'best', query: 'blue', threshold: -1, filters: { favourite: true } });
    const members = async () => (await host.albumPhotos('best', { limit: 100 })).photos.map((p) => path.relative(dir, p.path)).sort();
    expect(await members()).toEqual(['p003.jpg']);
    await host.setFavourites([byName('p005.jpg').id], true);
    expect(await members()).toEqual(['p003.jpg', 'p005.jpg']);
    await host.setFavourites([byName('p003.jpg').id], false);
    expect(await members()).toEqual(['p005.jpg']);
    expect((await host.listAlbums()).find((a) => a.name === 'best')).toMatchObject({ members: 1, filters: { favourite: true } });
  });
});
