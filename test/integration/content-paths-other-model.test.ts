// What follows a photo's content (album pins, favourites' copies, an import's "already held")
// after switching to a model that has not embedded the photos yet: the library is every
// model's photos, so none of them may act as if the photos were gone (LibraryApi on real
// LanceDB and the two tiny fixture models; no watcher, so nothing is embedded with the second).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { fixtureModelDir, TINY_TRANSFORMERS } from '../fixtures/models/paths';

const openHost = useApiHosts();

describe('contents under a model that has not embedded the photos', () => {
  it('keeps an album’s pinned photo, takes a favourite’s copy along, and does not import a held photo again', async () => {
    const home = tempDir();
    const dir = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
    fs.copyFileSync(path.join(dir, 'red.jpg'), path.join(dir, 'red copy.jpg'));
    const first = await openHost({ home });
    expect(await jobFinished(first.events, await first.host.addFolder(dir))).toMatchObject({ state: 'done' });
    await first.host.saveAlbum({ name: 'Picks', query: '' });
    await first.host.setAlbumMembership('Picks', photoId(path.join(dir, 'green.jpg')), 'pinned');
    await first.host.close();

    const { host, events } = await openHost({ home, modelDir: fixtureModelDir(TINY_TRANSFORMERS) });
    const names = (page: { photos: { path: string }[] }) => page.photos.map((p) => path.basename(p.path));
    expect(names(await host.albumPhotos('Picks'))).toEqual(['green.jpg']);

    expect(await host.setFavourites([photoId(path.join(dir, 'red.jpg'))], true)).toMatchObject({ done: 1, copies: 1 });

    const card = tempDir('shoebox-card-');
    fs.copyFileSync(path.join(dir, 'blue.jpg'), path.join(card, 'IMG_0001.JPG'));
    const imported = await jobFinished(events, await host.importPhotos(card, dir));
    expect(imported).toMatchObject({ state: 'done', result: { added: 0 } });
    expect(fs.readdirSync(dir).sort()).toEqual([...Object.keys(COLOURS).map((n) => `${n}.jpg`), 'red copy.jpg'].sort());
  }, 120_000);

  it('imports a photo whose content the library held only in a file rewritten since', async () => {
    const home = tempDir();
    const dir = tempDir('shoebox-photos-');
    await writeColourPhoto(dir, 'red.jpg', COLOURS.red!);
    const card = tempDir('shoebox-card-');
    fs.copyFileSync(path.join(dir, 'red.jpg'), path.join(card, 'IMG_0001.JPG'));
    const first = await openHost({ home });
    expect(await jobFinished(first.events, await first.host.addFolder(dir))).toMatchObject({ state: 'done' });
    await first.host.close();
    // Edited in place: the first model's table still says the path holds the old content.
    await writeColourPhoto(dir, 'red.jpg', [200, 40, 40]);
    const { host, events } = await openHost({ home, modelDir: fixtureModelDir(TINY_TRANSFORMERS) });
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    const imported = await jobFinished(events, await host.importPhotos(card, dir));
    expect(imported).toMatchObject({ state: 'done', result: { added: 1 } });
  }, 120_000);
});
