// The relevance cut-off is calibrated on the vectors the store reads and the captions the
// model's weights embed (calibration.ts). Another model imported under an id used before gets
// tables of its own (store/model-tables.ts), so it must get a calibration of its own too: with
// the first weights' statistics its searches cut at the wrong score (an upgrade tester saw
// "no photo scores above the relevance cut-off 0.90" where 0.10 was right, and a smart album
// with an automatic threshold silently changed its photos).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import { ModelManager } from '../../src/core/models/model-manager';
import { compileQuery } from '../../src/core/search/search-service';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { sharedAvailable, sharedPath } from '../helpers/shared-data';

const ID = 'mine';

// Real photos: on made-up ones both tiny models' cut-offs are at the cap (MAX_CUTOFF), and
// could not be told apart.
describe.skipIf(!sharedAvailable('photos/imagenet'))('the relevance cut-off after another model is imported under the same id', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });
  const dir = (prefix: string) => {
    const d = tempDir(prefix);
    made.push(d);
    return d;
  };

  /** `fixture` copied into a folder named `id` (the import takes the id from the folder's name). */
  const modelFolder = (fixture: string): string => {
    const d = path.join(dir('shoebox-cal-weights-model-'), ID);
    fs.cpSync(fixtureModelDir(fixture), d, { recursive: true });
    return d;
  };

  /** Indexes `photos` with the model at `modelDir` in `home`, then the cut-off of the query "red" (it calibrates). */
  const cutoffAfterIndex = async (home: string, modelDir: string, photos: string): Promise<number | null> => {
    const lib = openLibrary({ home, modelDir, provider: 'cpu', command: 'test' });
    try {
      await lib.index([photos]);
      return (await compileQuery(lib, 'red')).minScore;
    } finally {
      await lib.close();
    }
  };

  it("is the new weights' own, as a fresh library's, not the first weights'", async () => {
    const photos = dir('shoebox-cal-weights-photos-');
    const names = fs.readdirSync(sharedPath('photos/imagenet')).filter((n) => /\.jpe?g$/i.test(n)).sort().slice(0, 20);
    for (const n of names) fs.copyFileSync(sharedPath('photos/imagenet', n), path.join(photos, n));

    // What each model's cut-off is on these photos, each in a library of its own.
    const freshFirst = await cutoffAfterIndex(dir('shoebox-cal-weights-home-'), fixtureModelDir(TINY_IMMICH), photos);
    const freshOther = await cutoffAfterIndex(dir('shoebox-cal-weights-home-'), fixtureModelDir(TINY_TRANSFORMERS), photos);
    expect(freshOther).not.toBeCloseTo(freshFirst!, 6); // else this test could not tell them apart

    const home = dir('shoebox-cal-weights-home-');
    const models = new ModelManager({ home });
    const first = await models.import(modelFolder(TINY_IMMICH));
    expect(await cutoffAfterIndex(home, first.dir, photos)).toBeCloseTo(freshFirst!, 6);

    models.remove(ID);
    const other = await models.import(modelFolder(TINY_TRANSFORMERS));
    expect(await cutoffAfterIndex(home, other.dir, photos)).toBeCloseTo(freshOther!, 6);

    // Back to the first weights: their tables and their calibration, as they were.
    models.remove(ID);
    const back = await models.import(modelFolder(TINY_IMMICH));
    expect(await cutoffAfterIndex(home, back.dir, photos)).toBeCloseTo(freshFirst!, 6);
  }, 240_000);
});
