// Photos that leave the library and come back in a later run (a folder moved out of a library
// folder and back, emptied and refilled, a disk mounted inside one unmounted and mounted
// again) are taken back without embedding: their rows were removed (search never showed them
// meanwhile), and the same content takes its kept row again (removed-rows.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';

/** A library folder with one photo at its top and three in `otd/`. */
async function folderWithSubfolder(): Promise<{ root: string; sub: string }> {
  const root = tempDir('shoebox-back-');
  await writeColourPhoto(root, 'top.jpg', [20, 20, 20]);
  const sub = path.join(root, 'otd');
  fs.mkdirSync(sub);
  for (let i = 0; i < 3; i++) await writeColourPhoto(sub, `p${i}.jpg`, [60 + i * 60, 120, 200 - i * 50]);
  return { root, sub };
}

describe('photos removed and back in a later run', () => {
  it('a subfolder moved out and back is taken back without embedding, with the same vectors', async () => {
    const { root, sub } = await folderWithSubfolder();
    const lib = testLibrary(tempDir());
    expect(await lib.index([root])).toMatchObject({ added: 4, embedded: 4 });
    const store = await lib.writable();
    const before = await store.vectorsByHash((await lib.listPhotos()).map((p) => p.hash));

    const away = path.join(tempDir('shoebox-away-'), 'otd');
    fs.renameSync(sub, away);
    expect(await lib.index()).toMatchObject({ removed: 3, embedded: 0 });
    // Gone from the library meanwhile: no listing or search shows them.
    expect((await lib.listPhotos()).map((p) => path.basename(p.path))).toEqual(['top.jpg']);
    expect(await store.countPhotos()).toBe(1);

    fs.renameSync(away, sub);
    expect(await lib.index()).toMatchObject({ added: 3, embedded: 0, failed: [] });
    const photos = await lib.listPhotos();
    expect(photos.map((p) => path.basename(p.path)).sort()).toEqual(['p0.jpg', 'p1.jpg', 'p2.jpg', 'top.jpg']);
    // Each found by search as before: the very vectors it was embedded with.
    const after = await store.vectorsByHash(photos.map((p) => p.hash));
    for (const [hash, vector] of before) expect([...after.get(hash)!]).toEqual([...vector]);
    expect(await store.countPhotos()).toBe(4);
  }, 60_000);

  it('a folder emptied and refilled with the same files is not embedded again', async () => {
    const { root, sub } = await folderWithSubfolder();
    const lib = testLibrary(tempDir());
    await lib.index([root]);
    const aside = tempDir('shoebox-aside-');
    for (const name of fs.readdirSync(sub)) fs.renameSync(path.join(sub, name), path.join(aside, name));
    expect(await lib.index()).toMatchObject({ removed: 3 });
    for (const name of fs.readdirSync(aside)) fs.copyFileSync(path.join(aside, name), path.join(sub, name));
    expect(await lib.index()).toMatchObject({ added: 3, embedded: 0 });
    // Changed content at a returning name is new content: embedded.
    await writeColourPhoto(sub, 'p0.jpg', [250, 250, 0]);
    expect(await lib.index()).toMatchObject({ updated: 1, embedded: 1 });
  }, 60_000);
});
