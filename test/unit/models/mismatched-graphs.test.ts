// A model folder whose image and text graphs are not one CLIP model (graphs of two sizes, a
// text graph as the image one, a config.json size the graphs do not give) is refused where it
// would become a model (import, --model-dir) in one line naming the sizes or the wrong input,
// and one already installed is refused by search and index in that line, instead of embedding
// every photo at one size and searching at another, which found nothing and looped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelManager } from '../../../src/core/models/model-manager';
import { activeModelState } from '../../../src/core/models/active-model';
import { chooseModel } from '../../../src/core/library/model-choice';
import { updateSettings } from '../../../src/core/settings';
import { TINY_IMMICH, TINY_WIDE_IMMICH, fixtureModelDir } from '../../fixtures/models/paths';

let tmp: string;
let home: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-mismatched-'));
  home = path.join(tmp, 'home');
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** tiny-immich (4-d) with one file replaced from `from`, as `models import` would be given it. */
function brokenFolder(name: string, file: string, from: string): string {
  const dir = path.join(tmp, 'broken', name);
  fs.cpSync(fixtureModelDir(TINY_IMMICH), dir, { recursive: true });
  fs.copyFileSync(from, path.join(dir, ...file.split('/')));
  return dir;
}

const mixed = () => brokenFolder('mixed', 'visual/model.onnx', path.join(fixtureModelDir(TINY_WIDE_IMMICH), 'visual/model.onnx'));

describe('a model folder whose graphs are not one CLIP model', () => {
  it('import refuses image and text graphs of two sizes, naming both, and installs nothing', async () => {
    const dir = mixed();
    const manager = new ModelManager({ home });
    await expect(manager.import(dir)).rejects.toThrow(`${dir}: visual/model.onnx gives 8-d embeddings, textual/model.onnx 4-d: not one CLIP model`);
    expect(fs.existsSync(manager.modelDir('mixed'))).toBe(false);
    expect(manager.active()).toBeNull();
  });

  it('import refuses a text graph given as the image one', async () => {
    const dir = brokenFolder('textvis', 'visual/model.onnx', path.join(fixtureModelDir(TINY_IMMICH), 'textual/model.onnx'));
    await expect(new ModelManager({ home }).import(dir)).rejects.toThrow(/visual\/model\.onnx takes .*not an image \[batch, 3, H, W\]: a text graph/);
  });

  it('import refuses a config.json that declares another size than the graphs give', async () => {
    const dir = path.join(tmp, 'cfg8');
    fs.cpSync(fixtureModelDir(TINY_IMMICH), dir, { recursive: true });
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...config, embed_dim: 8 }));
    await expect(new ModelManager({ home }).import(dir)).rejects.toThrow(`${dir}: config.json declares 8-d embeddings, but visual/model.onnx gives 4-d`);
  });

  it('a consistent model still imports', async () => {
    const result = await new ModelManager({ home }).import(fixtureModelDir(TINY_IMMICH));
    expect(result).toMatchObject({ id: TINY_IMMICH, activated: true });
  });

  it('one installed before this check is not active: search and index say why, in the same line', () => {
    const manager = new ModelManager({ home });
    fs.cpSync(mixed(), manager.modelDir('mixed'), { recursive: true });
    updateSettings(home, { activeModel: 'mixed' });
    const state = activeModelState(home);
    expect(state.kind).toBe('unusable');
    expect(state.kind === 'unusable' && state.problem).toContain('visual/model.onnx gives 8-d embeddings, textual/model.onnx 4-d: not one CLIP model');
    expect(manager.list().find((m) => m.id === 'mixed')).toMatchObject({ installed: false, problem: expect.stringContaining('not one CLIP model') });
  });

  it('--model-dir refuses such a folder before anything is embedded with it', () => {
    const dir = mixed();
    const source = { active: () => null, installedDir: () => null };
    expect(() => chooseModel(source, { modelDir: dir })).toThrow(`${dir}: visual/model.onnx gives 8-d embeddings, textual/model.onnx 4-d: not one CLIP model`);
    expect(chooseModel(source, { modelDir: fixtureModelDir(TINY_IMMICH) })).toMatchObject({ id: TINY_IMMICH });
  });
});
