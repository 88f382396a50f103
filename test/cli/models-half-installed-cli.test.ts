// A home whose settings.json names a model folder holding only config.json (a copy or an
// install that stopped halfway, a folder half-deleted by hand): status, models list and search
// agree that no model is active, status and search say so in one line naming the model and the
// command that fixes it, and that command (or installing another model) makes a model active.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeHub, readTree } from '../helpers/fake-hub';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { shoebox } from './run-cli';
import { writeManifest } from '../../src/core/models/manifest';

/** <home>/models/<id> with only config.json, named active in settings.json. */
function halfThere(id: string): string {
  const home = tempDir('shoebox-half-model-');
  const dir = path.join(home, 'models', id);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(fixtureModelDir(TINY_IMMICH), 'config.json'), path.join(dir, 'config.json'));
  fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ activeModel: id }));
  return home;
}

async function activeListed(home: string): Promise<string[]> {
  const res = await shoebox(['--home', home, 'models', 'list', '--json']);
  expect(res.code, res.stderr).toBe(0);
  return (JSON.parse(res.stdout) as { models: { id: string; active: boolean }[] }).models.filter((m) => m.active).map((m) => m.id);
}

/** status's and search's line about the model, which must be the same one. */
async function problemLines(home: string): Promise<{ status: string; search: string }> {
  const status = await shoebox(['--home', home, '--provider', 'cpu', 'status']);
  expect(status.code, status.stderr).toBe(0);
  const lines = status.stdout.split('\n');
  expect(lines[0]).toBe('0 photos, 0 failed; the active model cannot be used, so it can list the library but not search or index it');
  const search = await shoebox(['--home', home, '--provider', 'cpu', 'search', 'a red car']);
  expect(search.code).toBe(1);
  expect(search.stdout).toBe('');
  expect(search.stderr.split('\n')).toHaveLength(2); // one line
  return { status: lines[1]!.trim(), search: search.stderr.replace(/^shoebox: /, '').trim() };
}

describe('an active model folder holding only config.json', () => {
  it('a folder the user brought: status, models list and search agree; importing a model makes it active', { timeout: 120_000 }, async () => {
    const home = halfThere('mymodel');
    expect(await activeListed(home)).toEqual([]);
    const { status, search } = await problemLines(home);
    expect(status).toBe(search);
    expect(status).toMatch(/^the active model mymodel is incomplete or broken: .*mymodel is not a CLIP model folder/);
    expect(status).toMatch(/remove it \(shoebox models remove mymodel\) and import its folder again \(shoebox models import DIR --id mymodel\), or choose another \(shoebox models use ID\)$/);
    // models list, which shows none active, says why in the same line (text and --json alike).
    for (const json of [[], ['--json']]) {
      const list = await shoebox(['--home', home, 'models', 'list', ...json]);
      expect(list.code, list.stderr).toBe(0);
      expect(list.stderr).toBe(`shoebox: ${status}\n`);
    }

    const imported = await shoebox(['--home', home, 'models', 'import', fixtureModelDir(TINY_IMMICH), '--id', 'good']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('good is now the active model');
    expect(await activeListed(home)).toEqual(['good']);
    const after = await shoebox(['--home', home, '--provider', 'cpu', 'status']);
    expect(after.stdout.split('\n')[0]).toMatch(/; model good on cpu$/);
  });

  describe('a catalog model', () => {
    const ID = 'vit-b-32-laion2b';
    let hub: FakeHub;
    beforeEach(async () => {
      hub = await FakeHub.start();
      const files = readTree(fixtureModelDir(TINY_IMMICH));
      delete files['.stamp'];
      hub.addRepo('immich-app/ViT-B-32__laion2b-s34b-b79k', files);
    });
    afterEach(async () => {
      await hub.close();
    });

    it('downloaded, then half deleted: the advised "shoebox models install ID" downloads it again in its place and makes it active', { timeout: 120_000 }, async () => {
      const home = halfThere(ID);
      writeManifest(path.join(home, 'models', ID), { format: 1, id: ID, source: 'hub', layout: 'immich', files: [], installedAt: '2026-01-01T00:00:00.000Z' });
      const { status, search } = await problemLines(home);
      expect(status).toBe(search);
      expect(status).toMatch(new RegExp(`^the active model ${ID} is incomplete or broken: .*; reinstall it: shoebox models install ${ID}$`));

      const install = await shoebox(['--home', home, 'models', 'install', ID, '--endpoint', hub.url]);
      expect(install.code, install.stderr).toBe(0);
      expect(install.stdout).toContain(`${ID} is now the active model`);
      expect(await activeListed(home)).toEqual([ID]);
      const found = await shoebox(['--home', home, '--provider', 'cpu', 'search', 'a red car', '--json']);
      expect(found.code, found.stderr).toBe(0);
    });

    it('not downloaded by Shoebox (no manifest): install refuses it, so the advice is to remove it and install again', { timeout: 120_000 }, async () => {
      const home = halfThere(ID);
      const { status, search } = await problemLines(home);
      expect(status).toBe(search);
      expect(status).toMatch(new RegExp(`; remove it \\(shoebox models remove ${ID}\\) and install it again \\(shoebox models install ${ID}\\)$`));

      const refused = await shoebox(['--home', home, 'models', 'install', ID, '--endpoint', hub.url]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(`to install the catalog's model there, remove it first: shoebox models remove ${ID}`);
      expect(fs.readdirSync(path.join(home, 'models', ID))).toEqual(['config.json']);

      expect((await shoebox(['--home', home, 'models', 'remove', ID])).code).toBe(0);
      const install = await shoebox(['--home', home, 'models', 'install', ID, '--endpoint', hub.url]);
      expect(install.code, install.stderr).toBe(0);
      expect(await activeListed(home)).toEqual([ID]);
    });
  });
});
