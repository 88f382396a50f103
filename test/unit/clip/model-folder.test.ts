import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelFolder } from '../../../src/core/clip/model-folder';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../../fixtures/models/paths';
import { tempDir } from '../../helpers/images';

function copyFolder(name: typeof TINY_IMMICH | typeof TINY_TRANSFORMERS): string {
  const dir = path.join(tempDir(), name);
  fs.cpSync(fixtureModelDir(name), dir, { recursive: true });
  return dir;
}

describe('reading model folders', () => {
  it('reads the Immich layout from its configs', () => {
    const folder = readModelFolder(fixtureModelDir(TINY_IMMICH));
    expect(folder.layout).toBe('immich');
    expect(folder.contextLength).toBe(16);
    expect(folder.preprocessing).toMatchObject({ size: 32, resizeMode: 'shortest', cropRounding: 'half-even' });
    expect(folder.preprocessing.mean[0]).toBeCloseTo(0.48145466);
    expect(folder.visionModelPath.endsWith(path.join('visual', 'model.onnx'))).toBe(true);
  });

  it('reads the Transformers.js layout from its configs', () => {
    const folder = readModelFolder(fixtureModelDir(TINY_TRANSFORMERS));
    expect(folder.layout).toBe('transformers');
    expect(folder.contextLength).toBe(16);
    expect(folder.preprocessing).toMatchObject({ size: 32, resizeMode: 'shortest', cropRounding: 'floor' });
    expect(path.basename(folder.textModelPath)).toBe('text_model.onnx');
  });

  it.each([
    [TINY_IMMICH, 'textual/tokenizer.json'],
    [TINY_IMMICH, 'visual/preprocess_cfg.json'],
    [TINY_TRANSFORMERS, 'preprocessor_config.json'],
    [TINY_TRANSFORMERS, 'onnx/vision_model.onnx'],
  ] as const)('%s without %s fails naming the file', (name, file) => {
    const dir = copyFolder(name);
    fs.rmSync(path.join(dir, file));
    expect(() => readModelFolder(dir)).toThrow(`missing ${file}`);
  });

  it('names a config that is not JSON', () => {
    const dir = copyFolder(TINY_IMMICH);
    fs.writeFileSync(path.join(dir, 'config.json'), '{ not json');
    expect(() => readModelFolder(dir)).toThrow(/config\.json: not valid JSON/);
  });

  it('names an inconsistent preprocessing config', () => {
    const dir = copyFolder(TINY_IMMICH);
    const file = path.join(dir, 'visual/preprocess_cfg.json');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), mean: [0.5, 0.5] }));
    expect(() => readModelFolder(dir)).toThrow(/preprocess_cfg\.json has no valid "mean"/);
  });

  it('refuses a folder that is not a model', () => {
    expect(() => readModelFolder(tempDir())).toThrow(/not a CLIP model folder/);
    expect(() => readModelFolder('/nonexistent/model')).toThrow(/model folder not found/);
  });
});
