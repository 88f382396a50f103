// `shoebox models use B` while a running `shoebox watch` (or serve, or the app) has model A
// loaded: that process does not reread settings.json, so the switch says it keeps A until it
// is restarted, rather than leave its page searching with the old model unannounced.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { shoebox, startShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

describe('shoebox models use while another process has a model loaded', () => {
  it('names the process that keeps the old model until restarted', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH))).code).toBe(0);
    expect((await run('models', 'import', fixtureModelDir(TINY_TRANSFORMERS))).code).toBe(0);
    expect((await run('models', 'use', TINY_IMMICH)).code).toBe(0);
    expect((await run('index', photos)).code).toBe(0);

    const watch = startShoebox(['--home', home, 'watch']);
    children.push(watch);
    let out = '';
    watch.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await expect.poll(() => out, { timeout: 30_000, interval: 250 }).toMatch(/^watching 1 folder/);

    const switched = await run('models', 'use', TINY_TRANSFORMERS);
    expect(switched.code).toBe(0);
    expect(switched.stdout).toContain(`${TINY_TRANSFORMERS} is now the active model\nprocess ${watch.pid} (shoebox watch) keeps ${TINY_IMMICH} until it is restarted\n`);

    // Nobody else has a model loaded: the switch back says nothing more.
    watch.kill('SIGKILL');
    await new Promise<void>((resolve) => (watch.exitCode !== null ? resolve() : watch.once('exit', () => resolve())));
    const back = await run('models', 'use', TINY_IMMICH);
    expect(back.stdout).not.toContain('until it is restarted');
  }, 120_000);
});
