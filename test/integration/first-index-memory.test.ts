// A first index needs only the vision session: the text session (~340 MB resident for
// ViT-B/32) must not be loaded just to learn the embedding size when the photos table is
// created, or it stays in memory for the whole run (issue #12, peak RSS while indexing).
// Shown with a text model that cannot load: the index must not need it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClipModel } from '../../src/core/clip/clip-model';
import { openLibrary } from '../../src/core/engine';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

function modelWithBrokenText(): string {
  const dir = path.join(tempDir(), 'model');
  fs.cpSync(fixtureModelDir(TINY_IMMICH), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'textual/model.onnx'), Buffer.from('not an onnx model'));
  return dir;
}

describe('the embedding size', () => {
  it('comes from the vision session and matches the image embeddings', async () => {
    const model = ClipModel.open(modelWithBrokenText(), { provider: 'cpu' });
    try {
      const size = model.folder.preprocessing.size;
      const [image] = await model.embedPixels(new Float32Array(3 * size * size).fill(0.5), 1);
      expect(await model.dimension()).toBe(image!.length);
      // The text session really is unusable here, so the size cannot have come from it.
      await expect(model.embedTexts(['red'])).rejects.toThrow(/textual/);
    } finally {
      await model.close();
    }
  });
});

describe('a first index', () => {
  it('creates the library and embeds every photo without loading the text model', async () => {
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const library = openLibrary({ home: tempDir(), modelDir: modelWithBrokenText(), provider: 'cpu', command: 'test' });
    try {
      const summary = await library.index([photos]);
      expect(summary).toMatchObject({ added: Object.keys(COLOURS).length, embedded: Object.keys(COLOURS).length });
      expect(summary.failed).toEqual([]);
    } finally {
      await library.close();
    }
  });
});
