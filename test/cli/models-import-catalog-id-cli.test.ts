// A folder imported under a catalog id would pass for the catalog's model: `models list` would
// show the catalog's repository and figures, and a second device sharing the library would be
// told to `models install` it, downloading a different model than the photos were embedded
// with. So `models import` refuses catalog ids (exit 2, one line, another id suggested), and a
// folder imported so by an older Shoebox is listed as imported, and never "already installed".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TINY_IMMICH, fixtureModelDir } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeManifest } from '../../src/core/models/manifest';
import { shoebox } from './run-cli';

const CATALOG_ID = 'vit-b-32-openai';

describe('shoebox models import with a catalog id', () => {
  it('is refused as a usage error naming the reason and another id, and installs nothing', async () => {
    const home = tempDir();
    const res = await shoebox(['--home', home, 'models', 'import', fixtureModelDir(TINY_IMMICH), '--id', CATALOG_ID]);
    expect(res.code, res.stderr).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe(
      `shoebox: "${CATALOG_ID}" is a catalog model's id: an imported folder needs a name of its own, e.g. --id ${CATALOG_ID}-imported (to get the catalog's model, shoebox models install ${CATALOG_ID})\n`,
    );
    expect(fs.existsSync(path.join(home, 'models', CATALOG_ID))).toBe(false);
  });

  it("is refused too when the id would come from the folder's name", async () => {
    const home = tempDir();
    const named = path.join(tempDir(), CATALOG_ID);
    fs.cpSync(fixtureModelDir(TINY_IMMICH), named, { recursive: true });
    const res = await shoebox(['--home', home, 'models', 'import', named]);
    expect(res.code, res.stderr).toBe(2);
    expect(res.stderr).toMatch(new RegExp(`^shoebox: "${CATALOG_ID}" \\(the folder's name\\) is a catalog model's id: .*--id ${CATALOG_ID}-imported`));
    // Under a name of its own it is imported.
    expect((await shoebox(['--home', home, 'models', 'import', named, '--id', `${CATALOG_ID}-imported`])).code).toBe(0);
  });
});

describe('a folder an older Shoebox imported under a catalog id', () => {
  /** What `models import DIR --id vit-b-32-openai` left before it was refused. */
  function importedUnderCatalogId(home: string): string {
    const dir = path.join(home, 'models', CATALOG_ID);
    fs.cpSync(fixtureModelDir(TINY_IMMICH), dir, { recursive: true });
    writeManifest(dir, { format: 1, id: CATALOG_ID, source: 'import', importedFrom: '/somewhere/tiny', layout: 'immich', files: [], installedAt: new Date(0).toISOString() });
    return dir;
  }

  it('is listed as imported, without the catalog entry\'s repository, languages or figures', async () => {
    const home = tempDir();
    importedUnderCatalogId(home);
    const res = await shoebox(['--home', home, 'models', 'list', '--json']);
    expect(res.code, res.stderr).toBe(0);
    const listed = (JSON.parse(res.stdout) as { models: { id: string }[] }).models.filter((m) => m.id === CATALOG_ID);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ source: 'imported', installed: true, importedFrom: '/somewhere/tiny', benchmark: null, catalogSource: null, default: false });
    expect(listed[0]).not.toHaveProperty('repo', expect.anything());
    expect(listed[0]).not.toHaveProperty('languages', expect.anything());
  });

  it('is not taken for the catalog model by install', async () => {
    const home = tempDir();
    const dir = importedUnderCatalogId(home);
    const res = await shoebox(['--home', home, 'models', 'install', CATALOG_ID]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`shoebox: "${CATALOG_ID}" in ${dir} was imported from /somewhere/tiny, not downloaded from immich-app/ViT-B-32__openai; remove it first to install the catalog's model\n`);
  });
});
