// The indexer's writer: small atomic commits, and upkeep (compaction) between them during a
// long run, which must never cost a photo.
import { describe, expect, it } from 'vitest';
import { WriteBatcher } from '../../../src/core/library/write-batcher';
import type { FailureRecord, LibraryStore, PhotoRecord } from '../../../src/core/store/types';

function fakeStore() {
  const committed: string[][] = [];
  const store = {
    upsertPhotos: async (records: PhotoRecord[]) => void committed.push(records.map((r) => r.path)),
    recordFailures: async (_records: FailureRecord[]) => {},
  };
  return { store: store as unknown as LibraryStore, committed };
}

const photo = (i: number) => ({ path: `/p/${i}.jpg` }) as PhotoRecord;

describe('WriteBatcher', () => {
  it('commits in batches and runs upkeep every N committed photos, in order with the commits', async () => {
    const { store, committed } = fakeStore();
    const order: string[] = [];
    const writer = new WriteBatcher(store, {
      maintenanceEvery: 64,
      maintenance: async () => void order.push(`maintenance after ${committed.flat().length}`),
    });
    for (let i = 0; i < 200; i++) writer.put(photo(i));
    await writer.flush();
    expect(committed.flat()).toHaveLength(200);
    expect(committed.every((batch) => batch.length <= 32)).toBe(true);
    expect(order).toEqual(['maintenance after 64', 'maintenance after 128', 'maintenance after 192']);
    expect(writer.wasIndexed('/p/199.jpg')).toBe(true);
  });

  it('a failed upkeep pass loses nothing: later commits still land and flush succeeds', async () => {
    const { store, committed } = fakeStore();
    let passes = 0;
    const writer = new WriteBatcher(store, {
      maintenanceEvery: 32,
      maintenance: async () => {
        passes++;
        throw new Error('compaction failed');
      },
    });
    for (let i = 0; i < 100; i++) writer.put(photo(i));
    await expect(writer.flush()).resolves.toBeUndefined();
    expect(committed.flat()).toHaveLength(100);
    expect(passes).toBe(3);
  });
});
