// Smart albums through LibraryApi, as the app uses them, on a real library indexed with the
// tiny colour model (its embeddings mean colours: "red" matches red photos). Membership is
// computed at read time, so these also check that albums follow indexing and removal.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryHost } from '../../src/core/api/library-api';
import { photoId } from '../../src/core/api/photo-id';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

/** A host over a folder of colour photos (red, green, blue, yellow, and a second red), indexed. */
async function indexedLibrary() {
  const photos = tempDir('shoebox-api-albums-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  await writeColourPhoto(photos, 'crimson.jpg', [200, 25, 40]);
  const { host, events } = await openHost();
  const index = async () => expect((await jobFinished(events, await host.addFolder(photos))).state).toBe('done');
  await index();
  const id = (name: string) => photoId(path.join(photos, name));
  return { host, photos, index, id };
}

async function memberNames(host: LibraryHost, album: string): Promise<string[]> {
  return (await host.albumPhotos(album, { limit: 1000 })).photos.map((p) => path.basename(p.path));
}

/** The one-line message of a rejected call. */
async function failure(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error, 'the call should have failed').toBeInstanceOf(Error);
  expect(error!.message).not.toContain('\n');
  return error!.message;
}

describe('smart albums through LibraryApi', () => {
  it('creates, lists, edits and renames an album keeping its pins and exclusions, then removes it', async () => {
    const { host, id } = await indexedLibrary();
    const created = await host.saveAlbum({ name: 'Reds', query: 'red', threshold: 0.8 });
    expect(created).toMatchObject({ name: 'Reds', query: 'red', threshold: 0.8, thresholdAutomatic: false, members: 2, pinned: 0, excluded: 0, excludedIds: [] });
    expect(await memberNames(host, 'Reds')).toEqual(['red.jpg', 'crimson.jpg']);

    await host.setAlbumMembership('Reds', id('blue.jpg'), 'pinned');
    const excluded = await host.setAlbumMembership('Reds', id('red.jpg'), 'excluded');
    expect(excluded).toMatchObject({ members: 2, pinned: 1, excluded: 1, excludedIds: [id('red.jpg')] });

    // Edit: rename and loosen the threshold. The hand-made pin and exclusion stay.
    const renamed = await host.saveAlbum({ name: 'Warm reds', query: 'red', threshold: 0.7 }, 'Reds');
    expect(renamed).toMatchObject({ name: 'Warm reds', threshold: 0.7, pinned: 1, excluded: 1, excludedIds: [id('red.jpg')], createdAt: created.createdAt });
    expect(await memberNames(host, 'Warm reds')).toContain('blue.jpg');
    expect(await memberNames(host, 'Warm reds')).not.toContain('red.jpg');
    expect((await host.listAlbums()).map((a) => a.name)).toEqual(['Warm reds']);
    expect(await failure(host.albumPhotos('Reds'))).toMatch(/no album named "Reds"/);

    // Editing the query keeps them too, and names stay unique.
    await host.saveAlbum({ name: 'Greens', query: 'green', threshold: 0.8 });
    expect(await failure(host.saveAlbum({ name: 'Greens', query: 'green' }))).toMatch(/already exists/);
    expect(await failure(host.saveAlbum({ name: 'Greens', query: 'red' }, 'Warm reds'))).toMatch(/an album named "Greens" already exists/);
    expect(await host.saveAlbum({ name: 'Warm reds', query: 'red + yellow', threshold: 0.5 }, 'Warm reds')).toMatchObject({ pinned: 1, excluded: 1 });

    const list = await host.listAlbums();
    expect(list.map((a) => [a.name, a.members])).toEqual([
      ['Greens', 1],
      ['Warm reds', (await host.albumPhotos('Warm reds')).total],
    ]);
    await host.removeAlbum('Warm reds');
    expect((await host.listAlbums()).map((a) => a.name)).toEqual(['Greens']);
  });

  it('without a threshold, follows the search engine\'s calibrated cut-off for the query', async () => {
    const { host } = await indexedLibrary();
    const auto = await host.saveAlbum({ name: 'Auto reds', query: 'red' });
    expect(auto.thresholdAutomatic).toBe(true);
    // The album holds what searching for its query returns: the same relevance cut-off.
    const search = await host.search('red', { limit: 1000 });
    expect(search.photos.length).toBeGreaterThan(0);
    expect(search.photos.length).toBeLessThan(5);
    const album = await host.albumPhotos('Auto reds', { limit: 1000 });
    expect(album.photos.map((p) => p.path)).toEqual(search.photos.map((p) => p.path));
    expect(album.total).toBe(auto.members);
    for (const p of album.photos) expect(p.score).toBeGreaterThanOrEqual(auto.threshold);
    // Setting a threshold makes it fixed; clearing it makes it automatic again.
    expect(await host.saveAlbum({ name: 'Auto reds', query: 'red', threshold: -1 }, 'Auto reds')).toMatchObject({ thresholdAutomatic: false, threshold: -1, members: 5 });
    expect(await host.saveAlbum({ name: 'Auto reds', query: 'red' }, 'Auto reds')).toMatchObject({ thresholdAutomatic: true, threshold: auto.threshold, members: auto.members });
  });

  it('previews a draft exactly as the album will hold it, automatic or fixed, without saving anything', async () => {
    const { host } = await indexedLibrary();
    for (const threshold of [undefined, 0.9, -1]) {
      const draft = { query: 'red', ...(threshold !== undefined ? { threshold } : {}) };
      const preview = await host.previewAlbum(draft, { limit: 2 });
      expect(await host.listAlbums()).toEqual([]); // nothing written
      const saved = await host.saveAlbum({ name: 'reds', ...draft });
      expect(preview.total, `threshold ${threshold}`).toBe(saved.members);
      expect(preview.threshold).toBeCloseTo(saved.threshold, 6);
      expect(preview.photos.map((p) => p.id)).toEqual((await host.albumPhotos('reds', { limit: 2 })).photos.map((p) => p.id));
      await host.removeAlbum('reds');
    }
    // -1 admits every photo; the best ones come first.
    expect((await host.previewAlbum({ query: 'red', threshold: -1 })).total).toBe(Object.keys(COLOURS).length + 1);
    // No query: a hand-picked draft, which nothing matches by itself.
    expect((await host.previewAlbum({ query: '   ' })).total).toBe(0);
  });

  it('pages the members best first, each with its score and whether it is pinned', async () => {
    const { host, id } = await indexedLibrary();
    await host.saveAlbum({ name: 'Everything, reds first', query: 'red', threshold: -1 });
    await host.setAlbumMembership('Everything, reds first', id('green.jpg'), 'pinned');
    const all = await host.albumPhotos('Everything, reds first', { limit: 1000 });
    expect(all.total).toBe(5);
    expect(all.photos.slice(0, 2).map((p) => path.basename(p.path))).toEqual(['red.jpg', 'crimson.jpg']);
    const scores = all.photos.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(all.photos.filter((p) => p.pinned).map((p) => path.basename(p.path))).toEqual(['green.jpg']);
    const page = await host.albumPhotos('Everything, reds first', { offset: 1, limit: 2 });
    expect(page).toEqual({ total: 5, offset: 1, photos: all.photos.slice(1, 3) });
    expect(await host.albumPhotos('Everything, reds first', { offset: 5 })).toEqual({ total: 5, offset: 5, photos: [] });
    // Ids are the library's: the viewer can open them.
    expect((await host.getPhoto(all.photos[0]!.id))?.path).toBe(all.photos[0]!.path);
    expect(JSON.parse(JSON.stringify(all))).toEqual(all);
  });

  it('pins, excludes and returns photos to automatic membership', async () => {
    const { host, id } = await indexedLibrary();
    await host.saveAlbum({ name: 'Reds', query: 'red', threshold: 0.8 });
    expect(await host.setAlbumMembership('Reds', id('blue.jpg'), 'pinned')).toMatchObject({ members: 3, pinned: 1 });
    const pinned = (await host.albumPhotos('Reds')).photos.find((p) => p.pinned)!;
    expect(path.basename(pinned.path)).toBe('blue.jpg');
    expect(pinned.score).toBeLessThan(0.8);

    expect(await host.setAlbumMembership('Reds', id('red.jpg'), 'excluded')).toMatchObject({ members: 2, excluded: 1 });
    expect(await memberNames(host, 'Reds')).toEqual(['crimson.jpg', 'blue.jpg']);
    // Excluding a pinned photo un-pins it, and pinning an excluded one brings it back.
    expect(await host.setAlbumMembership('Reds', id('blue.jpg'), 'excluded')).toMatchObject({ members: 1, pinned: 0, excluded: 2 });
    expect(await host.setAlbumMembership('Reds', id('red.jpg'), 'pinned')).toMatchObject({ members: 2, pinned: 1, excluded: 1 });
    // auto: as the query says again.
    await host.setAlbumMembership('Reds', id('red.jpg'), 'auto');
    await host.setAlbumMembership('Reds', id('blue.jpg'), 'auto');
    expect(await host.listAlbums()).toMatchObject([{ name: 'Reds', members: 2, pinned: 0, excluded: 0, excludedIds: [] }]);
    expect(await memberNames(host, 'Reds')).toEqual(['red.jpg', 'crimson.jpg']);
  });

  it('follows the library: a matching photo indexed later joins, a removed one leaves', async () => {
    const { host, photos, index, id } = await indexedLibrary();
    await host.saveAlbum({ name: 'Reds', query: 'red', threshold: 0.8 });
    await host.saveAlbum({ name: 'Auto reds', query: 'red' });
    const autoBefore = await memberNames(host, 'Auto reds');
    await host.setAlbumMembership('Reds', id('yellow.jpg'), 'pinned');
    expect(await memberNames(host, 'Reds')).toEqual(['red.jpg', 'crimson.jpg', 'yellow.jpg']);

    await writeColourPhoto(photos, 'scarlet.jpg', [235, 30, 15]);
    await index();
    expect(await memberNames(host, 'Reds')).toContain('scarlet.jpg');
    expect(await memberNames(host, 'Auto reds')).toContain('scarlet.jpg');
    expect((await host.albumPhotos('Auto reds')).total).toBeGreaterThan(autoBefore.length);

    fs.rmSync(path.join(photos, 'red.jpg'));
    fs.rmSync(path.join(photos, 'yellow.jpg')); // a pinned photo that leaves the library leaves the album
    await index();
    expect((await memberNames(host, 'Reds')).sort()).toEqual(['crimson.jpg', 'scarlet.jpg']);
    expect(await memberNames(host, 'Auto reds')).not.toContain('red.jpg');
    expect((await host.listAlbums()).find((a) => a.name === 'Reds')?.members).toBe(2);
    // A photo that is gone cannot be pinned, but its pin or exclusion can still be undone.
    expect(await failure(host.setAlbumMembership('Reds', id('red.jpg'), 'pinned'))).toMatch(/not in the library/);
    expect(await host.setAlbumMembership('Reds', id('yellow.jpg'), 'auto')).toMatchObject({ pinned: 0 });
  });

  it('exports the members to a folder as links (or copies), again without duplicates, originals untouched', async () => {
    const { host, photos, id } = await indexedLibrary();
    await host.saveAlbum({ name: 'Reds', query: 'red', threshold: 0.8 });
    await host.setAlbumMembership('Reds', id('crimson.jpg'), 'excluded');
    const before = fs.readFileSync(path.join(photos, 'red.jpg'));
    const links = path.join(tempDir('shoebox-export-'), 'Reds');
    expect(await host.exportAlbum('Reds', links)).toEqual({ dir: links, exported: 1, videos: 0, alreadyThere: 0, failed: [], turned: 0, unturned: [] });
    expect(fs.readdirSync(links)).toEqual(['red.jpg']);
    expect(fs.lstatSync(path.join(links, 'red.jpg')).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(path.join(links, 'red.jpg'))).toBe(path.join(photos, 'red.jpg'));

    await host.setAlbumMembership('Reds', id('crimson.jpg'), 'auto');
    expect(await host.exportAlbum('Reds', links)).toEqual({ dir: links, exported: 2, videos: 0, alreadyThere: 1, failed: [], turned: 0, unturned: [] });
    expect(fs.readdirSync(links).sort()).toEqual(['crimson.jpg', 'red.jpg']);

    const copies = tempDir('shoebox-export-copies-');
    expect(await host.exportAlbum('Reds', copies, true)).toMatchObject({ exported: 2, failed: [] });
    for (const name of fs.readdirSync(copies)) expect(fs.lstatSync(path.join(copies, name)).isFile()).toBe(true);
    expect(fs.readFileSync(path.join(copies, 'red.jpg')).equals(before)).toBe(true);
    expect(fs.readFileSync(path.join(photos, 'red.jpg')).equals(before)).toBe(true);

    // Inside a library folder the links would be indexed as photos again: refused.
    expect(await failure(host.exportAlbum('Reds', path.join(photos, 'album')))).toMatch(/outside the library/);
    expect(fs.existsSync(path.join(photos, 'album'))).toBe(false);
    expect(await failure(host.exportAlbum('Reds', 'exports/reds'))).toMatch(/full path/);
  });

  it('keeps pins and exclusions through renames, reported under the new ids', async () => {
    const { host, photos, index, id } = await indexedLibrary();
    await host.saveAlbum({ name: 'Reds', query: 'red', threshold: 0.8 });
    await host.setAlbumMembership('Reds', id('blue.jpg'), 'pinned');
    await host.setAlbumMembership('Reds', id('crimson.jpg'), 'excluded');
    fs.mkdirSync(path.join(photos, 'moved'));
    fs.renameSync(path.join(photos, 'blue.jpg'), path.join(photos, 'moved', 'blue.jpg'));
    fs.renameSync(path.join(photos, 'crimson.jpg'), path.join(photos, 'crimson renamed.jpg'));
    await index();
    expect(await host.listAlbums()).toMatchObject([{ name: 'Reds', members: 2, pinned: 1, excluded: 1, excludedIds: [id('crimson renamed.jpg')] }]);
    expect((await memberNames(host, 'Reds')).sort()).toEqual(['blue.jpg', 'red.jpg']);
    expect(await host.setAlbumMembership('Reds', id('crimson renamed.jpg'), 'auto')).toMatchObject({ members: 3, excluded: 0, excludedIds: [] });
  });

  it('refuses bad input with one-line errors', async () => {
    const { host, id } = await indexedLibrary();
    expect(await failure(host.saveAlbum({ name: '  ', query: 'red' }))).toMatch(/name must not be empty/);
    expect(await failure(host.saveAlbum({ name: 'a/b', query: 'red' }))).toMatch(/slashes/);
    expect(await failure(host.saveAlbum({ name: 'x', query: ' ', threshold: 0.3 }))).toMatch(/hand-picked album \(no query\) has no threshold/);
    expect(await failure(host.saveAlbum({ name: 'x', query: 'red +' }))).toMatch(/\+/);
    expect(await failure(host.saveAlbum({ name: 'x', query: '/no/such/photo.jpg' }))).toMatch(/image not found/);
    expect(await failure(host.saveAlbum({ name: 'x', query: 'red', threshold: 2 }))).toMatch(/threshold must be a cosine/);
    expect(await failure(host.saveAlbum({ name: 'x', query: 'red', filters: { after: '2001-01-02', before: '2001-01-01' } }))).toMatch(/date range is empty/);
    expect(await failure(host.saveAlbum({ name: 'x', query: 'red' }, 'nope'))).toMatch(/no album named "nope"/);
    expect(await host.listAlbums()).toEqual([]);

    await host.saveAlbum({ name: 'Reds', query: 'red', threshold: 0.8 });
    expect(await failure(host.albumPhotos('nope'))).toMatch(/no album named "nope"/);
    expect(await failure(host.removeAlbum('nope'))).toMatch(/no album named "nope"/);
    expect(await failure(host.exportAlbum('nope', tempDir()))).toMatch(/no album named "nope"/);
    expect(await failure(host.setAlbumMembership('nope', id('red.jpg'), 'pinned'))).toMatch(/no album named "nope"/);
    expect(await failure(host.setAlbumMembership('Reds', 'not an id!', 'pinned'))).toMatch(/not a photo id/);
    expect(await failure(host.setAlbumMembership('Reds', photoId('/elsewhere/red.jpg'), 'excluded'))).toMatch(/not in the library/);
  });
});

describe('a broken album through LibraryApi', () => {
  it('opens empty, its reason in listAlbums, as `albums show` shows it', async () => {
    const { host } = await indexedLibrary();
    await host.saveLabelSet({ name: 'colours', labels: ['red', 'blue'] });
    await host.saveAlbum({ name: 'Tagged red', query: 'red', filters: { tag: 'red' } });
    await host.removeLabelSet('colours');
    const [info] = await host.listAlbums();
    expect(info).toMatchObject({ name: 'Tagged red', members: 0, error: 'no label set has the tag “red” (any more)' });
    expect(await host.albumPhotos('Tagged red')).toEqual({ total: 0, offset: 0, photos: [] });
  });
});
