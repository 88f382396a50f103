// What a user relies on when albums are edited from two places and named loosely, through
// LibraryApi as the app uses it (tiny colour model): a save from an editor opened before a
// change made elsewhere is refused, never overwriting it; an unknown place is refused as
// search refuses it; a broken album says why in the app's words; Undo of "Remove from album"
// puts a hand-picked album's photo back where it was; names are trimmed and one name ignores
// case.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryHost } from '../../src/core/api/library-api';
import { photoId } from '../../src/core/api/photo-id';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

async function indexedLibrary() {
  const photos = tempDir('shoebox-api-albums-safety-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  const { host, events } = await openHost();
  expect((await jobFinished(events, await host.addFolder(photos))).state).toBe('done');
  const id = (name: string) => photoId(path.join(photos, `${name}.jpg`));
  return { host, photos, id };
}

async function memberNames(host: LibraryHost, album: string): Promise<string[]> {
  return (await host.albumPhotos(album, { limit: 1000 })).photos.map((p) => path.basename(p.path, '.jpg'));
}

/** The rejection of a call: its error's name and message. */
async function refusal(call: Promise<unknown>): Promise<{ name: string; message: string }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error, 'the call should have been refused').toBeInstanceOf(Error);
  return { name: error!.name, message: error!.message };
}

describe('album edits from two places', () => {
  it('refuses a save from an editor opened before the album changed elsewhere, keeping that change', async () => {
    const { host, photos, id } = await indexedLibrary();
    const opened = await host.saveAlbum({ name: 'spaced', query: 'green' });
    // Meanwhile (as `shoebox albums edit spaced --query yellow --folder …`): another save.
    await host.saveAlbum({ name: 'spaced', query: 'yellow', filters: { folder: photos } }, 'spaced');
    // The editor saves what it loaded, unchanged: refused, in the app's words.
    expect(await refusal(host.saveAlbum({ name: 'spaced', query: 'green' }, 'spaced', opened.revision))).toEqual({
      name: 'AlbumChangedError',
      message: 'spaced was changed elsewhere since you opened it: reload to see it',
    });
    const now = (await host.listAlbums()).find((a) => a.name === 'spaced')!;
    expect([now.query, now.filters.folder]).toEqual(['yellow', photos]);

    // A pin made meanwhile is kept by any save: it does not refuse one.
    await host.setAlbumMembership('spaced', id('blue'), 'pinned');
    const saved = await host.saveAlbum({ name: 'spaced', query: 'yellow', threshold: 0.5, filters: { folder: photos } }, 'spaced', now.revision);
    expect(saved).toMatchObject({ threshold: 0.5, pinned: 1 });
  });

  it('says a renamed album is gone without naming a command', async () => {
    const { host } = await indexedLibrary();
    const opened = await host.saveAlbum({ name: 'LiveCLI', query: 'red' });
    await host.saveAlbum({ name: 'Renamed', query: 'red' }, 'LiveCLI');
    const { message } = await refusal(host.saveAlbum({ name: 'LiveCLI', query: 'blue' }, 'LiveCLI', opened.revision));
    expect(message).toBe('no album named "LiveCLI"');
  });
});

describe('album filters refused as search refuses them', () => {
  it('refuses a place that is no town or country, in the app’s words', async () => {
    const { host } = await indexedLibrary();
    const { message } = await refusal(host.saveAlbum({ name: 'P2', query: 'red', filters: { place: 'Qwzxv' } }));
    expect(message).toBe('no town or country is called "Qwzxv"');
    expect((await host.listAlbums()).map((a) => a.name)).toEqual([]);
    // A real town where no photo was taken is an album of 0 photos, as search finds none there.
    expect(await host.saveAlbum({ name: 'Arezzo', query: 'red', filters: { place: 'Arezzo' } })).toMatchObject({ members: 0 });
  });

  it('says why an album whose tag left every label set is broken, in the words the editor and the filter bar use', async () => {
    const { host } = await indexedLibrary();
    await host.saveLabelSet({ name: 'pets', labels: ['cat', 'dog'] });
    await host.saveAlbum({ name: 'CatAlbum', query: 'photo', filters: { tag: 'cat' } });
    await host.removeLabelSet('pets');
    const album = (await host.listAlbums()).find((a) => a.name === 'CatAlbum')!;
    // The app's unknown-tag wording (shared/app-wording.ts), told by the error's code, as a reason the notice follows with its remedy.
    expect(album.error).toBe('no label set has the tag “cat” (any more)');
  });
});

describe('a hand-picked album keeps its order', () => {
  it('puts a photo removed then put back (Undo) where it was', async () => {
    const { host, id } = await indexedLibrary();
    await host.saveAlbum({ name: 'Picked', query: '' });
    await host.setAlbumMemberships('Picked', [id('blue'), id('red'), id('yellow')], 'pinned');
    expect(await memberNames(host, 'Picked')).toEqual(['blue', 'red', 'yellow']);
    // "Remove from album" (an exclusion: in a hand-picked album, unpinning), then its Undo.
    await host.setAlbumMemberships('Picked', [id('blue')], 'excluded');
    expect(await memberNames(host, 'Picked')).toEqual(['red', 'yellow']);
    await host.setAlbumMemberships('Picked', [id('blue')], 'pinned');
    expect(await memberNames(host, 'Picked')).toEqual(['blue', 'red', 'yellow']);
    // Two taken out together come back together, each in its place.
    await host.setAlbumMemberships('Picked', [id('yellow'), id('blue')], 'excluded');
    await host.setAlbumMemberships('Picked', [id('blue'), id('yellow')], 'pinned');
    expect(await memberNames(host, 'Picked')).toEqual(['blue', 'red', 'yellow']);
    // Added again after another change: a new pin, at the end.
    await host.setAlbumMemberships('Picked', [id('blue')], 'excluded');
    await host.setAlbumMemberships('Picked', [id('green')], 'pinned');
    await host.setAlbumMemberships('Picked', [id('blue')], 'pinned');
    expect(await memberNames(host, 'Picked')).toEqual(['red', 'yellow', 'green', 'blue']);
  });
});

describe('album names', () => {
  it('trims every name given, and refuses a name another album has but for case', async () => {
    const { host } = await indexedLibrary();
    expect((await host.saveAlbum({ name: '  leading', query: 'red' })).name).toBe('leading');
    expect((await host.albumPhotos('  leading')).total).toBeGreaterThan(0);
    await host.saveAlbum({ name: '  leading ', query: 'blue' }, '  leading');
    await host.setAlbumMembership(' leading', photoId('/nowhere.jpg'), 'auto');

    await host.saveAlbum({ name: 'Reds', query: 'red' });
    const { message } = await refusal(host.saveAlbum({ name: 'reds', query: 'red' }));
    expect(message).toMatch(/^an album named "Reds" already exists/);
    // Renamed into another's name but for case: refused too; into its own in another case: done.
    expect((await refusal(host.saveAlbum({ name: 'REDS', query: 'blue' }, 'leading'))).message).toMatch(/^an album named "Reds" already exists/);
    expect((await host.saveAlbum({ name: 'REDS', query: 'red' }, 'Reds')).name).toBe('REDS');
    await host.removeAlbum('  leading  ');
    expect((await host.listAlbums()).map((a) => a.name)).toEqual(['REDS']);
  });
});
