// photoFolders through LibraryApi on an indexed library of one folder with subfolders: the
// search's folder filter offers them (the app hid the filter for a library of one folder),
// and a photo added later shows in the counts.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';

describe('photoFolders', () => {
  let host: LibraryHost;
  let lib: string;

  beforeAll(async () => {
    lib = fs.realpathSync(tempDir('shoebox-photo-folders-'));
    for (const dir of ['animals', 'colors', 'cams/old', 'text']) fs.mkdirSync(path.join(lib, dir), { recursive: true });
    await writeColourPhoto(path.join(lib, 'animals'), 'cat.jpg', [200, 30, 30]);
    await writeColourPhoto(path.join(lib, 'colors'), 'green.jpg', [30, 200, 30]);
    await writeColourPhoto(path.join(lib, 'colors'), 'blue.jpg', [30, 30, 200]);
    await writeColourPhoto(path.join(lib, 'cams/old'), 'grey.jpg', [120, 120, 120]);
    host = await createLibraryApi({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    await host.indexNow([lib]);
  }, 120_000);

  afterAll(async () => {
    await host?.close();
  });

  it('lists the library folder and each subfolder holding photos, with their counts', async () => {
    expect(await host.photoFolders()).toEqual([
      { path: lib, photos: 4 },
      { path: path.join(lib, 'animals'), photos: 1 },
      { path: path.join(lib, 'cams'), photos: 1 },
      { path: path.join(lib, 'cams/old'), photos: 1 },
      { path: path.join(lib, 'colors'), photos: 2 },
    ]);
    // Each choice is a folder the timeline's (and search's) folder rule narrows to.
    expect((await host.timeline({ folder: path.join(lib, 'cams') })).photos.map((p) => path.basename(p.path))).toEqual(['grey.jpg']);
  });

  it('counts a photo added since', async () => {
    await writeColourPhoto(path.join(lib, 'text'), 'sign.jpg', [240, 240, 240]);
    await host.indexNow([lib]);
    const folders = await host.photoFolders();
    expect(folders.find((f) => f.path === path.join(lib, 'text'))).toEqual({ path: path.join(lib, 'text'), photos: 1 });
    expect(folders[0]).toEqual({ path: lib, photos: 5 });
  });
});
