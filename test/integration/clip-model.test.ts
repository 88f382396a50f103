// The CLIP engine end to end on the generated tiny model (real ONNX Runtime, real sharp,
// real JPEG files): colour words must find photos of that colour, in both folder layouts.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClipModel } from '../../src/core/clip/clip-model';
import { dot } from '../../src/core/clip/vectors';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const photos: Record<string, string> = {};

beforeAll(async () => {
  const dir = tempDir();
  for (const [name, rgb] of Object.entries(COLOURS)) photos[name] = await writeColourPhoto(dir, `${name}.jpg`, rgb);
});

describe.each([TINY_IMMICH, TINY_TRANSFORMERS])('ClipModel on %s', (name) => {
  let model: ClipModel;
  beforeAll(() => {
    model = ClipModel.open(fixtureModelDir(name), { provider: 'cpu', batchSize: 3 });
  });
  afterAll(() => model.close());

  it('ranks the photo of the named colour first for each colour word', async () => {
    const names = Object.keys(photos);
    const images = new Map<string, Float32Array>();
    await model.embedImageFiles(names.map((n) => photos[n]!), (r) => {
      expect(r.error).toBeUndefined();
      images.set(names[r.index]!, r.embedding!);
    });
    const texts = await model.embedTexts(names.map((n) => `a photo of ${n}`));
    for (const t of texts) {
      const ranked = [...images.entries()].sort((a, b) => dot(t.embedding, b[1]) - dot(t.embedding, a[1]));
      expect(ranked[0]![0], t.text).toBe(t.text.replace('a photo of ', ''));
    }
  });

  it('returns L2-normalised embeddings and context-length id rows', async () => {
    const [t] = await model.embedTexts(['red']);
    expect(t!.ids).toHaveLength(model.folder.contextLength);
    expect(dot(t!.embedding, t!.embedding)).toBeCloseTo(1, 5);
  });

  it('reports an unreadable file in its place and still embeds the others', async () => {
    const bad = path.join(tempDir(), 'broken.jpg');
    fs.writeFileSync(bad, 'not a jpeg');
    const results: { path: string; error?: string; ok: boolean }[] = [];
    await model.embedImageFiles([photos.red!, bad, photos.blue!], (r) => (results[r.index] = { path: r.path, error: r.error, ok: !!r.embedding }));
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]!.error).toMatch(/not a supported image/);
  });

  it('reports the provider in use', async () => {
    await model.warmUp('vision');
    expect(model.providerStatus()).toMatchObject({ inUse: 'cpu', fallbackReason: null });
  });
});

describe('a search while the library indexes', () => {
  it('is answered while an image batch is still running (text and images have their own sessions)', async () => {
    const model = ClipModel.open(fixtureModelDir(TINY_IMMICH), { provider: 'cpu' });
    try {
      await model.warmUp('vision');
      await model.warmUp('text');
      const size = model.folder.preprocessing.size;
      const count = 8192; // ~100 ms of inference on the tiny model; a text query takes ~5 ms
      const settled: string[] = [];
      const images = model.embedPixels(new Float32Array(3 * size * size * count), count).then(() => settled.push('images'));
      const text = model.embedTexts(['red']).then(() => settled.push('text'));
      await Promise.all([images, text]);
      expect(settled).toEqual(['text', 'images']);
    } finally {
      await model.close();
    }
  });
});

describe('both layouts compute the same model', () => {
  it('gives the same embeddings for the same inputs', async () => {
    const a = ClipModel.open(fixtureModelDir(TINY_IMMICH), { provider: 'cpu' });
    const b = ClipModel.open(fixtureModelDir(TINY_TRANSFORMERS), { provider: 'cpu' });
    try {
      const [ta, tb] = [await a.embedTexts(['yellow sunset']), await b.embedTexts(['yellow sunset'])];
      expect(Array.from(ta[0]!.embedding)).toEqual(Array.from(tb[0]!.embedding));
      const ia: Float32Array[] = [];
      const ib: Float32Array[] = [];
      await a.embedImageFiles([photos.green!], (r) => ia.push(r.embedding!));
      await b.embedImageFiles([photos.green!], (r) => ib.push(r.embedding!));
      // Crop rounding differs by layout (torchvision vs HF); on a near-uniform photo it cannot matter.
      expect(dot(ia[0]!, ib[0]!)).toBeGreaterThan(0.9999);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('execution provider fallback', () => {
  it('falls back to CPU with the reason when the GPU provider cannot load', async () => {
    // No CUDA libraries are installed here (npm run fetch-cuda fetches them), so CUDA fails to load.
    const model = ClipModel.open(fixtureModelDir(TINY_IMMICH), { provider: 'cuda' });
    try {
      expect(model.providerOrder).toEqual(['cuda', 'cpu']);
      const [t] = await model.embedTexts(['blue']);
      expect(t!.embedding).toHaveLength(4);
      const status = model.providerStatus();
      expect(status.inUse).toBe('cpu');
      expect(status.fallbackReason).toMatch(/^cuda failed to load: /);
    } finally {
      await model.close();
    }
  });
});

describe('a corrupt model file', () => {
  it('fails with one line naming the file, and the folder is read as it is', async () => {
    const dir = path.join(tempDir(), 'model');
    fs.cpSync(fixtureModelDir(TINY_IMMICH), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'textual/model.onnx'), Buffer.from('PK\x03\x04 definitely not onnx'));
    const model = ClipModel.open(dir, { provider: 'cpu' });
    try {
      const err = (await model.embedTexts(['red']).catch((e: unknown) => e)) as Error;
      expect(err.name).toBe('ModelFolderError');
      expect(err.message).toContain(path.join(dir, 'textual/model.onnx'));
      expect(err.message).not.toContain('\n');
    } finally {
      await model.close();
    }
  });
});
