// What one photo is: one real file (links to it are not more photos), never Shoebox's own
// data; a watched new folder is indexed once; a stopped run says it was stopped.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import type { IndexSummary } from '../../src/core/library/index-summary';
import type { LibraryEvent } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const open: LibraryService[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

function library(home: string, emit: (e: LibraryEvent) => void = () => {}): LibraryService {
  const lib = openLibrary({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test', emit });
  open.push(lib);
  return lib;
}

async function originals(): Promise<string> {
  const dir = tempDir('shoebox-originals-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
  return dir;
}

describe('symlinks: one real file is one photo', () => {
  it('an album folder of links to library originals adds no photos; the originals are the photos', async () => {
    const photos = await originals();
    const album = tempDir('shoebox-album-');
    for (const name of ['red.jpg', 'blue.jpg']) fs.symlinkSync(path.join(photos, name), path.join(album, `link to ${name}`));
    const lib = library(tempDir());
    await lib.index([photos]);
    expect(await lib.index([album])).toMatchObject({ scanned: 2, added: 0, unchanged: 2 });
    const expected = Object.keys(COLOURS).map((n) => path.join(photos, `${n}.jpg`)).sort();
    expect((await lib.listPhotos()).map((p) => p.path).sort()).toEqual(expected);
    expect((await lib.listPhotos()).every((p) => p.folder === photos)).toBe(true);
    expect(await lib.status()).toMatchObject({ photos: 4, pending: 0 });
  });

  it('links indexed before their originals joined the library give way to the originals on the next full run', async () => {
    const photos = await originals();
    const album = tempDir('shoebox-album-');
    for (const name of ['red.jpg', 'blue.jpg']) fs.symlinkSync(path.join(photos, name), path.join(album, `link to ${name}`));
    const lib = library(tempDir());
    // The originals are not in the library yet: the links are the first paths found.
    expect(await lib.index([album])).toMatchObject({ added: 2 });
    await lib.index([photos]);
    expect(await lib.index()).toMatchObject({ removed: 2, embedded: 0 });
    const expected = Object.keys(COLOURS).map((n) => path.join(photos, `${n}.jpg`)).sort();
    expect((await lib.listPhotos()).map((p) => p.path).sort()).toEqual(expected);
  });

  it('an export of links inside a library folder is not a second copy of each photo', async () => {
    const photos = await originals();
    fs.mkdirSync(path.join(photos, 'export'));
    for (const name of Object.keys(COLOURS)) fs.symlinkSync(path.join(photos, `${name}.jpg`), path.join(photos, 'export', `${name}.jpg`));
    const lib = library(tempDir());
    expect(await lib.index([photos])).toMatchObject({ scanned: 4, added: 4 });
    expect((await lib.listPhotos()).some((p) => p.path.includes(`${path.sep}export${path.sep}`))).toBe(false);
  });

  it('a link to a file outside the library is indexed under the link', async () => {
    const outside = await originals();
    const photos = tempDir('shoebox-links-');
    fs.symlinkSync(path.join(outside, 'red.jpg'), path.join(photos, 'r.jpg'));
    fs.symlinkSync(path.join(outside, 'red.jpg'), path.join(photos, 'r again.jpg'));
    const lib = library(tempDir());
    expect(await lib.index([photos])).toMatchObject({ scanned: 1, added: 1 });
    expect((await lib.listPhotos())[0]!.folder).toBe(photos);
  });

  it('a library whose links were indexed as photos before loses the duplicates, keeping the originals', async () => {
    const photos = await originals();
    fs.mkdirSync(path.join(photos, 'export'));
    fs.symlinkSync(path.join(photos, 'red.jpg'), path.join(photos, 'export', 'red.jpg'));
    const lib = library(tempDir());
    await lib.index([photos]);
    // As an older version indexed it: the link as a photo of its own.
    const store = await lib.writable();
    const red = (await store.getPhoto(path.join(photos, 'red.jpg')))!;
    await store.upsertPhotos([{ ...red, path: path.join(photos, 'export', 'red.jpg') }]);
    expect(await lib.index()).toMatchObject({ removed: 1, unchanged: 4 });
    expect(await store.getPhoto(path.join(photos, 'red.jpg'))).not.toBeNull();
  });
});

describe("Shoebox's own data", () => {
  it('is never indexed, even when the data folder is inside a library folder', async () => {
    const top = await originals();
    const home = path.join(top, 'shoebox home');
    const lib = library(home);
    expect(await lib.index([top])).toMatchObject({ added: 4 });
    expect(fs.readdirSync(path.join(home, 'thumbs')).length).toBeGreaterThan(0);
    expect(await lib.index()).toMatchObject({ added: 0, unchanged: 4 });
    expect(await lib.status()).toMatchObject({ photos: 4, pending: 0 });
    await expect(lib.index([path.join(home, 'thumbs')])).rejects.toThrow(/Shoebox's own data/);
  });
});

describe('watch', () => {
  it('a new folder whose photos are copied in afterwards: each photo embedded once, counted once', async () => {
    const photos = await originals();
    const lib = library(tempDir());
    await lib.index([photos]);
    const summaries: IndexSummary[] = [];
    const stop = new AbortController();
    const watching = lib.watch(stop.signal, (s) => summaries.push(s));
    try {
      await expect.poll(() => summaries.length, { timeout: 20_000 }).toBe(1);
      const gen2 = path.join(photos, 'gen2');
      fs.mkdirSync(gen2);
      for (let i = 0; i < 3; i++) await writeColourPhoto(gen2, `g${i}.jpg`, [20 + i * 80, 200, 120]);
      await expect.poll(async () => (await lib.listPhotos()).length, { timeout: 30_000 }).toBe(7);
      await new Promise((r) => setTimeout(r, 1_500)); // any late batch
    } finally {
      stop.abort();
      await watching;
    }
    const later = summaries.slice(1);
    const total = (k: 'scanned' | 'added' | 'embedded') => later.reduce((n, s) => n + s[k], 0);
    expect(total('added')).toBe(3);
    expect(total('embedded')).toBe(3);
    for (const s of later) expect(s.scanned).toBeLessThanOrEqual(3);
  });
});

describe('a stopped run', () => {
  it('says it was interrupted and how many photos are left; the next run finishes them', async () => {
    const photos = tempDir('shoebox-many-');
    for (let i = 0; i < 40; i++) await writeColourPhoto(photos, `p${i}.jpg`, [(i * 37) % 256, (i * 91) % 256, (i * 53) % 256], { width: 96, height: 64 });
    // Not photos: never counted as left (status does not count them as pending either).
    for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(photos, `z-notes-${i}.tsv`), 'label\tscore\n');
    const stop = new AbortController();
    const lib = library(tempDir(), (e) => {
      if (e.type === 'index-progress' && e.progress.done < e.progress.total) stop.abort(); // Ctrl-C, a few photos in
    });
    const s = await lib.index([photos], stop.signal);
    expect(s.interrupted).toBe(true);
    expect(s.left).toBeGreaterThan(0);
    expect(s.added + s.left).toBe(40);
    expect((await lib.status()).pending).toBe(s.left);
    const rest = await lib.index();
    expect(rest).toMatchObject({ interrupted: false, left: 0, added: s.left, unchanged: s.added });
  });
});
