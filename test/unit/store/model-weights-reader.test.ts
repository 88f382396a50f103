// A reader (status, search, albums: read-only, no model loaded) before the first writer of a
// new build meets the id's table from before fingerprints. Vectors of another dimension than
// the model folder declares cannot be this model's (a model replaced under the same id): the
// reader must not count them embedded or rank with them, and must write nothing to find out.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL, openStore, photo, snapshot, tempLibraryDir, unit } from './store-helpers';
import { declaredEmbeddingDimension } from '../../../src/core/models/declared-dimension';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS, TINY_WIDE_IMMICH } from '../../fixtures/models/paths';
import { tempDir } from '../../helpers/images';

const WEIGHTS = 'c'.repeat(64);

/** A library whose id's table was written before fingerprints: 4-d vectors, no weights recorded. */
async function legacyLibrary(): Promise<string> {
  const dir = tempLibraryDir();
  const legacy = await openStore(dir, { model: MODEL });
  await legacy.upsertPhotos([photo('/p/a.jpg'), photo('/p/b.jpg', { vector: unit(0, 1, 0, 0) })]);
  await legacy.close();
  return dir;
}

describe('a reader meeting a table from before fingerprints', () => {
  it('of another dimension than the model declares reads none of it: nothing embedded, nothing found, nothing written', async () => {
    const dir = await legacyLibrary();
    const before = snapshot(dir);
    const reader = await openStore(dir, { model: { id: MODEL.id, weights: WEIGHTS, dimension: 0, declaredDimension: 512 }, readOnly: true });
    expect((await reader.photoStates()).size).toBe(0); // status: every photo pending
    expect(await reader.countPhotos()).toBe(0);
    expect(await reader.searchVectors({ vector: new Float32Array(512).fill(0.04), limit: 5 })).toEqual([]);
    expect(await reader.getPhoto('/p/a.jpg')).toBeNull(); // "similar" finds no old vector to rank with
    expect(await reader.countListed()).toBe(2); // the library still lists its photos
    await reader.close();
    expect(snapshot(dir)).toEqual(before);
  });

  it('of the declared dimension is read as before (the writer adopts it)', async () => {
    const dir = await legacyLibrary();
    const reader = await openStore(dir, { model: { id: MODEL.id, weights: WEIGHTS, dimension: 0, declaredDimension: 4 }, readOnly: true });
    expect((await reader.photoStates()).size).toBe(2);
    expect((await reader.searchVectors({ vector: unit(1, 0, 0, 0), limit: 1 }))[0]?.path).toBe('/p/a.jpg');
  });
});

describe("a model folder's declared dimension", () => {
  it("is read from its config.json in either layout, without loading the model", () => {
    expect(declaredEmbeddingDimension(fixtureModelDir(TINY_IMMICH))).toBe(4);
    expect(declaredEmbeddingDimension(fixtureModelDir(TINY_TRANSFORMERS))).toBe(4);
    expect(declaredEmbeddingDimension(fixtureModelDir(TINY_WIDE_IMMICH))).toBe(8);
  });

  it('is unknown for a folder that declares none', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ text_cfg: { context_length: 77 } }));
    expect(declaredEmbeddingDimension(dir)).toBeUndefined();
    expect(declaredEmbeddingDimension(path.join(dir, 'absent'))).toBeUndefined();
  });
});
