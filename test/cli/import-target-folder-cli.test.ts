// `shoebox import FROM --to DIR` where DIR is not a folder yet: a file there is one line that
// says so (not mkdir's EEXIST), and a new subfolder is made only when a file is copied into it:
// an import that copies nothing leaves no empty folder in the library (core/api/photo-import-api.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('shoebox import --to a place that is no folder yet', () => {
  it('says a file is no folder, and makes a new folder only for a copy', async () => {
    const home = tempDir();
    const library = tempDir('shoebox-import-target-library-');
    const kept = await writeColourPhoto(library, 'kept.jpg', [30, 90, 200]);
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...MODEL, library)).code).toBe(0);
    const card = tempDir('shoebox-import-target-card-');
    fs.copyFileSync(kept, path.join(card, 'IMG_0015.JPG')); // held by the library already

    const file = await run('import', ...MODEL, card, '--to', kept);
    expect(file.stderr).toBe(`shoebox: import into a folder: ${kept} is a file, not a folder\n`);
    expect(file.code).not.toBe(0);
    const under = await run('import', ...MODEL, card, '--to', path.join(kept, 'sub'));
    expect(under.stderr).toBe(`shoebox: import into a folder: ${kept} is a file, not a folder\n`);

    const newsub = path.join(library, 'newsub');
    expect(await run('import', ...MODEL, card, '--to', newsub)).toEqual({ code: 0, stdout: `no new photos or videos in ${card}: 1 photo already in the library\n`, stderr: '' });
    expect(fs.existsSync(newsub)).toBe(false);
    await writeColourPhoto(card, 'IMG_0016.JPG', [200, 40, 40]);
    expect((await run('import', ...MODEL, card, '--to', newsub)).stdout).toMatch(/^copied 1 photo into /);
    expect(fs.readdirSync(newsub)).toHaveLength(1); // its year folder
  }, 180_000);
});
