// The model a device with none in use is offered (ModelsInfo.offer): a shared library opened on
// a second device was offered the catalog's recommended model whatever its photos were
// embedded with, so installing it embedded every photo again. The offer is the library's own
// model: installed from the catalog, used when it is installed here, or imported from a
// terminal (`shoebox models import DIR`, as `shoebox status` says) when the catalog lacks it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { modelsInfo, otherModelOfferIn } from '../../../src/core/api/models-info';
import { NO_MODEL_ID } from '../../../src/core/library/model-choice';
import { DEFAULT_MODEL_ID } from '../../../src/core/models/catalog';
import { ModelManager } from '../../../src/core/models/model-manager';
import { TINY_IMMICH, fixtureModelDir } from '../../fixtures/models/paths';

let home: string;

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-model-offer-'));
});
afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

describe('the model offered to a device without one in use', () => {
  it('a library with nothing embedded yet: the recommended catalog model, to install', () => {
    expect(modelsInfo(home, null).offer).toEqual({ id: DEFAULT_MODEL_ID, reason: 'recommended', photos: 0, bring: 'install', command: `shoebox models install ${DEFAULT_MODEL_ID}` });
    // Tables holding no photo, or only photos listed without a model, embed nothing.
    expect(modelsInfo(home, null, null, [{ modelId: 'vit-b-32-openai', photos: 0 }, { modelId: NO_MODEL_ID, photos: 9 }]).offer).toMatchObject({ id: DEFAULT_MODEL_ID, reason: 'recommended' });
  });

  it('a library embedded with a catalog model: that model, to install, not the recommended one', () => {
    const offer = modelsInfo(home, null, null, [{ modelId: 'vit-b-32-openai', photos: 4 }]).offer;
    expect(offer).toEqual({ id: 'vit-b-32-openai', reason: 'library', photos: 4, bring: 'install', command: 'shoebox models install vit-b-32-openai' });
  });

  it('a library embedded with a model folder the catalog lacks: that model, brought with shoebox models import DIR', () => {
    const offer = modelsInfo(home, null, null, [{ modelId: TINY_IMMICH, photos: 4 }]).offer;
    expect(offer).toEqual({ id: TINY_IMMICH, reason: 'library', photos: 4, bring: 'import', command: 'shoebox models import DIR' });
  });

  it('several models: the one with the most photos; between equals, the one this device can bring most easily', () => {
    const tables = [{ modelId: TINY_IMMICH, photos: 3 }, { modelId: 'vit-b-32-openai', photos: 7 }];
    expect(modelsInfo(home, null, null, tables).offer).toMatchObject({ id: 'vit-b-32-openai', photos: 7 });
    const equal = [{ modelId: TINY_IMMICH, photos: 7 }, { modelId: 'vit-b-32-openai', photos: 7 }];
    expect(modelsInfo(home, null, null, equal).offer).toMatchObject({ id: 'vit-b-32-openai', bring: 'install' });
  });

  it('installed here: used when not chosen, waited for when it is (the library opens with it once it can)', async () => {
    const models = new ModelManager({ home });
    await models.import(fixtureModelDir(TINY_IMMICH), { id: 'first' }); // the first model imported is chosen
    await models.import(fixtureModelDir(TINY_IMMICH), { id: 'second' });
    expect(modelsInfo(home, null, null, [{ modelId: 'second', photos: 2 }]).offer).toEqual({ id: 'second', reason: 'library', photos: 2, bring: 'use', command: 'shoebox models use second' });
    expect(modelsInfo(home, null, null, [{ modelId: 'first', photos: 2 }]).offer).toEqual({ id: 'first', reason: 'library', photos: 2, bring: 'chosen', command: null });
  });

  it('no offer while a model is in use (the app re-embeds after a switch made on purpose)', async () => {
    const models = new ModelManager({ home });
    await models.import(fixtureModelDir(TINY_IMMICH), { id: 'mine' });
    expect(modelsInfo(home, models.active(), null, [{ modelId: 'vit-b-32-openai', photos: 4 }]).offer).toBeNull();
  });

  it('beside one in use, none while it has embedded the library, or nothing is embedded', async () => {
    const models = new ModelManager({ home });
    await models.import(fixtureModelDir(TINY_IMMICH), { id: 'mine' });
    expect(otherModelOfferIn(home, [], 'mine')).toBeNull();
    expect(otherModelOfferIn(home, [{ modelId: 'mine', photos: 4 }], 'mine')).toBeNull();
    // Half as many as another model, or more: being embedded here, not steered away.
    expect(otherModelOfferIn(home, [{ modelId: 'mine', photos: 2 }, { modelId: 'vit-b-32-openai', photos: 4 }], 'mine')).toBeNull();
  });
});

// A device whose model in use has embedded none (or few) of a library another model embedded:
// `shoebox index` with it would embed every photo again, so the core offers the library's model
// beside it too (`shoebox status` and an empty search's or album's note say it).
describe('the model offered beside one in use that has not embedded the library', () => {
  it('the model the photos are embedded with, and how to bring it', async () => {
    const models = new ModelManager({ home });
    await models.import(fixtureModelDir(TINY_IMMICH), { id: 'mine' });
    expect(otherModelOfferIn(home, [{ modelId: 'vit-b-32-openai', photos: 681 }], 'mine')).toEqual({ id: 'vit-b-32-openai', reason: 'library', photos: 681, bring: 'install', command: 'shoebox models install vit-b-32-openai' });
    // A few embedded with the model in use: still the library's model.
    expect(otherModelOfferIn(home, [{ modelId: 'mine', photos: 5 }, { modelId: 'vit-b-32-openai', photos: 681 }], 'mine')).toMatchObject({ id: 'vit-b-32-openai', photos: 681 });
    await models.import(fixtureModelDir(TINY_IMMICH), { id: 'family' });
    expect(otherModelOfferIn(home, [{ modelId: 'family', photos: 3 }], 'mine')).toEqual({ id: 'family', reason: 'library', photos: 3, bring: 'use', command: 'shoebox models use family' });
  });
});
