// After an upgrade, the first writer adopts the id's table from before fingerprints. Deciding
// that needs the model's dimension, which the model folder declares: loading the model for it
// made the first edit after an upgrade (`favourites add`) load ONNX, and fail to open at all
// when the model could not load. And after other weights are imported under an id used before,
// what a build has embedded is its own table's rows, not the id's fullest build's: Settings →
// Use said "0 photos left to embed" (and the other-model offer was withheld) while a switch
// embedded every photo again.
import { describe, expect, it } from 'vitest';
import { MODEL, openStore, photo, tempLibraryDir, unit } from './store-helpers';
import { buildPhotoCount } from '../../../src/core/store/build-photo-count';

const FIRST = 'a'.repeat(64);
const SECOND = 'b'.repeat(64);

const modelThatCannotLoad = async (): Promise<number> => {
  throw new Error('onnxruntime: failed to load the vision model');
};

/** A library whose id's table was written before fingerprints: 4-d vectors, no weights recorded. */
async function legacyLibrary(): Promise<string> {
  const dir = tempLibraryDir();
  const legacy = await openStore(dir, { model: MODEL });
  await legacy.upsertPhotos([photo('/p/a.jpg'), photo('/p/b.jpg', { vector: unit(0, 1, 0, 0) })]);
  await legacy.close();
  return dir;
}

describe('the first writer after fingerprints, on a table from before them', () => {
  it('adopts it with the dimension the folder declares, without loading the model', async () => {
    const dir = await legacyLibrary();
    const writer = await openStore(dir, { model: { id: MODEL.id, weights: FIRST, dimension: modelThatCannotLoad, declaredDimension: 4 } });
    await writer.setFavourites(['hash-of-/p/a.jpg'], true); // an edit works, the model never asked
    expect((await writer.photoStates()).size).toBe(2); // adopted: nothing to embed again
    await writer.close();
    // Recorded as these weights': other weights do not get its vectors.
    expect(await buildPhotoCount(dir, { id: MODEL.id, weights: SECOND, declaredDimension: 4 })).toBe(0);
    expect(await buildPhotoCount(dir, { id: MODEL.id, weights: FIRST, declaredDimension: 4 })).toBe(2);
  });

  it('does not adopt vectors of another dimension than the folder declares, still without loading the model', async () => {
    const dir = await legacyLibrary();
    const writer = await openStore(dir, { model: { id: MODEL.id, weights: FIRST, dimension: async () => 8, declaredDimension: 8 } });
    expect((await writer.photoStates()).size).toBe(0);
  });

  it('loads the model to learn the dimension only when the folder declares none', async () => {
    const dir = await legacyLibrary();
    await expect(openStore(dir, { model: { id: MODEL.id, weights: FIRST, dimension: modelThatCannotLoad } })).rejects.toThrow(/failed to load/);
  });
});

describe('the photos a build has embedded, after other weights are imported under its id', () => {
  it("are its own table's, both for the store's own model and for a build asked from outside", async () => {
    const dir = tempLibraryDir();
    const first = await openStore(dir, { model: { ...MODEL, weights: FIRST } });
    await first.upsertPhotos([photo('/p/a.jpg'), photo('/p/b.jpg', { vector: unit(0, 1, 0, 0) })]);
    await first.close();

    const second = await openStore(dir, { model: { ...MODEL, weights: SECOND } });
    // One entry for the id, counting what this build has embedded (none yet), not the first build's.
    expect(await second.modelTables()).toEqual([{ modelId: MODEL.id, photos: 0 }]);
    await second.upsertPhotos([photo('/p/a.jpg', { vector: unit(0, 0, 1, 0) })]);
    expect(await second.modelTables()).toEqual([{ modelId: MODEL.id, photos: 1 }]);
    await second.close();

    // Asked of each installed build (Settings → Use), with no store of theirs open.
    expect(await buildPhotoCount(dir, { id: MODEL.id, weights: FIRST, declaredDimension: 4 })).toBe(2);
    expect(await buildPhotoCount(dir, { id: MODEL.id, weights: SECOND, declaredDimension: 4 })).toBe(1);
    expect(await buildPhotoCount(dir, { id: MODEL.id, weights: 'c'.repeat(64), declaredDimension: 4 })).toBe(0);

    // Another model's store still names the id by its fullest build: the model to bring or offer.
    const other = await openStore(dir, { model: { id: 'other', dimension: 4 } });
    expect((await other.modelTables()).find((t) => t.modelId === MODEL.id)).toEqual({ modelId: MODEL.id, photos: 2 });
  });
});
