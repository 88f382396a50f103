// A search waits on the text worker (its query; the first time, the calibration's captions):
// image batches (indexing) wait until the text requests in flight are answered, since beside
// them the text worker's one thread got so small a share of the cores that a first search
// during a first index took minutes. Real workers, the tiny fixture model.
import { afterAll, describe, expect, it } from 'vitest';
import { ClipModel } from '../../src/core/clip/clip-model';
import { NULL_CAPTIONS } from '../../src/core/search/null-captions';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';

describe('text before image batches', () => {
  const clip = ClipModel.open(fixtureModelDir(TINY_IMMICH), { provider: 'cpu' });
  afterAll(() => clip.close());

  it('runs an image batch only once the text requests in flight are answered', async () => {
    await Promise.all([clip.warmUp('text'), clip.warmUp('vision')]);
    const size = clip.folder.preprocessing.size;
    const order: string[] = [];
    const texts = clip.embedTexts(Array.from({ length: 8 }, () => NULL_CAPTIONS).flat()).then(() => order.push('text'));
    const image = clip.embedPixels(new Float32Array(3 * size * size), 1).then(() => order.push('image'));
    await Promise.all([texts, image]);
    expect(order).toEqual(['text', 'image']);
  });
});
