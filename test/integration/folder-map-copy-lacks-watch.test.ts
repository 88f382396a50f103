// `serve` on a device that sees a shared folder through its own copy (`folders map`), which
// lacks a subfolder another device indexed: the watcher's catch-up, run with no command, keeps
// those photos in the library (it removed them all) and says so once: not again at the
// catch-up after each lease taken back (another device wrote meanwhile), while the count holds.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

describe("a watch on a mapped folder whose copy lacks another device's photos", () => {
  it('keeps them', async () => {
    const library = path.join(tempDir('shoebox-shared-'), 'library');
    const photos = tempDir('shoebox-photos-');
    const folder = path.join(photos, 'S');
    const copy = path.join(photos, 'S2');
    fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(folder, `${name}.jpg`, rgb);
    await writeColourPhoto(path.join(folder, 'sub'), 'purple.jpg', [128, 0, 128]);
    await writeColourPhoto(path.join(folder, 'sub'), 'teal.jpg', [0, 128, 128]);
    // B's copy: the folder without its subfolder (a sync that has not brought it yet).
    fs.mkdirSync(copy);
    for (const name of Object.keys(COLOURS)) {
      fs.copyFileSync(path.join(folder, `${name}.jpg`), path.join(copy, `${name}.jpg`));
      const st = fs.statSync(path.join(folder, `${name}.jpg`));
      fs.utimesSync(path.join(copy, `${name}.jpg`), st.atimeMs / 1000, st.mtimeMs / 1000);
    }

    // Device A indexes the folder at the library's path, then closes.
    const homeA = tempDir();
    const a = await openHost({ home: homeA, library });
    await jobFinished(a.events, await a.host.addFolder(folder));
    expect((await a.host.listPhotos({ limit: 100 })).photos).toHaveLength(6);
    await a.host.close();

    // Device B maps the folder to its copy while it watches: the catch-up runs on the copy.
    const b = await openHost({ home: tempDir(), library, watch: true, handBackMs: 500, followMs: 200 });
    await expect.poll(async () => (await b.host.status()).watching, { timeout: 10_000 }).toBe(true);
    await b.host.mapFolder(folder, copy);
    const line = `2 photos of ${folder} are not in this device's copy at ${copy}: kept (the device that holds the folder at its library path removes photos deleted there; shoebox index --remove-missing ${copy} removes them if they were deleted)`;
    await expect.poll(() => b.events.some((e) => e.type === 'log' && e.message === line), { timeout: 60_000 }).toBe(true);
    const listed = (await b.host.listPhotos({ limit: 100 })).photos.map((p) => path.relative(copy, p.path)).sort();
    expect(listed).toEqual(['blue.jpg', 'green.jpg', 'red.jpg', path.join('sub', 'purple.jpg'), path.join('sub', 'teal.jpg'), 'yellow.jpg']);

    // Once B has given the lock back, A adds a folder; then a photo lands in B's copy: B takes
    // the lock again and, the library changed meanwhile, catches up on every folder.
    const other = tempDir('shoebox-other-');
    await writeColourPhoto(other, 'white.jpg', [255, 255, 255]);
    const a2 = await openHost({ home: homeA, library, handBackMs: 500 });
    await vi.waitFor(async () => expect(await jobFinished(a2.events, await a2.host.addFolder(other))).toMatchObject({ state: 'done' }), { timeout: 60_000, interval: 500 });
    await a2.host.close();
    const before = b.events.length;
    await writeColourPhoto(copy, 'black.jpg', [0, 0, 0]);
    await expect.poll(() => b.events.slice(before).some((e) => e.type === 'photos-changed' && e.added > 0), { timeout: 60_000 }).toBe(true);
    // The catch-up kept the same two photos: said once, not at every catch-up.
    expect((await b.host.listPhotos({ limit: 100 })).photos).toHaveLength(8);
    expect(b.events.filter((e) => e.type === 'log' && e.message.includes("not in this device's copy"))).toHaveLength(1);
  }, 180_000);
});
