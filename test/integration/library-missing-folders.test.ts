// A library folder that is missing (an unmounted disk, a folder moved away), unreadable, or a
// subfolder that cannot be read never empties the library: only files positively found
// missing (their directory was read and they are not in it) are removed.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import type { IndexSummary } from '../../src/core/library/index-summary';
import type { LibraryEvent } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const open: LibraryService[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (open.length) await open.pop()!.close();
});

function library(home: string, events: LibraryEvent[] = []): LibraryService {
  const lib = openLibrary({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test', emit: (e) => events.push(e) });
  open.push(lib);
  return lib;
}

/** Seven photos: four at the top, three in sub/. */
async function sevenPhotos(): Promise<string> {
  const dir = tempDir('shoebox-missing-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
  fs.mkdirSync(path.join(dir, 'sub'));
  for (let i = 0; i < 3; i++) await writeColourPhoto(path.join(dir, 'sub'), `s${i}.jpg`, [40 + i * 60, 90, 140]);
  return dir;
}

const warnings = (events: LibraryEvent[]) => events.flatMap((e) => (e.type === 'log' && e.level === 'warn' ? [e.message] : []));

describe('a library folder that is missing or cannot be read', () => {
  it('a folder moved away (unmounted) keeps its photos, is reported, and is whole again when it is back', async () => {
    const root = await sevenPhotos();
    const events: LibraryEvent[] = [];
    const lib = library(tempDir(), events);
    await lib.index([root]);
    fs.renameSync(root, `${root}.away`);
    const s = await lib.index();
    expect(s).toMatchObject({ removed: 0, unavailable: [{ path: root, reason: 'folder not found (unmounted?)', kept: 7 }] });
    expect(warnings(events)).toContain(`folder not found (unmounted?): ${root} — its 7 photos are kept`);
    expect(await lib.status()).toMatchObject({ photos: 7, folders: [{ path: root, photos: 7, unavailable: 'folder not found (unmounted?)' }] });
    fs.renameSync(`${root}.away`, root);
    expect(await lib.index()).toMatchObject({ unchanged: 7, added: 0, embedded: 0, removed: 0, unavailable: [] });
  });

  it('an unmounted mount point (an empty folder) keeps its photos', async () => {
    const root = await sevenPhotos();
    const lib = library(tempDir());
    await lib.index([root]);
    const away = tempDir('shoebox-away-');
    for (const entry of fs.readdirSync(root)) fs.renameSync(path.join(root, entry), path.join(away, entry));
    expect(await lib.index()).toMatchObject({ removed: 0, unavailable: [{ path: root, reason: 'folder is empty (unmounted?)', kept: 7 }] });
    expect((await lib.status()).photos).toBe(7);
  });

  it('a copy of a kept photo indexed in another folder leaves the kept one alone (its disk is away, not moved)', async () => {
    const root = await sevenPhotos();
    const disk = tempDir('shoebox-usb-');
    await writeColourPhoto(disk, 'usb.jpg', [200, 120, 40]);
    fs.symlinkSync(disk, path.join(root, 'usb')); // a folder on a disk, linked in
    const lib = library(tempDir());
    expect(await lib.index([root])).toMatchObject({ added: 8 });
    // The disk is unplugged (the link's target is gone), and the library folder's own disk
    // too (its mount point left empty); copies of two photos arrive in another folder.
    const away = tempDir('shoebox-away-');
    fs.renameSync(disk, `${disk}.away`);
    for (const entry of fs.readdirSync(root)) fs.renameSync(path.join(root, entry), path.join(away, entry));
    const other = tempDir('shoebox-other-');
    fs.copyFileSync(path.join(away, 'red.jpg'), path.join(other, 'red.jpg'));
    fs.copyFileSync(path.join(`${disk}.away`, 'usb.jpg'), path.join(other, 'usb.jpg'));
    expect(await lib.index([other])).toMatchObject({ added: 2, embedded: 0, removed: 0 });
    expect((await lib.status()).photos).toBe(10);
  });

  it('a subfolder that cannot be read keeps its photos; a deleted one is still removed', async () => {
    const root = await sevenPhotos();
    fs.mkdirSync(path.join(root, 'gone'));
    await writeColourPhoto(path.join(root, 'gone'), 'g.jpg', [10, 10, 10]);
    const lib = library(tempDir());
    await lib.index([root]);
    // Root runs these tests, so chmod cannot make a folder unreadable: fail its readdir instead.
    const readdir = fsp.readdir.bind(fsp);
    const sub = path.join(root, 'sub');
    vi.spyOn(fsp, 'readdir').mockImplementation(((dir: string, options: never) => {
      if (dir === sub) return Promise.reject(Object.assign(new Error(`EACCES: permission denied, scandir '${sub}'`), { code: 'EACCES' }));
      return readdir(dir, options);
    }) as typeof fsp.readdir);
    fs.rmSync(path.join(root, 'gone'), { recursive: true });
    const s = await lib.index();
    expect(s).toMatchObject({ removed: 1, unavailable: [{ path: sub, reason: 'cannot read folder (EACCES)', kept: 3 }] });
    expect((await lib.listPhotos()).map((p) => path.basename(p.path)).sort()).toEqual(['blue.jpg', 'green.jpg', 'red.jpg', 's0.jpg', 's1.jpg', 's2.jpg', 'yellow.jpg']);
  });

  it('a link whose target is gone (on a disk that is not mounted?) keeps its photo', async () => {
    const outside = tempDir('shoebox-outside-');
    const target = await writeColourPhoto(outside, 'far.jpg', COLOURS.blue!);
    const root = await sevenPhotos();
    fs.symlinkSync(target, path.join(root, 'far link.jpg'));
    const lib = library(tempDir());
    expect(await lib.index([root])).toMatchObject({ added: 8 });
    fs.renameSync(outside, `${outside}.away`);
    expect(await lib.index()).toMatchObject({ removed: 0, unavailable: [{ path: path.join(root, 'far link.jpg'), kept: 1 }] });
    // Deleting the link itself removes the photo, as for any file.
    fs.rmSync(path.join(root, 'far link.jpg'));
    expect(await lib.index()).toMatchObject({ removed: 1, unavailable: [] });
  });

  it('watch keeps the photos of a folder moved away, follows it again once it is back', async () => {
    const root = await sevenPhotos();
    const events: LibraryEvent[] = [];
    const lib = library(tempDir(), events);
    await lib.index([root]);
    const summaries: IndexSummary[] = [];
    const stop = new AbortController();
    const watching = lib.watch(stop.signal, (s) => summaries.push(s));
    try {
      await expect.poll(() => summaries.length, { timeout: 20_000 }).toBeGreaterThan(0); // the catch-up
      fs.renameSync(root, `${root}.away`);
      await expect.poll(() => summaries.some((s) => s.unavailable.some((u) => u.path === root && u.kept === 7)), { timeout: 20_000 }).toBe(true);
      expect(summaries.every((s) => s.removed === 0)).toBe(true);
      // Gone and back are told: a page refreshes its folders ("not reachable" shown, then not).
      await expect.poll(() => events.filter((e) => e.type === 'folders-changed').length, { timeout: 10_000 }).toBe(1);
      const beforeBack = summaries.length;
      fs.renameSync(`${root}.away`, root);
      await expect.poll(() => events.filter((e) => e.type === 'folders-changed').length, { timeout: 10_000 }).toBe(2);
      expect(events).toContainEqual({ type: 'log', level: 'info', message: `watch: ${root} is back: followed again` });
      // Followed again: a photo added after it came back (and was caught up on) is indexed.
      // (Its catch-up runs once the watch is on the folder again: folder-presence.ts.)
      await expect.poll(() => summaries.slice(beforeBack).some((s) => s.scanned === 7), { timeout: 30_000 }).toBe(true);
      await writeColourPhoto(root, 'after.jpg', [200, 100, 250]);
      await expect.poll(async () => (await lib.listPhotos()).length, { timeout: 30_000 }).toBe(8);
    } finally {
      stop.abort();
      await watching;
    }
    expect((await lib.status()).pending).toBe(0);
  });

  it('watch started while a folder is missing follows it once it appears', async () => {
    const root = await sevenPhotos();
    const lib = library(tempDir());
    await lib.index([root]);
    fs.renameSync(root, `${root}.away`);
    const summaries: IndexSummary[] = [];
    const stop = new AbortController();
    const watching = lib.watch(stop.signal, (s) => summaries.push(s));
    try {
      await expect.poll(() => summaries.length, { timeout: 20_000 }).toBeGreaterThan(0);
      expect(summaries[0]).toMatchObject({ removed: 0, unavailable: [{ path: root, kept: 7 }] });
      fs.renameSync(`${root}.away`, root);
      await writeColourPhoto(root, 'while away.jpg', [200, 100, 250]); // caught up on when it is back
      await expect.poll(async () => (await lib.listPhotos()).length, { timeout: 30_000 }).toBe(8);
    } finally {
      stop.abort();
      await watching;
    }
  });
});
