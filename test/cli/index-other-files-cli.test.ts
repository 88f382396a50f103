// `shoebox index` on a folder holding a file that is no photo or video (notes.md): the summary
// accounts for every file it found, the text line and --json (`otherFiles`) alike.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('index summary with a file that is no photo', () => {
  it('says the other file, so the counts add up to the files found', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-cli-others-');
    for (const name of ['red', 'green', 'blue'] as const) await writeColourPhoto(photos, `${name}.jpg`, COLOURS[name]!);
    fs.writeFileSync(path.join(photos, 'notes.md'), '# trip notes\n');
    const run = (...args: string[]) => shoebox(['--home', home, 'index', ...MODEL, ...args, photos]);
    const first = await run();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^4 files: 3 added, 0 updated, 0 unchanged, 0 removed, 3 embedded, 0 failed, 1 not a photo or video \(\d+\.\d s on \w+\)\n$/);
    const again = JSON.parse((await run('--json')).stdout) as Record<string, unknown>;
    expect(again).toMatchObject({ scanned: 4, otherFiles: 1, unchanged: 3, failed: [] });
  });
});
