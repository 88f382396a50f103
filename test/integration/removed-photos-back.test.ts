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

/** The removed-rows cache files under a home (<home>/cache/removed/…/*.rows), with their stamps. */
function cacheFiles(home: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.rows')) {
        const st = fs.statSync(p, { bigint: true });
        out.set(p, `${st.ino}:${st.size}:${st.mtimeNs}`);
      }
    }
  };
  walk(home);
  return out;
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

  it('moves and copies inside the library keep nothing: the cache is neither written nor its rows evicted', async () => {
    const { root, sub } = await folderWithSubfolder();
    const home = tempDir();
    const lib = testLibrary(home);
    await lib.index([root]);
    // A move inside the library: nothing left it, nothing written.
    const renamed = path.join(root, 'sorted', 'otd');
    fs.mkdirSync(path.dirname(renamed));
    fs.renameSync(sub, renamed);
    expect(await lib.index()).toMatchObject({ embedded: 0 });
    expect(cacheFiles(home).size).toBe(0);
    // A real removal is kept...
    fs.rmSync(path.join(root, 'top.jpg'));
    expect(await lib.index()).toMatchObject({ removed: 1 });
    const kept = cacheFiles(home);
    expect(kept.size).toBe(1);
    // ...and a later move, or a deleted copy whose content another file holds, leaves the file as it was.
    fs.renameSync(renamed, path.join(root, 'otd'));
    fs.copyFileSync(path.join(root, 'otd', 'p0.jpg'), path.join(root, 'p0-copy.jpg'));
    await lib.index();
    fs.rmSync(path.join(root, 'otd', 'p0.jpg'));
    expect(await lib.index()).toMatchObject({ embedded: 0 });
    expect(cacheFiles(home)).toEqual(kept);
    // The removed photo is still taken back without embedding.
    await writeColourPhoto(root, 'top.jpg', [20, 20, 20]);
    expect(await lib.index()).toMatchObject({ added: 1, embedded: 0 });
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
