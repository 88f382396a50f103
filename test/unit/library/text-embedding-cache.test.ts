// Label text embeddings survive the process: a second run embeds nothing it embedded
// before, a torn or corrupt file costs only re-embedding, and new weights start afresh.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CachedTextEmbedder, modelFingerprint } from '../../../src/core/library/text-embedding-cache';
import { tempDir } from '../../helpers/images';

/** A stand-in text model that records what it was asked: deterministic vectors per text. */
function countingModel() {
  const asked: string[] = [];
  return {
    asked,
    async embedTexts(texts: readonly string[]) {
      asked.push(...texts);
      return texts.map((t) => ({ embedding: Float32Array.from({ length: 4 }, (_, k) => (t.length * (k + 1)) % 7) }));
    },
  };
}

describe('CachedTextEmbedder', () => {
  it('embeds each text once, across instances (runs) too, with identical vectors', async () => {
    const file = path.join(tempDir('shoebox-textcache-'), 'cache', 'm.bin');
    const first = countingModel();
    const a = await new CachedTextEmbedder(file, first).embedTexts(['a dog', 'a cat', 'a dog']);
    expect(first.asked).toEqual(['a dog', 'a cat']);
    const second = countingModel();
    const cached = new CachedTextEmbedder(file, second);
    const b = await cached.embedTexts(['a cat', 'a dog', 'an owl 🦉']);
    expect(second.asked).toEqual(['an owl 🦉']);
    expect(b[0]!.embedding).toEqual(a[1]!.embedding);
    expect(b[1]!.embedding).toEqual(a[0]!.embedding);
    const third = countingModel();
    await new CachedTextEmbedder(file, third).embedTexts(['an owl 🦉']);
    expect(third.asked).toEqual([]);
  });

  it('keeps the good records of a torn file, embeds the rest again and repairs the file', async () => {
    const file = path.join(tempDir('shoebox-textcache-'), 'm.bin');
    await new CachedTextEmbedder(file, countingModel()).embedTexts(['one', 'two', 'three']);
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, whole.length - 3)); // a crash mid-append
    const model = countingModel();
    await new CachedTextEmbedder(file, model).embedTexts(['one', 'two', 'three']);
    expect(model.asked).toEqual(['three']);
    const after = countingModel();
    await new CachedTextEmbedder(file, after).embedTexts(['one', 'two', 'three']);
    expect(after.asked).toEqual([]);
  });

  it('stops at a corrupt record instead of trusting it', async () => {
    const file = path.join(tempDir('shoebox-textcache-'), 'm.bin');
    await new CachedTextEmbedder(file, countingModel()).embedTexts(['alpha']);
    const firstRecord = fs.statSync(file).size;
    await new CachedTextEmbedder(file, countingModel()).embedTexts(['beta', 'gamma']);
    const bytes = fs.readFileSync(file);
    bytes[firstRecord + 20] = bytes[firstRecord + 20]! ^ 0xff; // inside beta's record
    fs.writeFileSync(file, bytes);
    const model = countingModel();
    const out = await new CachedTextEmbedder(file, model).embedTexts(['alpha', 'beta', 'gamma']);
    expect(model.asked).toEqual(['beta', 'gamma']);
    expect(out[1]!.embedding).toEqual((await countingModel().embedTexts(['beta']))[0]!.embedding);
  });

  it('a model folder whose weights change gets a new fingerprint', () => {
    const dir = tempDir('shoebox-model-');
    fs.mkdirSync(path.join(dir, 'textual'));
    fs.writeFileSync(path.join(dir, 'textual', 'model.onnx'), 'weights v1');
    fs.writeFileSync(path.join(dir, 'config.json'), '{}');
    const before = modelFingerprint(dir);
    expect(modelFingerprint(dir)).toBe(before);
    fs.writeFileSync(path.join(dir, 'config.json'), '{"x": 1}'); // not weights
    expect(modelFingerprint(dir)).toBe(before);
    fs.writeFileSync(path.join(dir, 'textual', 'model.onnx'), 'weights v2, longer');
    expect(modelFingerprint(dir)).not.toBe(before);
  });
});
