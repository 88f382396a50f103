// Closing a store (the app retiring a writer whose lease was lost) while a write is in flight
// lets that write finish: a commit landing late must still take back its doubles
// (late-commit.test.ts), which it cannot do on closed tables.
import { describe, expect, it } from 'vitest';
import { openLibraryStore } from '../../../src/core/store';
import { MODEL, openStore, photo, tempLibraryDir } from './store-helpers';

describe('a store closed while it writes', () => {
  it('finishes the write in flight, then refuses new ones', async () => {
    const dir = tempLibraryDir();
    const store = await openLibraryStore(dir, { model: MODEL });
    const paths = Array.from({ length: 64 }, (_, i) => `/p/${i}.jpg`);
    const writing = store.upsertPhotos(paths.map((p) => photo(p)));
    const closing = store.close();
    await expect(writing).resolves.toBeUndefined();
    await closing;
    await expect(store.upsertPhotos([photo('/p/late.jpg')])).rejects.toThrow('The library store is closed');
    const reader = await openStore(dir, { readOnly: true });
    expect((await reader.listPhotos()).map((p) => p.path).sort()).toEqual([...paths].sort());
  });
});
