// Closing a store (the app retiring a writer whose lease was lost) while a photo commit is in
// flight lets that commit finish: one landing late must still take back its doubles
// (late-commit.test.ts), which it cannot do on closed tables. What was queued behind it is
// not written: the store is closing, and its writer may no longer hold the library.
import { describe, expect, it } from 'vitest';
import { LeaseLostError } from '../../../src/core/store/writer-lease';
import { openLibraryStore } from '../../../src/core/store';
import { MODEL, openStore, photo, tempLibraryDir } from './store-helpers';

describe('a store closed while it writes', () => {
  it('finishes the photo commit in flight, writes nothing queued behind it, then refuses new writes', async () => {
    const dir = tempLibraryDir();
    // The store checks its writer's hold at the call and again when the commit's turn comes.
    let checks = 0;
    let turnCame: () => void;
    const underWay = new Promise<void>((resolve) => (turnCame = resolve));
    const store = await openLibraryStore(dir, { model: MODEL, beforeWrite: () => ++checks === 2 && turnCame() });
    const paths = Array.from({ length: 64 }, (_, i) => `/p/${i}.jpg`);
    const writing = store.upsertPhotos(paths.map((p) => photo(p)));
    await underWay;
    const queued = store.setTakenAt([{ hash: 'hash-of-/p/0.jpg', takenAt: Date.UTC(1987, 6, 14), takenOffset: null, fileTakenAt: null, fileTakenOffset: null }]);
    const closing = store.close();
    await expect(writing).resolves.toBeUndefined();
    await expect(queued).rejects.toThrow('The library store is closed');
    await closing;
    await expect(store.upsertPhotos([photo('/p/late.jpg')])).rejects.toThrow('The library store is closed');
    const reader = await openStore(dir, { readOnly: true });
    expect((await reader.listPhotos()).map((p) => p.path).sort()).toEqual([...paths].sort());
    expect((await reader.takenEdits()).size).toBe(0);
  });

  it('writes nothing queued behind a commit once the lease was lost meanwhile', async () => {
    const dir = tempLibraryDir();
    // Checks: the commit's call, the edit's call, the commit's turn, then after it lands: lost by then.
    let checks = 0;
    const store = await openStore(dir, {
      beforeWrite: () => {
        if (++checks >= 4) throw new LeaseLostError('library lease lost: not renewed for 36 s');
      },
    });
    const writing = store.upsertPhotos([photo('/p/a.jpg')]);
    const queued = store.setTakenAt([{ hash: 'hash-of-/p/a.jpg', takenAt: Date.UTC(1987, 6, 14), takenOffset: null, fileTakenAt: null, fileTakenOffset: null }]);
    await expect(writing).rejects.toBeInstanceOf(LeaseLostError);
    await expect(queued).rejects.toBeInstanceOf(LeaseLostError);
    const reader = await openStore(dir, { readOnly: true });
    expect((await reader.listPhotos()).map((p) => p.path)).toEqual(['/p/a.jpg']); // landed, its only row: kept
    expect((await reader.takenEdits()).size).toBe(0);
  });
});
