// `labels import` of a set without a label takes that label's automatic tags along under every
// model (each model tags on its own, and switching back finds none), so the count it gives,
// "dropped label yellow: N tags went with it", covers every model's, not only the one in use.
// Real LanceDB, the two tiny fixture models (other weights) on one library.
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import { TaggingService } from '../../src/core/tags/tagging-service';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const SET = { name: 'colours', labels: ['red', 'green', 'blue', 'yellow'], threshold: 0.3, margin: 0.05 };

const open: LibraryService[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

describe('a label taken out of a set tagged under two models', () => {
  it('counts the tags that went with it under both', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const tagWith = async (fixture: string): Promise<TaggingService> => {
      const lib = openLibrary({ home, modelDir: fixtureModelDir(fixture), provider: 'cpu', command: 'test' });
      open.push(lib);
      await lib.index([photos]);
      const tagging = new TaggingService(lib);
      await tagging.importLabelSet(JSON.stringify(SET), 'colours.json');
      await tagging.tagFolder('colours', photos);
      return tagging;
    };
    const first = await tagWith(TINY_IMMICH);
    const yellowUnderFirst = (await first.pathsWithTag('yellow')).length;
    await open.pop()!.close();
    const second = await tagWith(TINY_TRANSFORMERS);
    const yellowUnderSecond = (await second.pathsWithTag('yellow')).length;
    expect(yellowUnderFirst).toBeGreaterThan(0);
    expect(yellowUnderSecond).toBeGreaterThan(0);

    const { dropped } = await second.importLabelSet(JSON.stringify({ ...SET, labels: ['red', 'green', 'blue'] }), 'colours.json');
    expect(dropped).toEqual({ labels: ['yellow'], tags: yellowUnderFirst + yellowUnderSecond, decisions: 0 });
  }, 120_000);
});
