import { describe, expect, it } from 'vitest';
import { connect } from '@lancedb/lancedb';
import { photosTableName } from '../../../src/core/store/model-key';
import { MODEL, openStore, photo, tempLibraryDir, unit } from './store-helpers';

async function photosTableStats(dir: string) {
  const db = await connect(dir);
  try {
    const table = await db.openTable(photosTableName(MODEL.id));
    return { fragments: (await table.stats()).fragmentStats.numFragments, versions: (await table.listVersions()).length };
  } finally {
    db.close();
  }
}

describe('optimize', () => {
  it('compacts fragments and keeps every row', async () => {
    const dir = tempLibraryDir();
    const store = await openStore(dir);
    for (let batch = 0; batch < 8; batch++) {
      await store.upsertPhotos(Array.from({ length: 50 }, (_, i) => photo(`/p/${batch}/${i}.jpg`, { vector: unit(1, batch, i, 1) })));
    }
    await store.removePhotos(Array.from({ length: 50 }, (_, i) => `/p/3/${i}.jpg`));
    await store.addFolder('/p');
    const before = await photosTableStats(dir);
    expect(before.fragments).toBeGreaterThan(1);

    await store.optimize();
    const after = await photosTableStats(dir);
    expect(after.fragments).toBe(1);
    expect(await store.countPhotos()).toBe(350);
    expect((await store.getPhoto('/p/7/49.jpg'))?.vector).toEqual(unit(1, 7, 49, 1));
    expect(await store.getPhoto('/p/3/0.jpg')).toBeNull();
    expect((await store.searchVectors({ vector: unit(1, 5, 5, 1), limit: 1, exact: true }))[0]?.path).toBe('/p/5/5.jpg');
    expect(await store.listFolders()).toHaveLength(1);
    // Writes go on after optimize.
    await store.upsertPhotos([photo('/p/new.jpg')]);
    expect(await store.countPhotos()).toBe(351);
  });
});
