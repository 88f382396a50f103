// An imported model, the library's, half deleted by hand (textual/tokenizer.json removed):
// status says it is incomplete or broken, with the fix that works (remove it, then import its
// folder again), not "not installed ... shoebox models import DIR", which import refused as
// "already installed"; models list shows it (broken, and why) rather than leaving it out.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { shoebox } from './run-cli';

describe('the library\'s imported model, half deleted by hand', () => {
  it('status and models list say it is broken and how to bring it back; that advice works', { timeout: 180_000 }, async () => {
    const home = tempDir('shoebox-broken-imported-');
    const photos = tempDir('shoebox-broken-imported-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const S = (...args: string[]) => shoebox(['--home', home, '--provider', 'cpu', ...args]);
    expect((await S('models', 'import', fixtureModelDir(TINY_IMMICH))).code).toBe(0);
    const indexed = await S('index', photos);
    expect(indexed.code, indexed.stderr).toBe(0);
    fs.rmSync(path.join(home, 'models', TINY_IMMICH, 'textual', 'tokenizer.json'));

    const status = await S('status');
    expect(status.code, status.stderr).toBe(0);
    const [first, second] = status.stdout.split('\n');
    expect(first).toBe('1 photo, 0 failed; embedded with tiny-immich, which is incomplete or broken on this device, so it can list the library but not search or index it');
    expect(second).toMatch(/^ {2}tiny-immich is incomplete or broken: .*missing textual\/tokenizer\.json; remove it \(shoebox models remove tiny-immich\) and import its folder again/);
    expect(status.stdout).not.toContain('not installed');

    const list = await S('models', 'list');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^\s+tiny-immich\s+broken\b/m);
    expect(list.stdout).toContain('missing textual/tokenizer.json');

    // The advice, followed: remove, then import again; searching works.
    expect((await S('models', 'remove', TINY_IMMICH)).code).toBe(0);
    expect((await S('models', 'import', fixtureModelDir(TINY_IMMICH))).code).toBe(0);
    const search = await S('search', 'red');
    expect(search.code, search.stderr).toBe(0);
  });
});
