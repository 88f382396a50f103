// A model replaced on disk under the id a running process uses (`models remove mine --force`,
// then `models import DIR --id mine`): that process keeps the build it loaded, and embeds
// nothing with the new one, until it is restarted (library/pinned-model-build.ts). `models
// import` and `models use` name it, as `use` names a process that keeps another model.
// And an import's id that names an installed model is a name clash to fix in the command:
// exit 2, the same id exactly as in another case.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { shoebox, startShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

describe('shoebox models import over an id in use', () => {
  it('names the process that keeps the earlier build, at the import and at the use', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH), '--id', 'mine')).code).toBe(0);
    expect((await run('index', photos)).code).toBe(0);

    const watch = startShoebox(['--home', home, 'watch']);
    children.push(watch);
    let out = '';
    watch.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await expect.poll(() => out, { timeout: 30_000, interval: 250 }).toMatch(/^watching 1 folder/);

    const line = `process ${watch.pid} (shoebox watch) keeps the earlier build of mine until it is restarted, and embeds nothing meanwhile\n`;
    expect((await run('models', 'remove', 'mine', '--force')).code).toBe(0);
    const imported = await run('models', 'import', fixtureModelDir(TINY_TRANSFORMERS), '--id', 'mine');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(line);
    const used = await run('models', 'use', 'mine');
    expect(used.code, used.stderr).toBe(0);
    expect(used.stdout).toContain(`mine is now the active model\n${line}`);
  }, 120_000);

  it('exits 2 for an id already installed, as for the same id in another case', async () => {
    const home = tempDir();
    const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH), '--id', 'tiny-immich')).code).toBe(0);
    const same = await run('models', 'import', fixtureModelDir(TINY_IMMICH), '--id', 'tiny-immich');
    expect([same.code, same.stdout]).toEqual([2, '']);
    expect(same.stderr).toMatch(/^shoebox: a model named "tiny-immich" is already installed in .*; choose another id or remove it first\n$/);
    const cased = await run('models', 'import', fixtureModelDir(TINY_IMMICH), '--id', 'TINY-immich');
    expect([cased.code, cased.stdout]).toEqual([2, '']);
    // The folder's name as the id: the same clash.
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH))).code).toBe(2);
  }, 60_000);
});
