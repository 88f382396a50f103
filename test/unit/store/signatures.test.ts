import { describe, expect, it } from 'vitest';
import type { SignatureRecord } from '../../../src/core/store/types';
import { openStore, photo, tempLibraryDir } from './store-helpers';

function record(hash: string, fill: number, overrides: Partial<SignatureRecord> = {}): SignatureRecord {
  return { hash, version: 1, signature: new Uint8Array(512).fill(fill), sharpness: fill * 1.5, ...overrides };
}

const byHash = (records: SignatureRecord[]) => [...records].sort((a, b) => a.hash.localeCompare(b.hash));

describe('signatures', () => {
  it('reads none before the first write, for the writer and a reader', async () => {
    const dir = tempLibraryDir();
    const store = await openStore(dir);
    expect(await store.getSignatures()).toEqual([]);
    expect(await store.getSignatures(['a'])).toEqual([]);
    const reader = await openStore(dir, { readOnly: true });
    expect(await reader.getSignatures()).toEqual([]);
    await expect(reader.putSignatures([record('a', 1)])).rejects.toThrow(/read-only/);
  });

  it('stores bytes exactly, replaces by hash, and reads all or by hash', async () => {
    const store = await openStore(tempLibraryDir());
    const varied = new Uint8Array(512).map((_, i) => (i * 37) & 255);
    await store.putSignatures([record('h1', 1), record('h2', 2, { signature: varied }), record("it's", 3)]);
    expect(byHash(await store.getSignatures())).toEqual(byHash([record('h1', 1), record('h2', 2, { signature: varied }), record("it's", 3)]));
    await store.putSignatures([record('h1', 9, { version: 2 }), record('h1', 7)]); // the last one of a hash wins
    expect(byHash(await store.getSignatures(['h1', "it's", 'absent']))).toEqual(byHash([record('h1', 7), record("it's", 3)]));
    expect(await store.getSignatures([])).toEqual([]);
  });

  it('are model-independent: a store of another model sees them, and photo removals leave them', async () => {
    const dir = tempLibraryDir();
    const store = await openStore(dir);
    await store.upsertPhotos([photo('/p/a.jpg', { hash: 'h1' })]);
    await store.putSignatures([record('h1', 4)]);
    await store.removePhotos(['/p/a.jpg']);
    await store.close();
    const other = await openStore(dir, { model: { id: 'other-model', dimension: 8 } });
    expect(await other.getSignatures()).toEqual([record('h1', 4)]);
  });
});
