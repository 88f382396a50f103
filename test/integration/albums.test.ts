// Smart albums end to end in-process on the tiny colour model: the album "red" is a saved
// query whose members follow the library as photos are indexed and removed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlbumService } from '../../src/core/albums/album-service';
import { TaggingService } from '../../src/core/tags/tagging-service';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { testLibrary } from '../helpers/test-library';

const library = testLibrary;

async function colourFolder(): Promise<string> {
  const dir = tempDir('shoebox-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
  return dir;
}

const names = (members: { path: string }[]) => members.map((m) => path.basename(m.path)).sort();

describe('smart albums', () => {
  it('membership follows indexing and removal', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const albums = new AlbumService(lib);
    await albums.create('reds', 'red', { threshold: 0.8 });
    expect(names(await albums.members('reds'))).toEqual(['red.jpg']);

    await writeColourPhoto(photos, 'crimson.jpg', [200, 25, 40]);
    await lib.index();
    expect(names(await albums.members('reds'))).toEqual(['crimson.jpg', 'red.jpg']);

    fs.rmSync(path.join(photos, 'red.jpg'));
    await lib.index();
    expect(names(await albums.members('reds'))).toEqual(['crimson.jpg']);
    const [summary] = await albums.list();
    expect(summary).toMatchObject({ name: 'reds', query: 'red', threshold: 0.8, members: 1 });
  });

  it('reads members once per state of the library: repeated reads search nothing, a tag change reads again', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const tags = new TaggingService(lib);
    await tags.importLabelSet(JSON.stringify({ name: 'colours', labels: ['red', 'green', 'blue'] }), 'test');
    await tags.tagFolder('colours', undefined, { remember: false });
    const albums = new AlbumService(lib);
    await albums.create('warm', 'red', { threshold: -1, filters: { tag: 'red' } });
    const store = await lib.readable();
    let searches = 0;
    const search = store.searchVectors.bind(store);
    store.searchVectors = (query) => {
      searches++;
      return search(query);
    };
    const first = names(await albums.members('warm'));
    expect(first).toContain('red.jpg');
    const afterFirst = searches;
    expect(afterFirst).toBeGreaterThan(0);
    expect(names(await albums.members('warm'))).toEqual(first);
    await albums.list();
    expect(searches).toBe(afterFirst);
    // Rejecting the tag changes the tags table: the album is computed again, without the photo.
    await tags.setTagState(path.join(photos, 'red.jpg'), 'red', 'rejected', 'colours');
    expect(names(await albums.members('warm'))).not.toContain('red.jpg');
    expect(searches).toBeGreaterThan(afterFirst);
  });

  it('keeps working when its query image is gone (the embedding is kept); relative paths resolve at creation (issue 17)', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const outside = tempDir('shoebox-query-');
    await writeColourPhoto(outside, 'query-red.jpg', COLOURS.red!);
    const albums = new AlbumService(lib);
    const cwd = process.cwd();
    process.chdir(outside);
    try {
      await albums.create('like red', 'query-red.jpg', { threshold: 0.8 });
    } finally {
      process.chdir(cwd);
    }
    // Read from another working directory, then with the image deleted: the same members.
    expect(names(await albums.members('like red'))).toEqual(['red.jpg']);
    fs.rmSync(path.join(outside, 'query-red.jpg'));
    expect(names(await albums.members('like red'))).toEqual(['red.jpg']);
    expect((await albums.list()).map((a) => [a.name, a.members, a.error])).toEqual([['like red', 1, undefined]]);
  });

  it('an album that cannot be computed is marked broken alone: the others list, it can still be read and removed (issue 17)', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const albums = new AlbumService(lib);
    await albums.create('reds', 'red', { threshold: 0.8 });
    // An album saved before query embeddings were kept, whose image is gone.
    const gone = path.join(tempDir(), 'gone.jpg');
    const store = await lib.writable();
    await store.putAlbum({ name: 'old', json: JSON.stringify({ name: 'old', query: gone, threshold: 0.5, filters: {}, pinned: [], excluded: [], createdAt: 1 }), updatedAt: 1 });
    const listed = await albums.list();
    expect(listed.map((a) => [a.name, a.members, a.error])).toEqual([
      ['old', 0, `image not found: ${gone}`],
      ['reds', 1, undefined],
    ]);
    expect((await albums.summary('old')).error).toBe(`image not found: ${gone}`);
    await albums.remove('old');
    expect((await albums.list()).map((a) => a.name)).toEqual(['reds']);
  });

  it('pins and excludes photos by hand, and refuses duplicates and unknown photos', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const albums = new AlbumService(lib);
    await albums.create('reds', 'red', { threshold: 0.8 });
    await albums.pin('reds', path.join(photos, 'blue.jpg'));
    await albums.exclude('reds', path.join(photos, 'red.jpg'));
    const members = await albums.members('reds');
    expect(members.map((m) => [path.basename(m.path), m.pinned])).toEqual([['blue.jpg', true]]);
    expect(members[0]!.score).toBeLessThan(0.8);
    await albums.pin('reds', path.join(photos, 'red.jpg')); // pinning undoes the exclusion
    expect(names(await albums.members('reds'))).toEqual(['blue.jpg', 'red.jpg']);
    await expect(albums.pin('reds', path.join(photos, 'nope.jpg'))).rejects.toThrow(/not in the library/);
    await expect(albums.create('reds', 'blue')).rejects.toThrow(/already exists/);
    await expect(albums.members('nope')).rejects.toThrow(/no album named "nope"/);
    // A pinned photo that leaves the library leaves the album.
    fs.rmSync(path.join(photos, 'blue.jpg'));
    await lib.index();
    expect(names(await albums.members('reds'))).toEqual(['red.jpg']);
  });

  it('replacing or renaming an album keeps its pinned and excluded photos; no threshold means automatic', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const albums = new AlbumService(lib);
    const created = await albums.create('reds', 'red');
    expect(created.threshold).toBeNull();
    await albums.pin('reds', path.join(photos, 'blue.jpg'));
    await albums.exclude('reds', path.join(photos, 'red.jpg'));
    const replaced = await albums.create('reds', 'red', { threshold: 0.8, replace: true });
    expect(replaced).toMatchObject({ threshold: 0.8, pinned: [path.join(photos, 'blue.jpg')], excluded: [path.join(photos, 'red.jpg')], createdAt: created.createdAt });
    const renamed = await albums.save({ name: 'warm', query: 'red + yellow' }, 'reds');
    expect(renamed).toMatchObject({ name: 'warm', threshold: null, pinned: [path.join(photos, 'blue.jpg')], excluded: [path.join(photos, 'red.jpg')] });
    expect((await albums.list()).map((a) => a.name)).toEqual(['warm']);
    expect(names(await albums.members('warm'))).toContain('blue.jpg');
    expect(names(await albums.members('warm'))).not.toContain('red.jpg');
  });

  it('filters by tag and by folder', async () => {
    const photos = await colourFolder();
    const other = tempDir('shoebox-other-');
    await writeColourPhoto(other, 'red elsewhere.jpg', [225, 15, 25]);
    const lib = library(tempDir());
    await lib.index([photos, other]);
    const tagging = new TaggingService(lib);
    await tagging.importLabelSet(JSON.stringify({ name: 'warm', labels: ['red', 'yellow', 'blue'] }), 'warm.json');
    await tagging.tagFolder('warm', photos);
    const albums = new AlbumService(lib);
    await albums.create('warm', 'orange', { threshold: 0.5 });
    expect(names(await albums.members('warm'))).toEqual(['red elsewhere.jpg', 'red.jpg', 'yellow.jpg']);
    await albums.create('warm here', 'orange', { threshold: 0.5, filters: { folder: photos } });
    expect(names(await albums.members('warm here'))).toEqual(['red.jpg', 'yellow.jpg']);
    await albums.create('tagged red', 'orange', { threshold: 0.5, filters: { tag: 'red' } });
    expect(names(await albums.members('tagged red'))).toEqual(['red.jpg']);
  });

  it('filters by the date taken: from inclusive, before exclusive, an undated photo by its file time', async () => {
    const photos = tempDir('shoebox-dated-');
    await writeExifColourPhoto(photos, 'red 2019.jpg', [225, 15, 25], { taken: '2019:07:01 12:00:00' });
    await writeExifColourPhoto(photos, 'red 2020.jpg', [220, 20, 20], { taken: '2020:01:01 00:00:00' });
    await writeExifColourPhoto(photos, 'red 2021.jpg', [230, 10, 30], { taken: '2021:03:15 08:30:00' });
    await writeColourPhoto(photos, 'red undated.jpg', [228, 22, 18]);
    // No date taken: dated by its file's time, as the timeline places it (midday: 1 June in every zone).
    const fileTime = new Date('2020-06-01T12:00:00Z');
    fs.utimesSync(path.join(photos, 'red undated.jpg'), fileTime, fileTime);
    const lib = library(tempDir());
    await lib.index([photos]);
    const albums = new AlbumService(lib);
    // Camera-clock dates as search's --after/--before take them: 2020 from its first day, up to 2021's photo's minute.
    const from = '2020-01-01';
    const to = '2021-03-15T08:30';
    await albums.create('reds', 'red', { threshold: 0.8 });
    expect(names(await albums.members('reds'))).toEqual(['red 2019.jpg', 'red 2020.jpg', 'red 2021.jpg', 'red undated.jpg']);
    await albums.create('reds 2020', 'red', { threshold: 0.8, filters: { after: from, before: to } });
    expect(names(await albums.members('reds 2020'))).toEqual(['red 2020.jpg', 'red undated.jpg']);
    await albums.create('reds since 2020', 'red', { threshold: 0.8, filters: { after: from } });
    expect(names(await albums.members('reds since 2020'))).toEqual(['red 2020.jpg', 'red 2021.jpg', 'red undated.jpg']);
    await albums.create('reds before 2020', 'red', { threshold: 0.8, filters: { before: from } });
    expect(names(await albums.members('reds before 2020'))).toEqual(['red 2019.jpg']);
  });

  it('exports as symbolic links or copies, again without duplicates, originals untouched', async () => {
    const photos = await colourFolder();
    await writeColourPhoto(path.join(photos), 'red 2.jpg', [215, 30, 30]);
    fs.mkdirSync(path.join(photos, 'sub'));
    await writeColourPhoto(path.join(photos, 'sub'), 'red.jpg', [228, 22, 18]);
    const lib = library(tempDir());
    await lib.index([photos]);
    const albums = new AlbumService(lib);
    await albums.create('reds', 'red', { threshold: 0.8 });
    const before = fs.readFileSync(path.join(photos, 'red.jpg'));

    const links = path.join(tempDir(), 'links');
    const first = await albums.export('reds', links);
    expect(first).toMatchObject({ mode: 'symlink', exported: 3, skipped: 0, failed: [] });
    const entries = fs.readdirSync(links).sort();
    expect(entries).toEqual(['red (2).jpg', 'red 2.jpg', 'red.jpg']);
    const targets = entries.map((e) => fs.readlinkSync(path.join(links, e))).sort();
    expect(targets).toEqual([path.join(photos, 'red 2.jpg'), path.join(photos, 'red.jpg'), path.join(photos, 'sub', 'red.jpg')].sort());
    expect(await albums.export('reds', links)).toMatchObject({ exported: 0, skipped: 3 });

    const copies = path.join(tempDir(), 'copies');
    expect(await albums.export('reds', copies, { copy: true })).toMatchObject({ mode: 'copy', exported: 3 });
    for (const e of fs.readdirSync(copies)) expect(fs.lstatSync(path.join(copies, e)).isFile()).toBe(true);
    expect(await albums.export('reds', copies, { copy: true })).toMatchObject({ exported: 0, skipped: 3 });
    expect(fs.readFileSync(path.join(photos, 'red.jpg')).equals(before)).toBe(true);
  });
});

describe('pins and exclusions follow the photos', () => {
  it('survive renaming the folder and renaming the photo; a pin whose content left the library leaves', async () => {
    const photos = await colourFolder();
    const sub = path.join(photos, 'dupes');
    fs.mkdirSync(sub);
    await writeColourPhoto(sub, 'small.jpg', [20, 30, 200]);
    await writeColourPhoto(sub, 'crimson.jpg', [200, 25, 40]);
    const lib = library(tempDir());
    await lib.index([photos]);
    const albums = new AlbumService(lib);
    await albums.create('reds', 'red', { threshold: 0.8 });
    await albums.pin('reds', path.join(sub, 'small.jpg'));
    await albums.exclude('reds', path.join(sub, 'crimson.jpg'));
    expect(names(await albums.members('reds'))).toEqual(['red.jpg', 'small.jpg']);

    const moved = path.join(photos, 'dupes-moved');
    fs.renameSync(sub, moved);
    await lib.index();
    const members = await albums.members('reds');
    expect(new Map(members.map((m) => [m.path, m.pinned]))).toEqual(
      new Map([
        [path.join(photos, 'red.jpg'), false],
        [path.join(moved, 'small.jpg'), true],
      ]),
    );
    expect((await albums.summary('reds')).current).toEqual({ pinned: [path.join(moved, 'small.jpg')], excluded: [path.join(moved, 'crimson.jpg')] });

    // Un-excluding and un-pinning by the new paths undoes the entries made under the old ones.
    fs.renameSync(path.join(moved, 'small.jpg'), path.join(moved, 'tiny.jpg'));
    await lib.index();
    expect(names(await albums.members('reds'))).toEqual(['red.jpg', 'tiny.jpg']);
    await albums.unpin('reds', path.join(moved, 'crimson.jpg'));
    expect(names(await albums.members('reds'))).toEqual(['crimson.jpg', 'red.jpg', 'tiny.jpg']);
    const unpinned = await albums.unpin('reds', path.join(moved, 'tiny.jpg'));
    expect(unpinned).toMatchObject({ pinned: [], excluded: [], hashes: {} });

    await albums.pin('reds', path.join(moved, 'tiny.jpg'));
    fs.rmSync(path.join(moved, 'tiny.jpg'));
    await lib.index();
    expect(names(await albums.members('reds'))).toEqual(['crimson.jpg', 'red.jpg']);
  });

  it('reads albums stored before hashes, and gives their entries hashes at the next edit', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const blue = path.join(photos, 'blue.jpg');
    const red = path.join(photos, 'red.jpg');
    const old = { name: 'reds', query: 'red', threshold: 0.8, filters: {}, pinned: [blue], excluded: [red], createdAt: 1 };
    await (await lib.writable()).putAlbum({ name: 'reds', json: JSON.stringify(old), updatedAt: 1 });
    const albums = new AlbumService(lib);
    expect((await albums.members('reds')).map((m) => [path.basename(m.path), m.pinned])).toEqual([['blue.jpg', true]]);

    const edited = await albums.pin('reds', path.join(photos, 'green.jpg'));
    const hashOf = async (p: string) => (await (await lib.readable()).getPhoto(p))!.hash;
    expect(edited.hashes).toEqual({ [blue]: await hashOf(blue), [red]: await hashOf(red), [path.join(photos, 'green.jpg')]: await hashOf(path.join(photos, 'green.jpg')) });
    fs.renameSync(red, path.join(photos, 'red renamed.jpg'));
    await lib.index();
    expect(names(await albums.members('reds'))).toEqual(['blue.jpg', 'green.jpg']);
  });
});

describe('album export', () => {
  it('refuses a folder inside a library folder, also through a symbolic link, before writing anything', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const albums = new AlbumService(lib);
    await albums.create('reds', 'red', { threshold: 0.8 });
    const inside = path.join(photos, 'export');
    await expect(albums.export('reds', inside)).rejects.toThrow(`export to a folder outside the library: ${inside} is inside the library folder ${photos}`);
    await expect(albums.export('reds', photos)).rejects.toThrow(/export to a folder outside the library/);
    const alias = path.join(tempDir(), 'alias');
    fs.symlinkSync(photos, alias);
    await expect(albums.export('reds', path.join(alias, 'new', 'export'))).rejects.toThrow(/export to a folder outside the library/);
    expect(fs.existsSync(inside)).toBe(false);
    expect(fs.existsSync(path.join(photos, 'new'))).toBe(false);
    await lib.index();
    expect((await lib.listPhotos()).length).toBe(Object.keys(COLOURS).length);
  });
});
