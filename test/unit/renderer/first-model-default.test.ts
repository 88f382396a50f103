// The model the app offers when the engine cannot list its models (useFirstModel's fallback) is
// the catalog's default, from one definition (src/shared/default-model.ts): the app used to
// write the id out again, so a new default in the catalog would have left the app offering the
// old one. Here the shared id is changed, and both sides must follow it.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_MODEL_ID as CATALOG_DEFAULT, findCatalogEntry } from '../../../src/core/models/catalog';
import { firstModelId } from '../../../src/renderer/components/settings/first-model-id';

vi.mock('../../../src/shared/default-model', () => ({ DEFAULT_MODEL_ID: 'vit-b-32-openai' }));

describe('the model offered on a first run', () => {
  it('is the catalog default when the model list cannot be read, one id on both sides', () => {
    expect(CATALOG_DEFAULT).toBe('vit-b-32-openai');
    expect(firstModelId({ status: 'error', message: 'engine stopped' })).toBe(CATALOG_DEFAULT);
    expect(findCatalogEntry(CATALOG_DEFAULT)).toBeDefined();
  });

  it("is the engine's offer once the list is in, and none while it is coming", () => {
    const offer = { id: 'vit-l-14', reason: 'recommended', photos: 0, bring: 'install', command: 'shoebox models install vit-l-14' } as const;
    expect(firstModelId({ status: 'ready', value: { models: [], offer } as never })).toBe('vit-l-14');
    expect(firstModelId({ status: 'ready', value: { models: [] } as never })).toBeNull();
    expect(firstModelId({ status: 'loading' })).toBeNull();
  });
});
