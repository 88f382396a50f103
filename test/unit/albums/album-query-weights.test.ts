// A smart album with an image term keeps the image's embedding per model build (album-query.ts):
// after other weights are imported under the model's id, the library reads tables of that
// build's own (store/model-tables.ts), and the album must rank with the image's vector of those
// weights, never the first weights' vector kept under the id's own key. Entries saved before
// builds were told apart stay in use wherever the store reads the id's own tables.
import { describe, expect, it } from 'vitest';
import { albumQuery, decodeVector, encodeVector, queryImageVectors } from '../../../src/core/albums/album-query';
import { modelKey, weightsKey } from '../../../src/core/store/model-key';
import type { SearchLibrary } from '../../../src/core/search/search-library';
import { fakeLibrary, wordVectors } from '../../helpers/fakes/fake-library';
import { photoRecord, unit } from '../../helpers/fakes/fake-store';

const IMAGE = '/photos/pool.jpg';
const OLD_WEIGHTS_VECTOR = unit([1, 0, 0, 0]);
const NEW_WEIGHTS_VECTOR = unit([0, 1, 0, 0]);

/** A library whose store reads the tables of `tablesKey`, holding IMAGE embedded by the new weights. */
async function libraryReading(tablesKey: (modelId: string) => string): Promise<SearchLibrary & { modelId: string }> {
  const lib = fakeLibrary(wordVectors({}, 4), { modelId: 'mine' });
  await lib.store.upsertPhotos([photoRecord(IMAGE, NEW_WEIGHTS_VECTOR)]);
  const store = { ...lib.store, modelTablesKey: tablesKey(lib.modelId) };
  return { ...lib, readable: async () => store };
}

/** An album saved before builds were told apart: the image's vector kept under the id's own key. */
const savedBefore = (modelId: string) => ({ query: IMAGE, threshold: 0.2, queryDir: null, queryImages: { [modelKey(modelId)]: { [IMAGE]: encodeVector(OLD_WEIGHTS_VECTOR) } } });

describe("a smart album's query image after other weights are imported under the model's id", () => {
  it("ranks with the new weights' vector, not the one the first weights made", async () => {
    const lib = await libraryReading((id) => weightsKey(id, 'b'.repeat(64)));
    const { vector } = await albumQuery(lib, savedBefore(lib.modelId));
    expect([...vector]).toEqual([...NEW_WEIGHTS_VECTOR]);
  });

  it("is saved under the new build's key, the first weights' entry kept for them", async () => {
    const lib = await libraryReading((id) => weightsKey(id, 'b'.repeat(64)));
    const kept = await queryImageVectors(lib, savedBefore(lib.modelId));
    const build = weightsKey(lib.modelId, 'b'.repeat(64));
    expect([...decodeVector(kept[build]![IMAGE]!)]).toEqual([...NEW_WEIGHTS_VECTOR]);
    expect([...decodeVector(kept[modelKey(lib.modelId)]![IMAGE]!)]).toEqual([...OLD_WEIGHTS_VECTOR]);
  });

  it("still uses the entry saved before builds were told apart where the store reads the id's own tables", async () => {
    const lib = await libraryReading(modelKey);
    const { vector } = await albumQuery(lib, savedBefore(lib.modelId));
    expect([...vector]).toEqual([...OLD_WEIGHTS_VECTOR]);
  });
});
