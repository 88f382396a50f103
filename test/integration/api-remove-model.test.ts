// Removing a model through LibraryApi, as Settings → Model does: the app had no way to remove
// one at all (only `shoebox models remove ID`), not an unused model, not a broken folder. It
// goes through the same ModelManager.remove as the command, without --force: the same
// refusals, in the same one-line errors.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApiHosts } from '../helpers/api-host';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { ModelManager } from '../../src/core/models/model-manager';

const openHost = useApiHosts();

/** A home with three imported copies of the tiny model: `in-use` active, `spare`, and `broken` with a file deleted by hand. */
async function homeWithModels(): Promise<string> {
  const home = tempDir('shoebox-remove-model-home-');
  const manager = new ModelManager({ home });
  for (const id of ['in-use', 'spare', 'broken']) await manager.import(fixtureModelDir(TINY_IMMICH), { id });
  fs.rmSync(path.join(home, 'models', 'broken', 'textual', 'tokenizer.json'));
  return home;
}

describe('removeModel', () => {
  it('removes a model not in use and a broken one, and refuses the one the library has open, naming this process', async () => {
    const home = await homeWithModels();
    const { host } = await openHost({ home, modelDir: undefined });
    expect((await host.status()).model?.id).toBe('in-use');
    const listed = async () => (await host.models()).models.filter((m) => m.source === 'imported').map((m) => m.id).sort();
    expect((await host.models()).models.find((m) => m.id === 'broken')?.broken).toBeDefined();

    expect(await host.removeModel('spare')).toEqual({ id: 'spare', removed: true, removedPartial: false, wasActive: false });
    expect(await host.removeModel('broken')).toMatchObject({ id: 'broken', removed: true });
    expect(await listed()).toEqual(['in-use']);
    expect(fs.existsSync(path.join(home, 'models', 'broken'))).toBe(false);

    // `models remove in-use` would say the same: this process has it loaded.
    await expect(host.removeModel('in-use')).rejects.toThrow(new RegExp(`^model "in-use" is in use by process ${process.pid}\\b[^\\n]*$`));
    expect(await listed()).toEqual(['in-use']);
    expect((await host.status()).model?.id).toBe('in-use');

    await expect(host.removeModel('no-such-model')).rejects.toThrow(/^model "no-such-model" is not installed$/);
  });
});
