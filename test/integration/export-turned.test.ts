// Exporting photos the user turned, as the app and the CLI do it: a JPEG's copy shows turned
// in any viewer (its EXIF orientation; the original untouched), a PNG's copy and links show as
// their files do, and the result says which. Real LanceDB, tiny model, the real bin.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { shoebox } from '../cli/run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { useApiHosts } from '../helpers/api-host';
import { tempDir, writeRedLeftBlueRight } from '../helpers/images';

/** How a viewer shows the file (EXIF orientation applied): its size and where its red half is. */
async function shown(file: string): Promise<{ width: number; height: number; red: string }> {
  const { data, info } = await sharp(file, { autoOrient: true }).raw().toBuffer({ resolveWithObject: true });
  const red = (x: number, y: number) => data[(Math.floor(y) * info.width + Math.floor(x)) * info.channels]! > 128;
  const [w, h] = [info.width, info.height];
  const side = red(w * 0.1, h * 0.1) && red(w * 0.9, h * 0.1) ? 'top' : red(w * 0.1, h * 0.1) && red(w * 0.1, h * 0.9) ? 'left' : red(w * 0.9, h * 0.1) ? 'right' : 'bottom';
  return { width: w, height: h, red: side };
}

describe('exporting turned photos', () => {
  const openHost = useApiHosts();

  it('through the app: copies show as Shoebox shows them where the format allows, and the rest is named', async () => {
    const dir = tempDir('shoebox-export-turned-');
    const jpeg = await writeRedLeftBlueRight(path.join(dir, 'flag.jpg'));
    const png = path.join(dir, 'flag.png');
    await sharp(jpeg).png().toFile(png);
    const original = fs.readFileSync(jpeg);
    const { host } = await openHost();
    await host.indexNow([dir]);
    const ids = (await host.timeline({ limit: 10 })).photos.map((p) => p.id);
    expect(await host.rotatePhotos(ids, 1)).toMatchObject({ done: 2 });

    const copies = path.join(tempDir('shoebox-export-turned-out-'), 'copies');
    const report = await host.exportPhotos(ids, copies, true);
    expect(report).toMatchObject({ exported: 2, turned: 1, unturned: [png], failed: [] });
    expect(await shown(path.join(copies, 'flag.jpg'))).toEqual({ width: 480, height: 640, red: 'top' });
    expect(await shown(path.join(copies, 'flag.png'))).toEqual({ width: 640, height: 480, red: 'left' });
    expect(fs.readFileSync(jpeg).equals(original)).toBe(true);

    const links = path.join(tempDir('shoebox-export-turned-out-'), 'links');
    expect(await host.exportPhotos(ids, links)).toMatchObject({ exported: 2, turned: 0, unturned: expect.arrayContaining([jpeg, png]) });
  }, 120_000);

  it('from the CLI: `albums export --copy` writes the turned copy and says what it could not turn', async () => {
    const dir = tempDir('shoebox-export-turned-cli-');
    const jpeg = await writeRedLeftBlueRight(path.join(dir, 'flag.jpg'));
    const home = tempDir();
    const model = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...model, dir)).code).toBe(0);
    expect((await run('albums', 'create', ...model, 'flags', '--query', 'a flag', '--threshold', '0.99')).code).toBe(0);
    expect((await run('albums', 'pin', ...model, 'flags', jpeg)).code).toBe(0);
    expect((await run('rotate', ...model, '180', jpeg)).code).toBe(0);
    const out = path.join(tempDir(), 'out');
    const copied = await run('albums', 'export', ...model, '--copy', 'flags', out);
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stdout).toBe(`1 exported, 0 already there, 0 failed -> ${out} (1 copied turned, as Shoebox shows them)\n`);
    expect((await shown(path.join(out, 'flag.jpg'))).red).toBe('right');
    const linked = await run('albums', 'export', ...model, 'flags', path.join(tempDir(), 'links'));
    expect(linked.stdout).toMatch(/\n1 turned photo is linked as its file shows it: export with --copy to keep the turn\n$/);
  }, 120_000);
});
