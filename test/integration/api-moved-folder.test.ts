// A library folder moved into another one (mv A B/A): the app's folder list says where its
// photos are now, so the old entries can be removed; removing it keeps one copy of each
// photo and its marks. Nothing is dropped by itself (a folder not found may be a disk away).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

describe('a library folder moved into another', () => {
  it('is listed with where its photos are now, and removing it leaves one copy with the marks', async () => {
    const root = tempDir('shoebox-api-moved-');
    const [a, b] = [path.join(root, 'A'), path.join(root, 'B')];
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(a, `${name}.jpg`, rgb);
    await writeColourPhoto(b, 'grey.jpg', [128, 128, 128]);
    const { host, events } = await openHost();
    for (const folder of [a, b]) expect(await jobFinished(events, await host.addFolder(folder))).toMatchObject({ state: 'done' });
    expect(await host.setFavourites([photoId(path.join(a, 'red.jpg'))], true)).toMatchObject({ done: 1 });
    expect((await host.listFolders()).map((f) => f.copiesAt)).toEqual([undefined, undefined]);

    fs.renameSync(a, path.join(b, 'A'));
    expect(await host.indexNow([])).toMatchObject({ added: 4, removed: 0 }); // every library folder, as a restart's catch-up
    // (Whether a folder is reachable is looked at once a second.)
    const listed = async () => (await host.listFolders()).map((f) => [f.path, f.photos, f.unreachable ?? false, f.copiesAt ?? null]);
    await expect.poll(listed, { timeout: 20_000 }).toEqual([
      [a, 4, true, path.join(b, 'A')],
      [b, 5, false, null],
    ]);

    await host.removeFolder(a);
    await expect.poll(async () => (await host.listFolders()).map((f) => f.path), { timeout: 20_000 }).toEqual([b]);
    expect((await host.status()).photos).toBe(5);
    const favourites = (await host.timeline({ favourite: true })).photos.map((p) => path.relative(root, p.path));
    expect(favourites).toEqual([path.join('B', 'A', 'red.jpg')]);
  });
});
