// `shoebox index` on a device whose active model was removed, while another installed model
// has embedded every photo: it names that model ("shoebox models use ..."), in the same line
// as search, rather than the generic "install one", which would embed every photo again.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

describe('shoebox index without a model in use', () => {
  it('offers the installed model the library is embedded with, as search does', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
    const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH))).code).toBe(0);
    expect((await run('index', photos)).code).toBe(0);
    // A second model, used for a while, then removed while active: no model is in use.
    expect((await run('models', 'import', fixtureModelDir(TINY_TRANSFORMERS))).code).toBe(0);
    expect((await run('models', 'use', TINY_TRANSFORMERS)).code).toBe(0);
    expect((await run('models', 'remove', TINY_TRANSFORMERS)).code).toBe(0);

    const advice = `shoebox: no model: this library's photos are embedded with ${TINY_IMMICH}, installed here but not in use: shoebox models use ${TINY_IMMICH}\n`;
    const search = await run('search', 'red');
    expect(search.stderr).toBe(advice);
    const index = await run('index');
    expect(index.code).toBe(1);
    expect(index.stderr).toBe(advice);
    // With folders named too, and nothing written: the photos stay as they were.
    const again = await run('index', path.join(photos));
    expect(again.stderr).toBe(advice);
  });

  it('keeps the generic advice on a device with nothing installed and no library', async () => {
    const home = tempDir();
    const index = await shoebox(['--home', home, 'index']);
    expect(index.code).toBe(1);
    expect(index.stderr).toMatch(/^shoebox: no model: install one \(shoebox models install /);
  });
});
