// What Settings and the first-run screen are told about models (src/core/api/models-info.ts):
// the catalog's figures per model, which one is the default for a new library, and that a
// library whose settings name another model keeps it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { modelsInfo } from '../../../src/core/api/models-info';
import { CATALOG, DEFAULT_MODEL_ID } from '../../../src/core/models/catalog';
import { ModelManager } from '../../../src/core/models/model-manager';
import { updateSettings } from '../../../src/core/settings';
import { TINY_IMMICH, fixtureModelDir } from '../../fixtures/models/paths';

let home: string;

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-models-info-'));
});
afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

describe('modelsInfo', () => {
  it('a new home: nothing in use, the laion2b ViT-B/32 offered as the default, each model with its figures', () => {
    const info = modelsInfo(home, null);
    expect(info.inUse).toBeNull();
    expect(info.models.filter((m) => m.recommended).map((m) => m.id)).toEqual([DEFAULT_MODEL_ID]);
    expect(DEFAULT_MODEL_ID).toBe('vit-b-32-laion2b');
    for (const entry of CATALOG) {
      const model = info.models.find((m) => m.id === entry.id)!;
      expect(model).toMatchObject({ languages: [...entry.languages], benchmark: entry.benchmark, catalogSource: entry.source });
    }
  });

  it('a home whose settings name vit-b-32-openai keeps it in use; the default is only offered', async () => {
    // An installed model folder under the old default's id (as an install leaves it: import
    // refuses catalog ids), made active the way an older Shoebox did.
    const m = new ModelManager({ home });
    fs.cpSync(fixtureModelDir(TINY_IMMICH), m.modelDir('vit-b-32-openai'), { recursive: true });
    updateSettings(home, { activeModel: 'vit-b-32-openai' });
    expect(m.active()?.id).toBe('vit-b-32-openai');
    const info = modelsInfo(home, m.active());
    expect(info.inUse?.id).toBe('vit-b-32-openai');
    expect(info.models.filter((x) => x.active).map((x) => x.id)).toEqual(['vit-b-32-openai']);
    expect(info.models.find((x) => x.id === DEFAULT_MODEL_ID)).toMatchObject({ installed: false, active: false, recommended: true });
  });

  it('models not in the catalog carry no figures', async () => {
    const m = new ModelManager({ home });
    await m.import(fixtureModelDir(TINY_IMMICH), { id: 'mine' });
    const mine = modelsInfo(home, m.active()).models.find((x) => x.id === 'mine')!;
    expect(mine).toMatchObject({ source: 'imported', recommended: false, benchmark: null, catalogSource: null, languages: [] });
  });
});
