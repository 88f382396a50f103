// The archive through LibraryApi, as the app uses it: archived by content in one write, out of
// the library's own timeline (All photos, Recently added) and into the Archive's, still shown
// by the views narrowed on purpose (a folder, the favourites), search, similar and smart albums
// with its badge, kept through a reopen, brought back, and the files never touched. Real
// LanceDB, tiny model. (On this day: test/cli/archive-cli.test.ts; a place: places.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { LibraryEvent, Photo, TimelineOptions } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeDistinctPhotos } from '../helpers/images';

const PHOTOS = 10;
/** An id that names no photo of the library (a photo deleted since it was selected). */
const GONE = Buffer.from('/nowhere/gone.jpg').toString('base64url');

describe('the archive', () => {
  let home: string;
  let dir: string;
  let host: LibraryHost;
  let photos: Photo[];
  const events: LibraryEvent[] = [];

  const open = () => createLibraryApi({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
  const byName = (name: string) => photos.find((p) => path.relative(dir, p.path) === name)!;
  const names = (list: readonly Photo[]) => list.map((p) => path.relative(dir, p.path)).sort();
  const timeline = async (options: TimelineOptions = {}) => names((await host.timeline({ limit: 100, ...options })).photos);

  beforeAll(async () => {
    dir = tempDir('shoebox-archive-');
    await writeDistinctPhotos(dir, PHOTOS, { width: 320, height: 240 }, '#336699');
    fs.mkdirSync(path.join(dir, 'backup'));
    fs.copyFileSync(path.join(dir, 'p000.jpg'), path.join(dir, 'backup', 'p000.jpg'));
    home = tempDir('shoebox-archive-home-');
    host = await open();
    host.subscribe((e) => events.push(e));
    await host.indexNow([dir]);
    photos = (await host.timeline({ limit: 100 })).photos;
    expect(photos).toHaveLength(PHOTOS + 1);
    expect(await timeline({ archived: true })).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await host?.close();
  });

  it("archives a selection in one write: every copy leaves the library's timeline and fills the Archive, the files untouched", async () => {
    const before = fs.readFileSync(path.join(dir, 'p001.jpg'));
    await host.setFavourites([byName('p001.jpg').id, byName('p002.jpg').id], true);
    events.length = 0;
    const result = await host.setArchived([byName('p000.jpg').id, byName('p001.jpg').id, GONE], true);
    // The backup copy of p000.jpg went too (the archive keeps content): counted apart, for the app to say.
    expect(result).toMatchObject({ done: 2, missing: 1, unchanged: 0, copies: 1 });
    expect(events.some((e) => e.type === 'photos-changed')).toBe(true); // the app's views redraw

    // The backup copy of p000.jpg has the same content: archived with it.
    const archived = ['backup/p000.jpg', 'p000.jpg', 'p001.jpg'];
    expect(await timeline({ archived: true })).toEqual(archived);
    expect((await host.timelineSummary({ archived: true })).total).toBe(3);
    const all = await timeline();
    expect(all).toHaveLength(PHOTOS + 1 - 3);
    expect(all.filter((p) => archived.includes(p))).toEqual([]);
    expect((await host.timelineSummary()).total).toBe(PHOTOS + 1 - 3);
    // Recently added leaves them out too; a folder and the favourites, asked for on purpose, keep them.
    expect(await timeline({ order: 'added' })).toEqual(all);
    expect(await timeline({ folder: path.join(dir, 'backup') })).toEqual(['backup/p000.jpg']);
    expect(names((await host.timeline({ folder: path.join(dir, 'backup') })).photos.filter((p) => p.archived))).toEqual(['backup/p000.jpg']);
    expect(await timeline({ favourite: true })).toEqual(['p001.jpg', 'p002.jpg']);
    // The Archive with another filter: the archived favourites.
    expect(await timeline({ archived: true, favourite: true })).toEqual(['p001.jpg']);

    expect((await host.getPhoto(byName('p001.jpg').id))?.archived).toBe(true);
    expect((await host.getPhoto(byName('p002.jpg').id))?.archived).toBeUndefined();
    expect(fs.readFileSync(path.join(dir, 'p001.jpg')).equals(before)).toBe(true);
  });

  it('is still found by search, similar and smart albums, marked as archived', async () => {
    const search = await host.search('blue', { all: true, limit: 100 });
    expect(names(search.photos)).toHaveLength(PHOTOS + 1);
    expect(names(search.photos.filter((p) => p.archived))).toEqual(['backup/p000.jpg', 'p000.jpg', 'p001.jpg']);
    const similar = await host.similar(byName('p005.jpg').id, { limit: 100 });
    expect(similar.photos.find((p) => path.relative(dir, p.path) === 'p001.jpg')?.archived).toBe(true);
    await host.saveAlbum({ name: 'everything', query: 'blue', threshold: -1 });
    const album = await host.albumPhotos('everything', { limit: 100 });
    expect(names(album.photos.filter((p) => p.archived))).toEqual(['backup/p000.jpg', 'p000.jpg', 'p001.jpg']);
  });

  it('keeps the archive through a reopen, and brings photos back', async () => {
    await host.close();
    host = await open(); // another process, or another device of a shared library, later
    expect(await timeline({ archived: true })).toEqual(['backup/p000.jpg', 'p000.jpg', 'p001.jpg']);
    // Bringing back a copy brings back the content: p000.jpg comes back too.
    const result = await host.setArchived([byName('backup/p000.jpg').id], false);
    expect(result).toMatchObject({ done: 1, missing: 0, unchanged: 0 });
    expect(await timeline({ archived: true })).toEqual(['p001.jpg']);
    expect(await timeline()).toContain('p000.jpg');
    expect(await timeline()).toContain('backup/p000.jpg');
    // Archiving again is no change the user sees.
    await host.setArchived([byName('p001.jpg').id], true);
    expect(await timeline({ archived: true })).toEqual(['p001.jpg']);
  });

  it('lists the archive by path for the CLI and refuses nothing it does not hold', async () => {
    expect((await host.archivedPhotos()).map((p) => path.relative(dir, p.path))).toEqual(['p001.jpg']);
    const marked = await host.markArchived([path.join(dir, 'p003.jpg'), path.join(dir, 'nope.jpg')], true);
    expect(marked).toMatchObject({ marked: [path.join(dir, 'p003.jpg')], missing: [path.join(dir, 'nope.jpg')], unchanged: 0 });
    expect((await host.archivedPhotos()).map((p) => path.relative(dir, p.path))).toEqual(['p001.jpg', 'p003.jpg']);
    expect((await host.archivedPhotos()).every((p) => p.archived)).toBe(true);
  });
});
