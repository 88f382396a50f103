// A model id does not identify its vectors: another model imported under an id used before, or
// another build of it on a second device sharing the library, must never be handed the vectors
// the first weights made (model-tables.ts). Tables from before fingerprints are adopted as they
// are, so an upgrade embeds nothing again.
import { describe, expect, it } from 'vitest';
import { MODEL, openStore, photo, tempLibraryDir, unit } from './store-helpers';

const FIRST = 'a'.repeat(64);
const SECOND = 'b'.repeat(64);

describe('vectors of other weights under the same model id', () => {
  it('are not used: the other build starts tables of its own, and the first finds its vectors again', async () => {
    const dir = tempLibraryDir();
    const first = await openStore(dir, { model: { ...MODEL, weights: FIRST } });
    await first.upsertPhotos([photo('/p/a.jpg'), photo('/p/b.jpg', { vector: unit(0, 1, 0, 0) })]);
    await first.close();

    // Same id, same dimension, other weights: nothing to search with, everything left to embed.
    const second = await openStore(dir, { model: { ...MODEL, weights: SECOND } });
    expect((await second.photoStates()).size).toBe(0);
    expect(await second.searchVectors({ vector: unit(1, 0, 0, 0), limit: 5 })).toEqual([]);
    expect([...(await second.vectorsByHash(['hash-of-/p/a.jpg'])).keys()]).toEqual([]);
    // The library still lists its photos meanwhile, and one entry per id names the model,
    // counting what this build has embedded: none yet (model-build-counts.test.ts).
    expect(await second.countListed()).toBe(2);
    expect(await second.modelTables()).toEqual([{ modelId: MODEL.id, photos: 0 }]);
    await second.upsertPhotos([photo('/p/a.jpg', { vector: unit(0, 0, 1, 0) })]);
    await second.close();

    // A reader of the second build (status, search in another process) reads its table too.
    const reader = await openStore(dir, { model: { id: MODEL.id, weights: SECOND, dimension: 0 }, readOnly: true });
    expect([...(await reader.photoStates()).keys()]).toEqual(['/p/a.jpg']);
    await reader.close();

    // The first build (back on this device, or another device sharing the library) finds its own, untouched.
    const back = await openStore(dir, { model: { ...MODEL, weights: FIRST } });
    expect([...(await back.photoStates()).keys()].sort()).toEqual(['/p/a.jpg', '/p/b.jpg']);
    expect((await back.searchVectors({ vector: unit(1, 0, 0, 0), limit: 1 }))[0]?.path).toBe('/p/a.jpg');
  });

  it('a table from before fingerprints is adopted by the first build that opens it, without embedding again', async () => {
    const dir = tempLibraryDir();
    const legacy = await openStore(dir, { model: MODEL });
    await legacy.upsertPhotos([photo('/p/a.jpg')]);
    await legacy.close();

    const upgraded = await openStore(dir, { model: { ...MODEL, weights: FIRST } });
    expect([...(await upgraded.photoStates()).keys()]).toEqual(['/p/a.jpg']);
    await upgraded.upsertPhotos([photo('/p/b.jpg')]);
    await upgraded.close();

    // Adopted, it is the first build's: other weights opened later do not get its vectors.
    const other = await openStore(dir, { model: { ...MODEL, weights: SECOND } });
    expect((await other.photoStates()).size).toBe(0);
    await other.close();
    const again = await openStore(dir, { model: { ...MODEL, weights: FIRST } });
    expect((await again.photoStates()).size).toBe(2);
  });

  it('a table from before fingerprints whose vectors have another dimension is not adopted', async () => {
    const dir = tempLibraryDir();
    const legacy = await openStore(dir, { model: MODEL });
    await legacy.upsertPhotos([photo('/p/a.jpg')]);
    await legacy.close();

    const replaced = await openStore(dir, { model: { id: MODEL.id, weights: SECOND, dimension: async () => 8 } });
    expect((await replaced.photoStates()).size).toBe(0);
    await replaced.upsertPhotos([photo('/p/a.jpg', { vector: new Float32Array(8).fill(0.25) })]);
    expect((await replaced.searchVectors({ vector: new Float32Array(8).fill(0.25), limit: 1 }))[0]?.path).toBe('/p/a.jpg');
    await replaced.close();
    // The old vectors stay where they were (another device may still use them).
    const old = await openStore(dir, { model: { id: MODEL.id, dimension: 0 }, readOnly: true });
    expect((await old.getPhoto('/p/a.jpg'))?.vector.length).toBe(4);
  });
});
