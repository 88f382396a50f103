// Remove from album (the selection bar's Remove…) in the browser over `shoebox serve`: from a
// hand-picked album the dialog says the photo leaves it, its file and the library keep it, and
// Album… adds it again; it no longer points to an "Excluded" list such an album does not have.
// A smart album's dialog still points there.
import { describe, expect, it } from 'vitest';
import { COLOURS, writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';
import { eventually } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('removing a photo from a hand-picked album', () => {
  const lib = useLibrarySession('album-hand-picked-remove', async (photos) => {
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  });
  const page = () => lib.page;
  const sidebar = () => page().getByRole('navigation', { name: 'Library' });
  const bar = () => page().getByRole('toolbar', { name: 'Selected photos' });
  const grid = (album: string) => page().getByRole('region', { name: `Photos in ${album}` });
  const ask = (album: string) => page().getByRole('dialog', { name: `Remove 1 photo from “${album}”?` });
  const askRemoving = async (album: string, photo: string) => {
    await sidebar().getByRole('button', { name: new RegExp(`^${album}`) }).click();
    await eventually(async () => (await tileNames(grid(album))).includes(photo), 30_000).toBe(true);
    await grid(album).getByRole('button', { name: `Open ${photo}` }).click({ modifiers: ['ControlOrMeta'] });
    await bar().getByRole('button', { name: 'Remove…' }).click();
    await eventually(() => ask(album).isVisible()).toBe(true);
    return ask(album);
  };

  it('says the photo leaves the album and how to add it again, not “Excluded”', async () => {
    await page().goto(lib.serve.url);
    await eventually(async () => (await tileNames(page())).length, 60_000).toBe(Object.keys(COLOURS).length);
    const { photos } = (await lib.serve.call('listPhotos')) as { photos: { id: string; path: string }[] };
    const id = (name: string) => photos.find((p) => p.path.endsWith(`/${name}`))!.id;
    await lib.serve.call('saveAlbum', { name: 'Italy trip', query: '' });
    for (const name of ['green.jpg', 'yellow.jpg']) await lib.serve.call('setAlbumMembership', 'Italy trip', id(name), 'pinned');
    await lib.serve.call('saveAlbum', { name: 'Everything', query: 'red', threshold: -1 });
    await page().reload();

    const dialog = await askRemoving('Italy trip', 'green.jpg');
    await eventually(() => dialog.locator('#album-remove-text').innerText()).toBe(
      'It leaves this album only: its file stays where it is, and the library keeps it. To add it again: select it, then “Album…” on the selection bar.',
    );
    expect(await dialog.innerText()).not.toContain('Excluded');
    await dialog.getByRole('button', { name: 'Remove from album' }).click();
    await eventually(async () => (await tileNames(grid('Italy trip'))).sort()).toEqual(['yellow.jpg']);
    const albums = (await lib.serve.call('listAlbums')) as { name: string }[];
    expect(albums.find((a) => a.name === 'Italy trip')).toMatchObject({ handPicked: true, members: 1 });
    // Still in the library.
    expect(((await lib.serve.call('listPhotos')) as { photos: { path: string }[] }).photos.some((p) => p.path.endsWith('/green.jpg'))).toBe(true);
  });

  it('a smart album’s dialog still points to “Excluded”, with Put back', async () => {
    const dialog = await askRemoving('Everything', 'blue.jpg');
    await eventually(() => dialog.locator('#album-remove-text').innerText()).toBe(
      'It leaves this album only: its file stays where it is, and the library keeps it. “Excluded” in the album lists it, with Put back.',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => dialog.count()).toBe(0);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
