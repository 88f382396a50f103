// The library end to end in-process: real LanceDB, real ONNX Runtime on the tiny colour
// model, real files in temp folders.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ImageDecodeError } from '../../src/core/clip/preprocess';
import { search, similar } from '../../src/core/search/search-service';
import { saidCounts } from '../../src/shared/moved-text';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';
import { TINY_IMMICH } from '../fixtures/models/paths';

const library = testLibrary;

async function colourFolder(): Promise<string> {
  const dir = tempDir('shoebox-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
  fs.mkdirSync(path.join(dir, 'nested', 'deeper'), { recursive: true });
  await writeColourPhoto(path.join(dir, 'nested', 'deeper'), 'red again.jpg', [200, 30, 40]);
  fs.writeFileSync(path.join(dir, 'broken.jpg'), 'not a photo');
  fs.writeFileSync(path.join(dir, 'notes.pdf'), '%PDF-1.4 not a photo either');
  return dir;
}

describe('indexing a folder', () => {
  it('indexes every photo recursively, reports the broken one and ignores non-photos', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    const s = await lib.index([photos]);
    expect(s).toMatchObject({ added: 5, embedded: 5, updated: 0, removed: 0 });
    expect(s.failed).toEqual([{ path: path.join(photos, 'broken.jpg'), reason: expect.stringMatching(/not an image/) }]);
    // A file left empty (a copy that never finished) says so, rather than "not an image".
    fs.writeFileSync(path.join(photos, 'unfinished copy.jpg'), '');
    fs.writeFileSync(path.join(photos, 'unfinished clip.mp4'), '');
    const empty = (await lib.index([photos])).failed;
    expect(empty).toContainEqual({ path: path.join(photos, 'unfinished copy.jpg'), reason: 'empty file (0 bytes)' });
    expect(empty).toContainEqual({ path: path.join(photos, 'unfinished clip.mp4'), reason: 'empty file (0 bytes)' });
    fs.rmSync(path.join(photos, 'unfinished copy.jpg'));
    fs.rmSync(path.join(photos, 'unfinished clip.mp4'));
    const listed = await lib.listPhotos();
    expect(listed.map((p) => path.basename(p.path)).sort()).toEqual(['blue.jpg', 'green.jpg', 'red again.jpg', 'red.jpg', 'yellow.jpg']);
    expect(listed.every((p) => p.width === 320 && p.height === 240 && /^[0-9a-f]{64}$/.test(p.hash))).toBe(true);
    for (const p of listed) expect(fs.existsSync(path.join(lib.paths.thumbs, p.thumbKey)), p.path).toBe(true);
  });

  it('finds photos by colour words and by example', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const { hits } = await search(lib, 'blue', { limit: 3, all: true });
    expect(path.basename(hits[0]!.path)).toBe('blue.jpg');
    const alike = (await similar(lib, path.join(photos, 'red.jpg'), { limit: 2, all: true })).hits;
    expect(alike.map((h) => path.basename(h.path)).sort()).toEqual(['red again.jpg', 'red.jpg']);
  });

  it('a re-run over an unchanged library embeds nothing', async () => {
    const photos = await colourFolder();
    const home = tempDir();
    const first = library(home);
    await first.index([photos]);
    await first.close();
    const again = await library(home).index();
    expect(again).toMatchObject({ unchanged: 5, embedded: 0, added: 0, removed: 0 });
    // The broken file is not retried while it is unchanged, but is still reported.
    expect(again.failed).toHaveLength(1);
  });

  it('retries a photo whose failure was the model\'s (its folder removed under a running watch), though it is unchanged', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const store = await lib.writable();
    const red = path.join(photos, 'red.jpg');
    const row = (await store.photosByPath([red])).get(red)!;
    await store.removePhotos([red]);
    await store.recordFailures([{ path: red, folder: photos, size: row.size, mtimeMs: row.mtimeMs, reason: 'inference failed: /home/models/x/visual/model.onnx: not a loadable ONNX model (ENOENT)', failedAt: Date.now() }]);
    const again = await lib.index();
    expect(again).toMatchObject({ added: 1, embedded: 1 });
    expect((await store.listFailures()).map((f) => f.path)).toEqual([path.join(photos, 'broken.jpg')]);
  });

  it('retries a file recorded as "unknown error" (what earlier versions wrote for a damaged JPEG) though it is unchanged', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const store = await lib.writable();
    const [broken] = await store.listFailures();
    await store.recordFailures([{ ...broken!, reason: 'unknown error' }]);
    const again = await lib.index();
    expect(again.failed).toEqual([{ path: path.join(photos, 'broken.jpg'), reason: expect.stringMatching(/not an image/) }]);
    expect((await store.listFailures()).map((f) => f.reason)).toEqual([expect.stringMatching(/not an image/)]);
  });

  it('retries a file that could not be read at the next run (permissions), or an hour later (a hung drive), though it is unchanged', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const store = await lib.writable();
    const timedOut = 'read timed out after 30 s (late.jpg did not answer: a hung network drive?)';
    const hour = 60 * 60 * 1000;
    const failures = [
      { reason: 'cannot read (permission denied, EACCES)', failedAt: Date.now() },
      { reason: timedOut, failedAt: Date.now() - 2 * hour },
      // A read that timed out a minute ago is not waited on again yet (30 s each, at every catch-up).
      { reason: timedOut, failedAt: Date.now() - 60_000 },
    ];
    for (const [i, failure] of failures.entries()) {
      const file = await writeColourPhoto(photos, `late-${i}.jpg`, [40 + 80 * i, 200, 90]);
      const st = fs.statSync(file);
      // What a run recorded while the file could not be read; it can be now (permissions fixed, drive back).
      await store.recordFailures([{ path: file, folder: photos, size: st.size, mtimeMs: Math.floor(st.mtimeMs), ...failure }]);
    }
    const again = await lib.index();
    expect(again).toMatchObject({ added: 2, embedded: 2 });
    expect((await store.listFailures()).map((f) => path.basename(f.path)).sort()).toEqual(['broken.jpg', 'late-2.jpg']);
  });

  it('retries a failed file once it changes, and re-indexes a changed photo', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    await writeColourPhoto(photos, 'broken.jpg', [90, 160, 200]); // new content: no twin to reuse
    await writeColourPhoto(photos, 'red.jpg', COLOURS.blue!, { width: 200, height: 100 });
    const s = await lib.index();
    expect(s).toMatchObject({ added: 1, updated: 1, embedded: 2, failed: [] });
    expect((await lib.status()).failed).toEqual([]);
    const red = (await lib.listPhotos()).find((p) => p.path.endsWith(`${path.sep}red.jpg`))!;
    expect([red.width, red.height]).toEqual([200, 100]);
  });

  it('a moved or renamed photo keeps its embedding; a deleted one is removed', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    fs.renameSync(path.join(photos, 'green.jpg'), path.join(photos, 'nested', 'verde.jpg'));
    fs.rmSync(path.join(photos, 'yellow.jpg'));
    const s = await lib.index();
    expect(s).toMatchObject({ embedded: 0, moved: 1, added: 1, removed: 2 });
    const names = (await lib.listPhotos()).map((p) => path.basename(p.path)).sort();
    expect(names).toEqual(['blue.jpg', 'red again.jpg', 'red.jpg', 'verde.jpg']);
  });

  it('a photo renamed and copied in one run is one move and one addition: the line says the library grew by one', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    // Both new paths hold the content of the row that went missing: only one of them is its move.
    fs.copyFileSync(path.join(photos, 'green.jpg'), path.join(photos, 'nested', 'green copy.jpg'));
    fs.renameSync(path.join(photos, 'green.jpg'), path.join(photos, 'verde.jpg'));
    const s = await lib.index();
    expect(s).toMatchObject({ embedded: 0, moved: 1, added: 2, removed: 1 });
    expect(saidCounts(s)).toEqual({ added: 1, moved: 1, removed: 0 });
    const names = (await lib.listPhotos()).map((p) => path.basename(p.path)).sort();
    expect(names).toEqual(['blue.jpg', 'green copy.jpg', 'red again.jpg', 'red.jpg', 'verde.jpg', 'yellow.jpg']);
  });

  it('looks up a twin only for content already in the library; a copy elsewhere reuses its embedding', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    const store = await lib.writable();
    const lookups = vi.spyOn(store, 'photosByHash');
    await lib.index([photos]);
    expect(lookups).not.toHaveBeenCalled(); // five new photos: nothing to look up

    const other = tempDir('shoebox-copies-');
    fs.copyFileSync(path.join(photos, 'red.jpg'), path.join(other, 'red copy.jpg'));
    await writeColourPhoto(other, 'new blue.jpg', [30, 40, 210]);
    const s = await lib.index([other]);
    expect(s).toMatchObject({ added: 2, embedded: 1 });
    expect(lookups).toHaveBeenCalledTimes(1);
    const [copy, original] = await Promise.all([store.getPhoto(path.join(other, 'red copy.jpg')), store.getPhoto(path.join(photos, 'red.jpg'))]);
    expect(copy!.vector).toEqual(original!.vector);
  });

  it('copies met in one run are embedded once: each copy gets the first one\'s row', async () => {
    const photos = await colourFolder();
    const names = Object.keys(COLOURS).map((c) => `${c}.jpg`);
    for (const backup of ['backup', 'backup 2']) {
      fs.mkdirSync(path.join(photos, backup));
      for (const name of names) fs.copyFileSync(path.join(photos, name), path.join(photos, backup, name));
    }
    const lib = library(tempDir());
    const store = await lib.writable();
    const s = await lib.index([photos]);
    expect(s).toMatchObject({ added: 5 + 2 * names.length, embedded: 5, updated: 0 });
    for (const name of names) {
      const rows = await Promise.all(['', 'backup', 'backup 2'].map((dir) => store.getPhoto(path.join(photos, dir, name))));
      expect(rows.every((r) => r !== null), name).toBe(true);
      expect(rows[1]!.vector, name).toEqual(rows[0]!.vector);
      expect(rows[2]!.vector, name).toEqual(rows[0]!.vector);
      expect(new Set(rows.map((r) => r!.thumbKey)).size, name).toBe(1);
    }
    const again = await lib.index();
    expect(again).toMatchObject({ unchanged: 5 + 2 * names.length, embedded: 0 });
  });

  it('when the first of several copies fails to decode, the copies are embedded themselves', async () => {
    const photos = tempDir('shoebox-photos-');
    const red = await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    fs.copyFileSync(red, path.join(photos, 'red copy.jpg'));
    fs.copyFileSync(red, path.join(photos, 'red copy 2.jpg'));
    const lib = library(tempDir());
    const model = lib.clip();
    const embed = model.embedImageFiles.bind(model);
    let failed: string | undefined;
    // The first copy decoded fails as a read error would, after it was claimed as the first.
    vi.spyOn(model, 'embedImageFiles').mockImplementation((paths, onResult, options = {}) => embed(paths, onResult, {
      ...options,
      decode: async (p, i) => {
        const image = await options.decode!(p, i);
        if (image && failed === undefined) {
          failed = p;
          throw new ImageDecodeError('read error (EIO)');
        }
        return image;
      },
    }));
    const s = await lib.index([photos]);
    expect(failed).toBeDefined();
    expect(s.failed).toEqual([{ path: failed, reason: 'read error (EIO)' }]);
    expect(s).toMatchObject({ added: 2, embedded: 1 });
    expect((await lib.listPhotos()).map((p) => p.path).sort()).toEqual([red, path.join(photos, 'red copy.jpg'), path.join(photos, 'red copy 2.jpg')].filter((p) => p !== failed).sort());
  });

  it('removing a folder drops its photos but never touches the files', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    await lib.removeFolder(photos);
    expect(await lib.listPhotos()).toEqual([]);
    expect(await lib.listFolders()).toEqual([]);
    expect(fs.existsSync(path.join(photos, 'red.jpg'))).toBe(true);
  });

  it('status counts photos, failures and pending files', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    await writeColourPhoto(photos, 'new.jpg', COLOURS.yellow!);
    const status = await lib.status();
    expect(status).toMatchObject({ photos: 5, pending: 1, model: TINY_IMMICH, folders: [{ path: photos, photos: 5 }] });
    expect(status.failed).toHaveLength(1);
  });

  it('a second writer on the same home is refused with "library busy"', async () => {
    const photos = await colourFolder();
    const home = tempDir();
    const first = library(home);
    await first.index([photos]);
    const second = library(home);
    await expect(second.index()).rejects.toThrow(/library busy/);
    // Readers are never blocked.
    expect(await second.listPhotos()).toHaveLength(5);
  });

  it('never follows a symlink loop', async () => {
    const photos = await colourFolder();
    fs.symlinkSync(photos, path.join(photos, 'nested', 'loop'));
    const lib = library(tempDir());
    const s = await lib.index([photos]);
    expect(s.added).toBe(5);
  });
});
