import { describe, expect, it } from 'vitest';
import { connect } from '@lancedb/lancedb';
import { photosTableName } from '../../../src/core/store/model-key';
import { MODEL, openStore, photo, tempLibraryDir, unit } from './store-helpers';

async function vectorIndexes(dir: string) {
  const db = await connect(dir);
  try {
    const table = await db.openTable(photosTableName(MODEL.id));
    const indexes = (await table.listIndices()).filter((i) => i.columns.includes('vector'));
    return Promise.all(indexes.map(async (i) => ({ ...i, stats: await table.indexStats(i.name) })));
  } finally {
    db.close();
  }
}

function clusteredPhotos(from: number, count: number) {
  const centres = Array.from({ length: 40 }, (_, c) => unit(Math.cos(c), Math.sin(c), Math.cos(3 * c), Math.sin(5 * c) + 0.1));
  let seed = 7 + from;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const c = centres[i % centres.length]!;
    return photo(`/big/${i}.jpg`, { vector: unit(...Array.from(c, (x) => x + 0.2 * rand())) });
  });
}

// Hand-made 4-d vectors whose cosine similarities to the query (1, 0, 0, 0) are known.
const PHOTOS = [
  { path: '/lib/x/exact.jpg', vector: unit(1, 0, 0, 0), score: 1 },
  { path: '/lib/x/close.jpg', vector: unit(3, 1, 0, 0), score: 3 / Math.sqrt(10) },
  { path: '/lib/y/half.jpg', vector: unit(1, 1, 0, 0), score: Math.SQRT1_2 },
  { path: '/lib/y/orthogonal.jpg', vector: unit(0, 0, 1, 0), score: 0 },
  { path: '/lib/xy/opposite.jpg', vector: unit(-1, 0, 0, 0), score: -1 },
];

async function filledStore() {
  const store = await openStore(tempLibraryDir());
  await store.upsertPhotos(PHOTOS.map((p) => photo(p.path, { vector: p.vector })));
  return store;
}

describe('searchVectors', () => {
  it.each([false, true])('ranks by cosine similarity, best first (exact: %s)', async (exact) => {
    const store = await filledStore();
    const hits = await store.searchVectors({ vector: unit(1, 0, 0, 0), limit: 10, exact });
    expect(hits.map((h) => h.path)).toEqual(PHOTOS.map((p) => p.path));
    hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(PHOTOS[i]!.score, 5));
  });

  it('pages with limit and offset', async () => {
    const store = await filledStore();
    const query = unit(1, 0, 0, 0);
    expect((await store.searchVectors({ vector: query, limit: 2 })).map((h) => h.path)).toEqual(PHOTOS.slice(0, 2).map((p) => p.path));
    expect((await store.searchVectors({ vector: query, limit: 2, offset: 2 })).map((h) => h.path)).toEqual(PHOTOS.slice(2, 4).map((p) => p.path));
    expect(await store.searchVectors({ vector: query, limit: 2, offset: 5 })).toEqual([]);
    expect(await store.searchVectors({ vector: query, limit: 0 })).toEqual([]);
  });

  it('filters by folder before ranking, respecting the folder boundary', async () => {
    const store = await filledStore();
    const hits = await store.searchVectors({ vector: unit(1, 0, 0, 0), limit: 10, folder: '/lib/x' });
    expect(hits.map((h) => h.path)).toEqual(['/lib/x/exact.jpg', '/lib/x/close.jpg']);
    const y = await store.searchVectors({ vector: unit(1, 0, 0, 0), limit: 1, folder: '/lib/y', exact: true });
    expect(y.map((h) => h.path)).toEqual(['/lib/y/half.jpg']);
  });

  it('refuses a query vector of another dimension as "not embedded with this model yet", naming shoebox index', async () => {
    const store = await filledStore();
    // Vectors another model once made under this id: the user's remedy is an index run, not vector arithmetic.
    await expect(store.searchVectors({ vector: new Float32Array(3), limit: 1 })).rejects.toThrow(/^no photos are embedded with model .* yet: "shoebox index" embeds your folders$/);
  });

  it('uses the ANN index once built, with the same ranking as an exact search', async () => {
    const dir = tempLibraryDir();
    const store = await openStore(dir);
    // 12k rows around 40 directions: over the index threshold, enough to train IVF.
    const records = clusteredPhotos(0, 12_000);
    await store.upsertPhotos(records.slice(0, 9000));
    await store.ensureVectorIndex();
    expect(await vectorIndexes(dir)).toEqual([]); // below the threshold: flat search
    await store.upsertPhotos(records.slice(9000));
    await store.ensureVectorIndex();
    expect(await vectorIndexes(dir)).toHaveLength(1);
    const query = unit(1, 0.2, 0.3, 0.1);
    const exact = await store.searchVectors({ vector: query, limit: 20, exact: true });
    const ann = await store.searchVectors({ vector: query, limit: 20 });
    const overlap = ann.filter((h) => exact.some((e) => e.path === h.path)).length;
    expect(overlap).toBeGreaterThanOrEqual(19);
    expect(ann[0]!.score).toBeCloseTo(exact[0]!.score, 5);
    // Rows added after the index are still found (searched flat until the index catches up).
    await store.upsertPhotos([photo('/big/new.jpg', { vector: query })]);
    expect((await store.searchVectors({ vector: query, limit: 1 }))[0]?.path).toBe('/big/new.jpg');
  });

  it('folds new rows into the index, and retrains it once the table has grown by half', async () => {
    const dir = tempLibraryDir();
    const store = await openStore(dir);
    await store.upsertPhotos(clusteredPhotos(0, 12_000));
    await store.ensureVectorIndex();
    const trained = (await vectorIndexes(dir))[0]!;
    expect(trained.stats).toMatchObject({ numIndexedRows: 12_000, numUnindexedRows: 0 });

    await store.upsertPhotos(clusteredPhotos(12_000, 3_000));
    await store.ensureVectorIndex(); // few new rows: left to flat search
    expect((await vectorIndexes(dir))[0]!.stats?.numUnindexedRows).toBe(3_000);

    await store.upsertPhotos(clusteredPhotos(15_000, 3_000));
    await store.ensureVectorIndex(); // 6k unindexed: folded in incrementally
    const folded = (await vectorIndexes(dir))[0]!;
    expect(folded.stats).toMatchObject({ numIndexedRows: 18_000, numUnindexedRows: 0 });

    await store.upsertPhotos(clusteredPhotos(18_000, 10_000));
    await store.ensureVectorIndex(); // grown by more than half: retrained
    const retrained = (await vectorIndexes(dir))[0]!;
    expect(retrained.stats).toMatchObject({ numIndexedRows: 28_000, numUnindexedRows: 0 });
    expect(retrained.indexUuid).not.toBe(trained.indexUuid);
    expect(await store.countPhotos()).toBe(28_000);
    const query = unit(1, 0.2, 0.3, 0.1);
    const exact = await store.searchVectors({ vector: query, limit: 20, exact: true });
    const ann = await store.searchVectors({ vector: query, limit: 20 });
    expect(ann.filter((h) => exact.some((e) => e.path === h.path)).length).toBeGreaterThanOrEqual(19);
  });
});

describe('searchVectors with equal scores', () => {
  // Exact copies and flat colour images score exactly alike; LanceDB orders them differently
  // from one offset to the next, so paging showed one photo twice and never another.
  const TIED = ['/t/g.jpg', '/t/c.jpg', '/t/a.jpg', '/t/f.jpg', '/t/b.jpg', '/t/e.jpg', '/t/d.jpg'];
  const QUERY = unit(1, 0, 0, 0);

  async function storeWithTie() {
    const store = await openStore(tempLibraryDir());
    // Out of path order, over three commits (three fragments).
    const tied = (paths: string[]) => paths.map((p) => photo(p, { vector: unit(1, 1, 0, 0) }));
    await store.upsertPhotos([photo('/t/best.jpg', { vector: unit(1, 0, 0, 0) }), ...tied(TIED.slice(0, 3))]);
    await store.upsertPhotos(tied(TIED.slice(3)));
    await store.upsertPhotos([photo('/t/last.jpg', { vector: unit(0, 1, 0, 0) })]);
    return store;
  }

  it.each([false, true])('pages through a tie as slices of one order: score, then path (exact: %s)', async (exact) => {
    const store = await storeWithTie();
    const order = ['/t/best.jpg', ...[...TIED].sort(), '/t/last.jpg'];
    const page = async (offset: number, limit: number, minScore?: number) =>
      (await store.searchVectors({ vector: QUERY, limit, offset, exact, ...(minScore !== undefined ? { minScore } : {}) })).map((h) => h.path);
    // Page by page, the whole list: each photo once, none left out.
    const whole = await page(0, 100);
    for (const size of [1, 2, 3, 4]) {
      const paged: string[] = [];
      for (let offset = 0; offset <= order.length; offset += size) paged.push(...(await page(offset, size)));
      expect(paged, `pages of ${size}`).toEqual(whole);
    }
    expect(whole).toEqual(order);
    // With a cut-off the tie still pages by path, and `offset` counts only photos above it.
    const above = order.slice(0, -1);
    const paged: string[] = [];
    for (let offset = 0; offset <= above.length; offset++) paged.push(...(await page(offset, 1, 0.5)));
    expect(paged).toEqual(above);
    // Inside the tie, on both sides of the page (the rows before it are counted).
    expect(await page(3, 2)).toEqual(order.slice(3, 5));
  });

  it('pages a filtered tie by path too', async () => {
    const store = await storeWithTie();
    const inT = ['/t/best.jpg', ...[...TIED].sort(), '/t/last.jpg'];
    const paged: string[] = [];
    for (let offset = 0; offset <= inT.length; offset++) paged.push(...(await store.searchVectors({ vector: QUERY, limit: 1, offset, folder: '/t' })).map((h) => h.path));
    expect(paged).toEqual(inT);
  });
});

describe('model tables', () => {
  it('keeps each model in its own table, with its own dimension, never mixed', async () => {
    const dir = tempLibraryDir();
    const b32 = await openStore(dir);
    const large = await openStore(dir, { model: { id: 'ViT-L-14__openai', dimension: 6 } });
    await b32.upsertPhotos([photo('/p/1.jpg'), photo('/p/2.jpg')]);
    await large.upsertPhotos([photo('/p/1.jpg', { modelId: 'ViT-L-14__openai', vector: new Float32Array([0, 0, 0, 0, 0, 1]) })]);

    expect(await b32.countPhotos()).toBe(2);
    expect(await large.countPhotos()).toBe(1);
    expect((await large.getPhoto('/p/1.jpg'))?.vector).toHaveLength(6);
    expect((await b32.getPhoto('/p/1.jpg'))?.vector).toHaveLength(4);
    expect((await large.searchVectors({ vector: new Float32Array([0, 0, 0, 0, 0, 1]), limit: 5 })).map((h) => h.path)).toEqual(['/p/1.jpg']);
    expect((await b32.modelTables()).sort((a, b) => a.modelId.localeCompare(b.modelId))).toEqual([
      { modelId: 'ViT-B-32__openai', photos: 2 },
      { modelId: 'ViT-L-14__openai', photos: 1 },
    ]);

    // Removing a file removes it for every model.
    await b32.removePhotos(['/p/1.jpg']);
    expect(await large.countPhotos()).toBe(0);

    await expect(b32.dropModelTable('ViT-B-32__openai')).rejects.toThrow(/active model/);
    await b32.dropModelTable('ViT-L-14__openai');
    expect(await b32.modelTables()).toEqual([{ modelId: 'ViT-B-32__openai', photos: 1 }]);
  });

  it('refuses a model whose dimension differs from its existing table', async () => {
    const dir = tempLibraryDir();
    await openStore(dir);
    await expect(openStore(dir, { model: { id: 'ViT-B-32__openai', dimension: 8 } })).rejects.toThrow(/dimension 4.*produces 8/);
  });

  it('gives ids that differ only in case or punctuation their own tables', async () => {
    const dir = tempLibraryDir();
    const a = await openStore(dir, { model: { id: 'clip/ViT', dimension: 4 } });
    const b = await openStore(dir, { model: { id: 'clip-vit', dimension: 4 } });
    await a.upsertPhotos([photo('/p/a.jpg', { modelId: 'clip/ViT' })]);
    expect(await b.countPhotos()).toBe(0);
    expect((await a.modelTables()).map((t) => t.modelId).sort()).toEqual(['clip-vit', 'clip/ViT']);
  });
});
