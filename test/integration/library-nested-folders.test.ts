// Library folders never nest: a folder inside one is indexed as part of it, a folder holding
// some takes them over, and removing a folder drops only photos no other folder covers.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { testLibrary as library } from '../helpers/test-library';

/** photos/trips (4 photos) holding 2024/strecha (3 photos), and photos/other (1 photo). */
async function trips(): Promise<{ photos: string; trips: string; strecha: string; other: string }> {
  const photos = tempDir('shoebox-nested-');
  const trips = path.join(photos, 'trips');
  const strecha = path.join(trips, '2024', 'strecha');
  const other = path.join(photos, 'other');
  fs.mkdirSync(strecha, { recursive: true });
  fs.mkdirSync(other);
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(trips, `${name}.jpg`, rgb);
  for (let i = 0; i < 3; i++) await writeColourPhoto(strecha, `s${i}.jpg`, [30 + i * 70, 120, 60]);
  await writeColourPhoto(other, 'o.jpg', [90, 90, 200]);
  return { photos, trips, strecha, other };
}

describe('nested library folders', () => {
  it('a folder inside a library folder is indexed as part of it: no second folder, no double counts', async () => {
    const t = await trips();
    const lib = library(tempDir());
    await lib.index([t.trips]);
    const again = await lib.index([t.strecha]);
    expect(again).toMatchObject({ scanned: 3, unchanged: 3, added: 0, removed: 0 });
    const status = await lib.status();
    expect(status).toMatchObject({ photos: 7, pending: 0, folders: [{ path: t.trips, photos: 7 }] });
  });

  it('removing a nested path leaves the photos the outer folder covers', async () => {
    const t = await trips();
    const lib = library(tempDir());
    await lib.index([t.trips]);
    await lib.index([t.strecha]);
    await expect(lib.removeFolder(t.strecha)).rejects.toThrow(/is part of .*trips/);
    expect((await lib.status()).photos).toBe(7);
  });

  it('a folder holding library folders takes them over; their photos stay and are not embedded again', async () => {
    const t = await trips();
    const lib = library(tempDir());
    await lib.index([t.strecha]);
    await lib.index([t.other]);
    const s = await lib.index([t.photos]);
    expect(s).toMatchObject({ added: 4, unchanged: 4, embedded: 4, removed: 0 });
    expect(await lib.status()).toMatchObject({ photos: 8, pending: 0, folders: [{ path: t.photos, photos: 8 }] });
    expect(new Set((await lib.listPhotos()).map((p) => p.folder))).toEqual(new Set([t.photos]));
    expect(await lib.removeFolder(t.photos)).toBe(8);
    expect((await lib.status()).photos).toBe(0);
  });

  it('removing a folder keeps photos another library folder still covers (a library from before folders stopped nesting)', async () => {
    const t = await trips();
    const lib = library(tempDir());
    await lib.index([t.trips]);
    // An older library could hold both; the store takes them as they are.
    const store = await lib.writable();
    await store.addFolder(t.strecha);
    expect(await lib.removeFolder(t.strecha)).toBe(0);
    expect(await lib.status()).toMatchObject({ photos: 7, folders: [{ path: t.trips, photos: 7 }] });

    await store.addFolder(t.strecha);
    expect(await lib.removeFolder(t.trips)).toBe(4); // strecha's three stay, under strecha
    expect(await lib.status()).toMatchObject({ photos: 3, folders: [{ path: t.strecha, photos: 3 }] });
  });

  it('the next index merges nested folders an older library holds', async () => {
    const t = await trips();
    const lib = library(tempDir());
    await lib.index([t.trips]);
    await (await lib.writable()).addFolder(t.strecha);
    await lib.index();
    expect((await lib.listFolders()).map((f) => f.path)).toEqual([t.trips]);
    expect((await lib.status()).folders).toEqual([{ path: t.trips, photos: 7, videos: 0 }]);
  });
});
