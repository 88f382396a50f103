// The saved duplicates report belongs to the vectors it was measured with. A different model
// imported under an id used before gets tables of its own (store/model-tables.ts), so its
// review must not show the first model's report (its near and similar groups came from other
// vectors): it finds none and offers a scan, as with no report at all. A report saved before
// builds were told apart stays readable wherever the tables are the id's own (adopted), and
// switching back to the first weights finds their report again.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelManager } from '../../src/core/models/model-manager';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { jobFinished, useApiHosts, type OpenedHost } from '../helpers/api-host';
import { tempDir } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';

const ID = 'mine';

describe('the saved duplicates report and the weights that made its vectors', () => {
  const hosts = useApiHosts();
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });

  /** Two pictures, each with an exact copy, and a smaller version of the first. */
  const photos = async (): Promise<string> => {
    const dir = tempDir('shoebox-dupes-weights-');
    made.push(dir);
    for (let i = 0; i < 2; i++) {
      const jpeg = await sceneJpeg(200 + i, 320, 240);
      fs.writeFileSync(path.join(dir, `p${i}.jpg`), jpeg);
      fs.writeFileSync(path.join(dir, `p${i} copy.jpg`), jpeg);
      if (i === 0) await sharp(jpeg).resize({ width: 200 }).jpeg({ quality: 75 }).toFile(path.join(dir, 'p0 small.jpg'));
    }
    return dir;
  };

  /** A host on `modelDir` (whose folder name is the model's id); the photos are added the first time. */
  const opened = async (home: string, modelDir: string, photosDir: string): Promise<OpenedHost> => {
    const host = await hosts({ home, modelDir });
    if ((await host.host.listFolders()).length === 0) {
      expect(await jobFinished(host.events, await host.host.addFolder(photosDir))).toMatchObject({ state: 'done' });
    }
    return host;
  };

  const scanned = async ({ host, events }: OpenedHost) => {
    expect(await jobFinished(events, await host.findDuplicates())).toMatchObject({ state: 'done' });
    return (await host.duplicates())!;
  };

  /** `fixture` copied into a folder named `id` (a model folder without a manifest: no weights known). */
  const plainFolder = (fixture: string, id: string): string => {
    const dir = path.join(tempDir('shoebox-dupes-weights-model-'), id);
    made.push(path.dirname(dir));
    fs.cpSync(fixtureModelDir(fixture), dir, { recursive: true });
    return dir;
  };

  it('is not shown for other weights imported under the same id, and is again for the first weights', async () => {
    const home = tempDir('shoebox-dupes-weights-home-');
    made.push(home);
    const pictures = await photos();
    const models = new ModelManager({ home });

    // Before fingerprints: the report of a model whose weights are not known (no manifest).
    const legacy = await opened(home, plainFolder(TINY_IMMICH, ID), pictures);
    const first = await scanned(legacy);
    expect(first.total).toBeGreaterThan(0);
    await legacy.host.close();

    // The same model imported (its weights now known) adopts the id's tables, and with them the report.
    const imported = await models.import(plainFolder(TINY_IMMICH, ID));
    const adopted = await opened(home, imported.dir, pictures);
    expect(await adopted.host.duplicates()).toEqual(first);
    const firstWeights = await scanned(adopted);
    await adopted.host.close();

    // Another model under the same id: no report of its own yet, so a scan is offered.
    models.remove(ID);
    await models.import(plainFolder(TINY_TRANSFORMERS, ID));
    const other = await opened(home, imported.dir, pictures);
    expect(await other.host.duplicates()).toBeNull();
    expect(await scanned(other)).not.toEqual(firstWeights);
    await other.host.close();

    // Back to the first weights: their report, not the other model's.
    models.remove(ID);
    await models.import(plainFolder(TINY_IMMICH, ID));
    const back = await opened(home, imported.dir, pictures);
    expect(await back.host.duplicates()).toEqual(firstWeights);
  });
});
