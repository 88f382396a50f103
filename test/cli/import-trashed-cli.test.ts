// A card imported, its duplicates trashed from Shoebox (`dupes --trash`), the same card imported
// again: the trashed photo is not copied back (nor its marks with it), the summary says so and
// how to have it anyway, and `--include-trashed` copies it. A photo deleted outside Shoebox is
// still copied again: a card formatted after an import loses nothing (core/api/import-held.ts,
// library/trashed-contents.ts). Real LanceDB, tiny model, SHOEBOX_TRASH_DIR as the trash.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

/** The files under `dir` named IMG_*, by name. */
function names(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((p) => path.basename(p)).filter((n) => n.startsWith('IMG_')).sort();
}

describe('shoebox import of a card whose duplicates were trashed', () => {
  it('does not copy back what was moved to the trash from Shoebox, says so, and copies it with --include-trashed', async () => {
    const home = tempDir();
    const trashDir = tempDir('shoebox-import-trashed-trash-');
    const env = { SHOEBOX_TRASH_DIR: trashDir };
    const run = (...args: string[]) => shoebox(['--home', home, ...args], env);
    const library = tempDir('shoebox-import-trashed-library-');
    await writeColourPhoto(library, 'kept.jpg', [30, 90, 200]);
    expect((await run('index', ...MODEL, library)).code).toBe(0);
    const card = tempDir('shoebox-import-trashed-card-');
    const dcim = path.join(card, 'DCIM', '100CANON');
    fs.mkdirSync(dcim, { recursive: true });
    const picture = await sceneJpeg(21, 640, 480);
    fs.writeFileSync(path.join(dcim, 'IMG_0001.JPG'), picture);
    await sharp(picture).resize({ width: 320 }).jpeg({ quality: 80 }).toFile(path.join(dcim, 'IMG_0002.JPG')); // the same picture, smaller
    fs.writeFileSync(path.join(dcim, 'IMG_0003.JPG'), await sceneJpeg(22, 640, 480));
    const into = path.join(library, 'Imported');

    expect((await run('import', ...MODEL, card, '--to', into)).stdout).toMatch(/^copied 3 photos into /);
    const trash = await run('dupes', ...MODEL, '--trash', '--yes');
    expect(trash.code).toBe(0);
    expect(names(path.join(trashDir, 'files'))).toEqual(['IMG_0002.JPG']); // the smaller one went

    const again = await run('import', ...MODEL, card, '--to', into);
    expect(again).toEqual({
      code: 0,
      stdout: `no new photos or videos in ${card}: 2 photos already in the library, 1 photo you moved to the trash in Shoebox not imported again (to import it anyway: restore it from the trash, or run shoebox import --include-trashed)\n`,
      stderr: '',
    });
    expect(names(into)).toEqual(['IMG_0001.JPG', 'IMG_0003.JPG']);
    const json = JSON.parse((await run('import', ...MODEL, '--json', card, '--to', into)).stdout) as { trashed: string[]; trashedVideos: number; copied: string[] };
    expect(json).toMatchObject({ trashed: [path.join(dcim, 'IMG_0002.JPG')], trashedVideos: 0, copied: [] });

    // Deleted outside Shoebox: copied again (the card may have been formatted since).
    const day = path.dirname(path.join(into, (fs.readdirSync(into, { recursive: true }) as string[]).find((p) => p.endsWith('IMG_0003.JPG'))!));
    fs.rmSync(path.join(day, 'IMG_0003.JPG'));
    expect((await run('import', ...MODEL, card, '--to', into)).stdout).toMatch(/^copied 1 photo into .*, 1 photo already in the library, 1 photo you moved to the trash in Shoebox not imported again /);

    // Asked for: copied, and not held back at the next import either.
    const anyway = await run('import', ...MODEL, card, '--to', into, '--include-trashed');
    expect(anyway.stdout).toMatch(/^copied 1 photo into .*, 2 photos already in the library; 1 indexed\n$/);
    expect(names(into)).toEqual(['IMG_0001.JPG', 'IMG_0002.JPG', 'IMG_0003.JPG']);
    expect((await run('import', ...MODEL, card, '--to', into)).stdout).toBe(`no new photos or videos in ${card}: 3 photos already in the library\n`);
  }, 300_000);
});
