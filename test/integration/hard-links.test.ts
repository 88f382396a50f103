// One real file is one photo: a file with several names (hard links) is indexed once, however
// many of its names lie in the library folders, and stays while any of them is there.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const open: LibraryService[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

function library(): LibraryService {
  const lib = openLibrary({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test', emit: () => {} });
  open.push(lib);
  return lib;
}

describe('hard links', () => {
  it('a photo with two names in a library folder is one photo', async () => {
    const root = tempDir('shoebox-hardlink-');
    const photo = await writeColourPhoto(root, 'photo.jpg', COLOURS.red!);
    await writeColourPhoto(root, 'other.jpg', COLOURS.blue!);
    fs.mkdirSync(path.join(root, 'album'));
    fs.linkSync(photo, path.join(root, 'album', 'same photo.jpg'));
    const lib = library();
    expect(await lib.index([root])).toMatchObject({ scanned: 2, added: 2 });
    expect((await lib.listPhotos()).length).toBe(2);
    expect(await lib.index()).toMatchObject({ unchanged: 2, added: 0, removed: 0 });
  });

  it('names in two library folders are one photo, which stays when one name is deleted', async () => {
    const a = tempDir('shoebox-hardlink-a-');
    const b = tempDir('shoebox-hardlink-b-');
    const photo = await writeColourPhoto(a, 'photo.jpg', COLOURS.green!);
    await writeColourPhoto(a, 'other.jpg', COLOURS.blue!); // so that neither folder is left empty
    await writeColourPhoto(b, 'third.jpg', COLOURS.red!);
    fs.linkSync(photo, path.join(b, 'photo link.jpg'));
    const lib = library();
    await lib.index([a, b]);
    const rows = (await lib.listPhotos()).filter((p) => p.path.includes('photo'));
    expect(rows.length).toBe(1);
    // The name that was indexed goes; the file is still there under its other name.
    fs.rmSync(rows[0]!.path);
    expect(await lib.index()).toMatchObject({ embedded: 0 });
    expect((await lib.listPhotos()).filter((p) => p.path.includes('photo')).length).toBe(1);
  });
});
