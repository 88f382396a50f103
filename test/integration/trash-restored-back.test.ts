// Photos moved to the trash by Shoebox (the app's "Move to trash" of a selection, the
// duplicates trash of the app and of `shoebox dupes --trash`) and restored later by the user
// come back without embedding, as a folder moved out and back does: the trash keeps their
// rows in the removed-rows cache before removing them (library/keep-removed-rows.ts).
// Real LanceDB, tiny model, a freedesktop-layout trash folder (the host's trashDir).
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import { photoId } from '../../src/core/api/photo-id';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import type { LibraryEvent } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { jobFinished } from '../helpers/api-host';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

/** A library on the tiny model; closed by the test (or after it). */
function library(home: string): LibraryService {
  const lib = openLibrary({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test' });
  open.push(lib);
  return lib;
}

async function closeAll(): Promise<void> {
  while (open.length) await open.pop()!.close();
}

async function host(home: string, trashDir: string): Promise<{ host: LibraryHost; events: LibraryEvent[] }> {
  const h = await createLibraryApi({ home, provider: 'cpu', watch: false, modelDir: fixtureModelDir(TINY_IMMICH), trashDir });
  open.push(h);
  const events: LibraryEvent[] = [];
  h.subscribe((e) => events.push(e));
  return { host: h, events };
}

/** What a user does in a file manager: every file of the trash back to its original path. */
function restoreAll(trashDir: string): string[] {
  const restored: string[] = [];
  for (const info of fs.readdirSync(path.join(trashDir, 'info'))) {
    const line = fs.readFileSync(path.join(trashDir, 'info', info), 'utf8').split('\n').find((l) => l.startsWith('Path='))!;
    const original = decodeURIComponent(line.slice('Path='.length));
    fs.renameSync(path.join(trashDir, 'files', info.replace(/\.trashinfo$/, '')), original);
    fs.rmSync(path.join(trashDir, 'info', info));
    restored.push(original);
  }
  return restored.sort();
}

/** Indexes `dir` into a fresh library at `home`; the vectors of its photos, by content. */
async function indexed(home: string, dir: string, photos: number): Promise<Map<string, Float32Array>> {
  const lib = library(home);
  expect(await lib.index([dir])).toMatchObject({ added: photos, embedded: photos });
  const vectors = await (await lib.writable()).vectorsByHash((await lib.listPhotos()).map((p) => p.hash));
  await closeAll();
  return vectors;
}

/** Indexes again after the restore: nothing embedded, every photo back with its very vector. */
async function expectTakenBack(home: string, restored: readonly string[], before: ReadonlyMap<string, Float32Array>): Promise<void> {
  const lib = library(home);
  expect(await lib.index()).toMatchObject({ added: restored.length, embedded: 0, failed: [] });
  const photos = await lib.listPhotos();
  expect(photos.map((p) => p.path).filter((p) => restored.includes(p)).sort()).toEqual([...restored]);
  const after = await (await lib.writable()).vectorsByHash(photos.map((p) => p.hash));
  expect(after.size).toBe(before.size);
  for (const [hash, vector] of before) expect([...after.get(hash)!]).toEqual([...vector]);
}

describe('photos trashed by Shoebox and restored by the user', () => {
  it('a selection moved to the trash and restored is not embedded again', async () => {
    const dir = tempDir('shoebox-restored-');
    for (const [name, rgb] of [['red', [220, 20, 20]], ['green', [20, 200, 30]], ['blue', [25, 30, 210]]] as const) await writeColourPhoto(dir, `${name}.jpg`, [...rgb]);
    const home = tempDir('shoebox-restored-home-');
    const trashDir = tempDir('shoebox-restored-trash-');
    const before = await indexed(home, dir, 3);

    const { host: h } = await host(home, trashDir);
    const gone = [path.join(dir, 'blue.jpg'), path.join(dir, 'red.jpg')];
    expect((await h.trashPhotos(gone.map(photoId))).moved.sort()).toEqual(gone);
    await closeAll();

    expect(restoreAll(trashDir)).toEqual(gone);
    await expectTakenBack(home, gone, before);
  }, 180_000);

  it('duplicates moved to the trash and restored are not embedded again', async () => {
    const dir = tempDir('shoebox-restored-dupes-');
    for (const seed of [31, 32]) {
      fs.writeFileSync(path.join(dir, `p${seed}.jpg`), await sceneJpeg(seed, 800, 600));
      await sharp(path.join(dir, `p${seed}.jpg`)).resize({ width: 400 }).jpeg({ quality: 70 }).toFile(path.join(dir, `p${seed} small.jpg`));
    }
    const home = tempDir('shoebox-restored-home-');
    const trashDir = tempDir('shoebox-restored-trash-');
    const before = await indexed(home, dir, 4);

    const { host: h, events } = await host(home, trashDir);
    expect(await jobFinished(events, await h.findDuplicates(['near']))).toMatchObject({ state: 'done' });
    const copies = [path.join(dir, 'p31 small.jpg'), path.join(dir, 'p32 small.jpg')];
    expect((await h.trashDuplicates(copies.map(photoId))).moved.sort()).toEqual(copies);
    await closeAll();

    expect(restoreAll(trashDir)).toEqual(copies);
    await expectTakenBack(home, copies, before);
  }, 180_000);
});
