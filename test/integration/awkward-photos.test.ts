// Every awkward-but-valid photo is indexed with the right dimensions; every bad file is
// reported with a one-line reason, and the run still completes.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import { writeAwkwardPhotos, type AwkwardPhoto } from '../fixtures/photos/awkward';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';

const lib = openLibrary({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test' });
afterAll(() => lib.close());

describe('indexing awkward photos', () => {
  it('indexes each valid one and reports each bad one with a reason', async () => {
    const dir = tempDir('shoebox-awkward-');
    const corpus: AwkwardPhoto[] = await writeAwkwardPhotos(dir);
    const summary = await lib.index([dir]);
    const indexed = new Map((await lib.listPhotos()).map((p) => [p.path, p]));
    const failed = new Map(summary.failed.map((f) => [f.path, f.reason]));

    for (const photo of corpus.filter((p) => p.expect === 'ok')) {
      const row = indexed.get(path.resolve(photo.file));
      expect(row, `${photo.note}: ${failed.get(path.resolve(photo.file))}`).toBeDefined();
      if (photo.width) expect([row!.width, row!.height], photo.note).toEqual([photo.width, photo.height]);
    }
    for (const photo of corpus.filter((p) => p.expect === 'fail')) {
      const reason = failed.get(path.resolve(photo.file));
      expect(reason, photo.note).toBeTruthy();
      expect(reason, photo.note).not.toContain('\n');
    }
    expect(summary.failed).toHaveLength(corpus.filter((p) => p.expect === 'fail').length);
  });
});
