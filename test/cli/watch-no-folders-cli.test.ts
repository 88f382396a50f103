// `shoebox watch` on a library with no folders yet (a fresh home) says how to add one, and does
// not hold the writer lock meanwhile: the user's next step, `shoebox index DIR`, goes through at
// once (it was refused "library busy" for 30 s), and the watch follows the folder it added.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { shoebox, startShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

describe('shoebox watch with no library folders', () => {
  it('says how to add one, lets index add it, then follows it', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const watch = startShoebox(['--home', home, 'watch', ...MODEL]);
    children.push(watch);
    let stdout = '';
    let stderr = '';
    watch.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    watch.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await expect.poll(() => stderr, { timeout: 30_000 }).toContain('shoebox: watch: no folders yet: shoebox index DIR adds one; watch follows it');
    expect(stdout).not.toContain('watching 0 folders');

    const index = await shoebox(['--home', home, 'index', photos, ...MODEL]);
    expect(index.stderr).not.toContain('library busy');
    expect(index.code).toBe(0);

    // Followed: a photo saved there later is indexed by the watch.
    await expect.poll(() => stdout, { timeout: 40_000, interval: 500 }).toContain('watching');
    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
    await expect.poll(() => stdout, { timeout: 40_000, interval: 500 }).toMatch(/1 added/);
  }, 120_000);
});
