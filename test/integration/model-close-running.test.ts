// Closing the model while a batch runs (Ctrl-C mid-index: the CLI closes the library as the
// pipeline's last batch is still in ONNX Runtime): the batch finishes and the worker ends after
// it. Terminating the worker mid-run aborted the whole process (SIGABRT from a native exception),
// which would take this test's process with it.
import { describe, expect, it } from 'vitest';
import { ClipModel } from '../../src/core/clip/clip-model';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';

describe('closing the model while a batch runs', () => {
  it('lets the batch finish, then refuses new work', async () => {
    const model = ClipModel.open(fixtureModelDir(TINY_IMMICH), { provider: 'cpu' });
    const size = model.folder.preprocessing.size;
    // A batch large enough to take a while even for the tiny model (ViT-B/32's 8 take as long).
    const count = 8192;
    const running = model.embedPixels(new Float32Array(3 * size * size * count), count);
    let done = false;
    void running.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The close comes while the batch runs (else this test proves nothing).
    expect(done).toBe(false);
    await model.close();
    const embeddings = await running;
    expect(embeddings).toHaveLength(count);
    await expect(model.embedPixels(new Float32Array(3 * size * size), 1)).rejects.toThrow(/closed/);
  }, 120_000);
});
