// `shoebox models remove` while a running `shoebox watch` (or serve, or the app) has the model
// loaded: refused in one line naming the process (exit 1), so the model is not deleted from
// under it; `--force` removes it all the same; once the process has stopped, a plain remove works.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shoebox, startShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

async function watching(home: string): Promise<ChildProcessWithoutNullStreams> {
  const watch = startShoebox(['--home', home, 'watch']);
  children.push(watch);
  let stdout = '';
  watch.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  await expect.poll(() => stdout, { timeout: 30_000, interval: 250 }).toMatch(/^watching 1 folder/);
  return watch;
}

const exited = (child: ChildProcessWithoutNullStreams) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('shoebox models remove of a model in use', () => {
  it('is refused while a watch has it loaded, works with --force or once the watch stopped', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH))).code).toBe(0);
    expect((await run('models', 'import', fixtureModelDir(TINY_TRANSFORMERS))).code).toBe(0);
    expect((await run('index', photos)).code).toBe(0);

    const watch = await watching(home);
    const refused = await run('models', 'remove', TINY_IMMICH);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`shoebox: model "${TINY_IMMICH}" is in use by process ${watch.pid} (shoebox watch); stop it first, or remove it anyway with --force\n`);
    expect(fs.existsSync(path.join(home, 'models', TINY_IMMICH))).toBe(true);
    // Another model, not loaded by anyone, goes as before.
    expect((await run('models', 'remove', TINY_TRANSFORMERS)).code).toBe(0);

    watch.kill('SIGTERM');
    await exited(watch);
    expect(await run('models', 'remove', TINY_IMMICH)).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^removed ${TINY_IMMICH}\n`)) });

    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH))).code).toBe(0);
    await watching(home);
    expect(await run('models', 'remove', '--force', TINY_IMMICH)).toMatchObject({ code: 0 });
    expect(fs.existsSync(path.join(home, 'models', TINY_IMMICH))).toBe(false);
  });
});
