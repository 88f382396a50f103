// The selection's Album… → "New album" through LibraryApi, as the app runs it: the engine saves
// the hand-picked album with its photos in one step (saveAlbum with `pins`), so a selection none
// of whose photos is in the library any more is refused with nothing made (no empty album left
// to block the name), and one with some gone is made with the others, the line counting those.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import { newAlbumWith } from '../../src/renderer/components/albums/NewAlbumField';
import type { ShoeboxClient } from '../../src/renderer/client/client';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

describe('a new album from a selection', () => {
  it('is made with its photos in one step, or not at all when none is in the library', async () => {
    const photos = tempDir('shoebox-api-new-album-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const { host, events } = await openHost();
    expect((await jobFinished(events, await host.addFolder(photos))).state).toBe('done');
    const id = (name: string) => photoId(path.join(photos, name));
    const client = host as unknown as ShoeboxClient;

    // None of the selected photos is in the library any more: refused, and no album is left behind.
    await expect(newAlbumWith(client, 'Trip', [id('gone.jpg')])).rejects.toThrow('none of these photos is in the library (any more): no album made');
    expect(await host.listAlbums()).toEqual([]);

    // The same name again, with photos that are there: made, in the order selected; the one gone is said.
    const line = await newAlbumWith(client, 'Trip', [id('blue.jpg'), id('gone.jpg'), id('red.jpg')]);
    expect(line).toBe('Made the album “Trip” with 2 photos. 1 photo no longer in the library.');
    expect((await host.albumPhotos('Trip')).photos.map((p) => path.basename(p.path))).toEqual(['blue.jpg', 'red.jpg']);
    expect(fs.existsSync(path.join(photos, 'gone.jpg'))).toBe(false);

    // Pins are for a new album only: an existing one is pinned to with setAlbumMemberships.
    await expect(host.saveAlbum({ name: 'Trip', query: '', pins: [id('green.jpg')] }, 'Trip')).rejects.toThrow(/new album only/);
  });
});
