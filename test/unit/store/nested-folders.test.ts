// Folders that cover each other (nested): removing one keeps what another still covers, and
// merging one into the folder holding it moves its rows, deleting nothing.
import { describe, expect, it } from 'vitest';
import type { FailureRecord } from '../../../src/core/store/types';
import { openStore, photo, tempLibraryDir } from './store-helpers';

function failure(path: string, folder: string): FailureRecord {
  return { path, folder, size: 10, mtimeMs: 1_700_000_000_000, reason: 'truncated', failedAt: 1_700_000_000_999 };
}

describe('nested folders in the store', () => {
  it('removeFolder keeps photos and failures under keepUnder, in every model', async () => {
    const dir = tempLibraryDir();
    const store = await openStore(dir);
    for (const f of ['/p/trips', '/p/trips/2024/strecha']) await store.addFolder(f);
    await store.upsertPhotos([photo('/p/trips/a.jpg'), photo('/p/trips/2024/strecha/b.jpg'), photo("/p/trips/2024/strecha/it's.jpg")]);
    await store.recordFailures([failure('/p/trips/bad.jpg', '/p/trips'), failure('/p/trips/2024/strecha/bad.jpg', '/p/trips')]);
    const other = await openStore(dir, { model: { id: 'other-model', dimension: 3 } });
    await other.upsertPhotos([photo('/p/trips/2024/strecha/b.jpg', { modelId: 'other-model', vector: new Float32Array([1, 0, 0]) })]);

    // The inner folder, while the outer one covers it: nothing leaves the library.
    await store.removeFolder('/p/trips/2024/strecha', { keepUnder: ['/p/trips'] });
    expect(await store.countPhotos()).toBe(3);
    expect(await other.countPhotos()).toBe(1);
    expect(await store.listFailures()).toHaveLength(2);
    expect((await store.listFolders()).map((f) => f.path)).toEqual(['/p/trips']);

    // The outer folder, keeping an inner one: only the rest goes.
    await store.addFolder('/p/trips/2024/strecha');
    await store.removeFolder('/p/trips', { keepUnder: ['/p/trips/2024/strecha'] });
    expect((await store.listPhotos()).map((p) => p.path).sort()).toEqual(['/p/trips/2024/strecha/b.jpg', "/p/trips/2024/strecha/it's.jpg"]);
    expect(await other.countPhotos()).toBe(1);
    expect((await store.listFailures()).map((f) => f.path)).toEqual(['/p/trips/2024/strecha/bad.jpg']);
  });

  it('mergeFolder moves the inner folder rows to the outer folder and drops only the folder entry', async () => {
    const store = await openStore(tempLibraryDir());
    for (const f of ['/p', '/p/trips']) await store.addFolder(f);
    await store.upsertPhotos([photo('/p/x.jpg', { folder: '/p' }), photo('/p/trips/a.jpg', { folder: '/p/trips' })]);
    await store.recordFailures([failure('/p/trips/bad.jpg', '/p/trips')]);
    await store.mergeFolder('/p/trips', '/p');
    expect((await store.listFolders()).map((f) => f.path)).toEqual(['/p']);
    expect((await store.listPhotos()).map((p) => [p.path, p.folder])).toEqual([
      ['/p/trips/a.jpg', '/p'],
      ['/p/x.jpg', '/p'],
    ]);
    expect((await store.listFailures()).map((f) => f.folder)).toEqual(['/p']);
  });
});
