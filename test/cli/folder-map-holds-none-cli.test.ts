// `folders map FOLDER PLACE` where PLACE holds none of the folder's photos (an empty folder not
// synced yet, or another folder): the mapping is made (the user may be about to sync) and the
// command says so then, not "… is PLACE on this device (4 photos)" until a later `status`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('shoebox folders map to a place without the folder\'s photos', () => {
  it('maps it and says the place holds none of them; a real copy is said as before', { timeout: 180_000 }, async () => {
    const library = path.join(tempDir('shoebox-shared-'), 'library');
    const homeA = tempDir();
    const homeB = tempDir();
    const photos = tempDir('shoebox-photos-');
    const folder = path.join(photos, 'S');
    const empty = path.join(photos, 'empty');
    const other = path.join(photos, 'other');
    const copy = path.join(photos, 'copy');
    for (const dir of [folder, empty, other]) fs.mkdirSync(dir);
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(folder, `${name}.jpg`, rgb);
    await writeColourPhoto(other, 'unrelated.jpg', [10, 20, 30]);
    const run = (home: string, args: string[]) => shoebox(['--home', home, '--library', library, ...args]);
    const index = await run(homeA, ['index', ...MODEL, folder]);
    expect(index.code, index.stderr).toBe(0);

    const toEmpty = await run(homeB, ['folders', 'map', ...MODEL, folder, empty]);
    expect(toEmpty.code, toEmpty.stderr).toBe(0);
    expect(toEmpty.stdout.trim()).toBe(`${folder} mapped, but ${empty} holds none of its 4 photos (not synced yet, or another folder?)`);
    // Mapped all the same.
    const listed = await run(homeB, ['folders', 'list', ...MODEL, '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ path: empty, libraryPath: folder })]);

    const toOther = await run(homeB, ['folders', 'map', ...MODEL, folder, other, '--json']);
    expect(toOther.code, toOther.stderr).toBe(0);
    expect(JSON.parse(toOther.stdout)).toEqual({ folder, path: other, photos: 4, holdsNone: true });

    fs.cpSync(folder, copy, { recursive: true });
    const toCopy = await run(homeB, ['folders', 'map', ...MODEL, folder, copy]);
    expect(toCopy.code, toCopy.stderr).toBe(0);
    expect(toCopy.stdout.trim()).toBe(`${folder} is ${copy} on this device (4 photos)`);
  });

  it("says it of each folder under a share's root whose new place holds none", { timeout: 180_000 }, async () => {
    const library = path.join(tempDir('shoebox-shared-'), 'library');
    const homeA = tempDir();
    const homeB = tempDir();
    const rootA = path.join(tempDir('shoebox-a-'), 'root');
    const rootB = path.join(tempDir('shoebox-b-'), 'root');
    for (const dir of ['f1', 'f2']) {
      fs.mkdirSync(path.join(rootA, dir), { recursive: true });
      fs.mkdirSync(path.join(rootB, dir), { recursive: true });
    }
    await writeColourPhoto(path.join(rootA, 'f1'), 'red.jpg', COLOURS['red']!);
    await writeColourPhoto(path.join(rootA, 'f2'), 'blue.jpg', COLOURS['blue']!);
    await writeColourPhoto(path.join(rootA, 'f2'), 'green.jpg', COLOURS['green']!);
    fs.copyFileSync(path.join(rootA, 'f1', 'red.jpg'), path.join(rootB, 'f1', 'red.jpg'));
    const run = (home: string, args: string[]) => shoebox(['--home', home, '--library', library, ...args]);
    const index = await run(homeA, ['index', ...MODEL, path.join(rootA, 'f1'), path.join(rootA, 'f2')]);
    expect(index.code, index.stderr).toBe(0);

    const mapped = await run(homeB, ['folders', 'map', ...MODEL, rootA, rootB]);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(mapped.stdout.trim().split('\n')).toEqual([
      `mapped 2 library folders under ${rootA} to ${rootB}`,
      `  ${path.join(rootA, 'f1')} is ${path.join(rootB, 'f1')} on this device (1 photo)`,
      `  ${path.join(rootA, 'f2')} mapped, but ${path.join(rootB, 'f2')} holds none of its 2 photos (not synced yet, or another folder?)`,
    ]);
  });
});
