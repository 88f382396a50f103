// A model's id is its folder's name, and macOS and Windows do not tell names apart by case:
// `--id TINY-IMMICH` beside an installed `tiny-immich` would be the same folder there, and
// `--id VIT-B-32-OPENAI` would pass for the catalog's `vit-b-32-openai`. So `models import`
// compares ids ignoring case, and refuses both as it refuses the catalog id itself: one line
// naming the id it clashes with, exit 2, nothing installed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TINY_IMMICH, fixtureModelDir } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { shoebox } from './run-cli';

const models = (home: string) => fs.readdirSync(path.join(home, 'models')).filter((name) => !name.startsWith('.'));

describe('shoebox models import with an id that differs only in case', () => {
  it("is refused when it is a catalog model's id in another case, naming the catalog id", async () => {
    const home = tempDir();
    const res = await shoebox(['--home', home, 'models', 'import', fixtureModelDir(TINY_IMMICH), '--id', 'VIT-B-32-OPENAI']);
    expect(res.code, res.stderr).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe(
      'shoebox: "VIT-B-32-OPENAI" is a catalog model\'s id ("vit-b-32-openai", ignoring case): an imported folder needs a name of its own, e.g. --id vit-b-32-openai-imported (to get the catalog\'s model, shoebox models install vit-b-32-openai)\n',
    );
    expect(fs.existsSync(path.join(home, 'models', 'VIT-B-32-OPENAI'))).toBe(false);
  });

  it("is refused when the folder's name is a catalog id in another case", async () => {
    const home = tempDir();
    const named = path.join(tempDir(), 'Vit-B-32-OpenAI');
    fs.cpSync(fixtureModelDir(TINY_IMMICH), named, { recursive: true });
    const res = await shoebox(['--home', home, 'models', 'import', named]);
    expect(res.code, res.stderr).toBe(2);
    expect(res.stderr).toMatch(/^shoebox: "Vit-B-32-OpenAI" \(the folder's name\) is a catalog model's id \("vit-b-32-openai", ignoring case\)/);
  });

  it("is refused next to an installed model of that id in another case, naming the installed one; another id is imported", async () => {
    const home = tempDir();
    expect((await shoebox(['--home', home, 'models', 'import', fixtureModelDir(TINY_IMMICH), '--id', 'tiny-immich'])).code).toBe(0);

    const res = await shoebox(['--home', home, 'models', 'import', fixtureModelDir(TINY_IMMICH), '--id', 'TINY-IMMICH']);
    expect(res.code, res.stderr).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe(
      'shoebox: "TINY-IMMICH" differs only in case from the installed model "tiny-immich": model folders named alike are one folder on macOS and Windows; choose another id, or remove "tiny-immich" first\n',
    );
    expect(models(home)).toEqual(['tiny-immich']);

    expect((await shoebox(['--home', home, 'models', 'import', fixtureModelDir(TINY_IMMICH), '--id', 'TINY-IMMICH-2'])).code).toBe(0);
    expect(models(home).sort()).toEqual(['TINY-IMMICH-2', 'tiny-immich']);
  });
});
