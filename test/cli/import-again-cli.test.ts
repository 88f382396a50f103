// Importing a card a second time, into the same library folder or another one of the library:
// a file copied the first time that the library could not index (a JPEG cut short, noise) is
// "already in the library" as the photos are, by its content, not copied again, and named once
// as recorded unreadable: nothing says "copied" when nothing was, and `status` counts each
// unreadable file once (core/api/import-held.ts). Real LanceDB, tiny model.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { truncateCopy } from '../helpers/videos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

/** Files under `dir` named as the card's, relative paths. */
function copiesOf(dir: string, name: RegExp): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) => name.test(path.basename(p))).sort();
}

describe('shoebox import of a card imported before', () => {
  it('copies nothing again, into another library folder too, and names the unreadable copies once as recorded', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-import-again-photos-');
    await writeColourPhoto(photos, 'kept.jpg', [30, 90, 200]);
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    const card = tempDir('shoebox-import-again-card-');
    await writeColourPhoto(card, 'IMG_0001.JPG', [200, 40, 40]);
    await writeColourPhoto(card, 'IMG_0002.JPG', [40, 200, 40]);
    const big = await writeColourPhoto(tempDir(), 'big.jpg', [90, 160, 20], { width: 640, height: 480 });
    truncateCopy(big, path.join(card, 'IMG_0006.JPG'), 0.3); // cut short
    fs.writeFileSync(path.join(card, 'IMG_0007.JPG'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(3000)])); // a JPEG's start, then noise
    const imported = path.join(photos, 'imported');

    const first = await run('import', ...MODEL, card, '--to', imported);
    expect(first.stdout).toMatch(/; 2 indexed, 2 could not be indexed: IMG_000[67]\.JPG, IMG_000[67]\.JPG\n$/);
    expect(first.stdout.startsWith(`copied 4 photos into ${imported};`)).toBe(true);
    const status = async () => JSON.parse((await run('status', ...MODEL, '--json')).stdout) as { failed: { path: string }[] };
    expect((await status()).failed.map((f) => path.basename(f.path)).sort()).toEqual(['IMG_0006.JPG', 'IMG_0007.JPG']);

    const again = `no new photos or videos in ${card}: 4 photos already in the library (2 of them recorded as unreadable: IMG_0006.JPG, IMG_0007.JPG)\n`;
    // The same folder again: no "copied" anywhere, each unreadable file named once.
    expect(await run('import', ...MODEL, card, '--to', imported)).toEqual({ code: 0, stdout: again, stderr: '' });
    // The library folder above it (the app's default): the unreadable files are not copied a second time.
    expect(await run('import', ...MODEL, card, '--to', photos)).toEqual({ code: 0, stdout: again, stderr: '' });
    expect(copiesOf(photos, /^IMG_000/)).toEqual(copiesOf(imported, /^IMG_000/).map((p) => path.join('imported', p)));
    expect((await status()).failed).toHaveLength(2);
  }, 240_000);

  it('does not say "copied" of an unreadable copy an earlier, stopped import left in its day folder', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-import-left-photos-');
    await writeColourPhoto(photos, 'kept.jpg', [30, 90, 200]);
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    const card = tempDir('shoebox-import-left-card-');
    const noise = path.join(card, 'IMG_0007.JPG');
    fs.writeFileSync(noise, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(3000)]));
    const noon = new Date(2022, 1, 3, 12, 0, 0); // no EXIF: the file's day, 2022-02-03 here
    fs.utimesSync(noise, noon, noon);
    // As a stop after the copy and before the indexing leaves it: copied, never indexed nor recorded.
    const day = path.join(photos, '2022', '2022-02-03');
    fs.mkdirSync(day, { recursive: true });
    fs.copyFileSync(noise, path.join(day, 'IMG_0007.JPG'));
    const res = await run('import', ...MODEL, card, '--to', photos);
    expect(res.stderr).toMatch(/^shoebox: could not index .*IMG_0007\.JPG \(in the library folder already\): /);
    expect(res.stderr).not.toMatch(/copied/);
  }, 240_000);

  it('copies an unreadable file again when its copy in the library was deleted since: a wiped card loses nothing', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-import-gone-photos-');
    await writeColourPhoto(photos, 'kept.jpg', [30, 90, 200]);
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    const card = tempDir('shoebox-import-gone-card-');
    fs.writeFileSync(path.join(card, 'IMG_0007.JPG'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(3000)]));
    expect((await run('import', ...MODEL, card, '--to', photos)).code).toBe(0);
    const [copy] = copiesOf(photos, /^IMG_0007/);
    fs.rmSync(path.join(photos, copy!));
    const res = await run('import', ...MODEL, card, '--to', photos);
    expect(res.stdout).toMatch(/^copied 1 photo into /);
    expect(copiesOf(photos, /^IMG_0007/)).toEqual([copy]);
  }, 240_000);
});
