// `shoebox index` after a switch to a model that has not embedded the photos: they were in the
// library already, so the run says they are new to this model, not added; a new photo is
// still added, and one edited since is updated. The CLI in this process (run-cli.ts), the two tiny fixture models.
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const FIRST = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const OTHER = ['--model-dir', fixtureModelDir(TINY_TRANSFORMERS)];

describe('shoebox index under a model that has not embedded the photos', () => {
  it('counts them as new to this model, not as added', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
    const n = Object.keys(COLOURS).length;
    expect(JSON.parse((await run('index', ...FIRST, '--json', photos)).stdout)).toMatchObject({ added: n, newToModel: 0, embedded: n });

    await writeColourPhoto(photos, 'late.jpg', [10, 200, 30]);
    // Edited since the first model indexed it: updated, not new to the model.
    await writeColourPhoto(photos, 'red.jpg', [200, 60, 60]);
    const other = await run('index', ...OTHER, photos);
    expect(other.code).toBe(0);
    expect(other.stdout).toMatch(new RegExp(`^${n + 1} files: 1 added, ${n - 1} new to this model, 1 updated, 0 unchanged, 0 removed, ${n + 1} embedded, 0 failed`));
    expect(JSON.parse((await run('index', ...FIRST, '--json', photos)).stdout)).toMatchObject({ added: 0, newToModel: 1, updated: 1, unchanged: n - 1, embedded: 2 });
  });
});
