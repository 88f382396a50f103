// The model the first-run screen offers when the engine cannot list its models (useFirstModel's
// fallback, first-model-id.ts) is the one the core offers a new library (models-info.ts
// modelOffer with nothing embedded yet), so that the app does not install a different model
// from the one `shoebox status` and a later model list recommend.
import { describe, expect, it } from 'vitest';
import { modelOffer } from '../../../src/core/api/models-info';
import { findCatalogEntry } from '../../../src/core/models/catalog';
import { firstModelId } from '../../../src/renderer/components/settings/first-model-id';

describe('the model offered on a first run', () => {
  it("is the core's offer to a new library when the model list cannot be read, and installable", () => {
    const coreOffer = modelOffer([], []);
    expect(coreOffer).toMatchObject({ reason: 'recommended', bring: 'install' });
    const offered = firstModelId({ status: 'error', message: 'engine stopped' });
    expect(offered).toBe(coreOffer.id);
    expect(findCatalogEntry(offered!)).toBeDefined();
  });

  it("is the engine's offer once the list is in, and none while it is coming", () => {
    const offer = { id: 'vit-l-14', reason: 'recommended', photos: 0, bring: 'install', command: 'shoebox models install vit-l-14' } as const;
    expect(firstModelId({ status: 'ready', value: { models: [], offer } as never })).toBe('vit-l-14');
    expect(firstModelId({ status: 'ready', value: { models: [] } as never })).toBeNull();
    expect(firstModelId({ status: 'loading' })).toBeNull();
  });
});
