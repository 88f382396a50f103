import { describe, expect, it } from 'vitest';
import type { FailureRecord } from '../../../src/core/store/types';
import { AWKWARD_NAMES, openStore, photo, tempLibraryDir } from './store-helpers';

function failure(path: string, overrides: Partial<FailureRecord> = {}): FailureRecord {
  return { path, folder: '/w', size: 10, mtimeMs: 1_700_000_000_000.5, reason: 'unsupported format', failedAt: 1_700_000_000_999, ...overrides };
}

describe('failures', () => {
  it('records, replaces, lists by folder and clears', async () => {
    const store = await openStore(tempLibraryDir());
    const awkward = AWKWARD_NAMES.map((n) => `/w/b/${n}`);
    await store.recordFailures([failure('/w/a/1.jpg'), failure('/w/ab/2.jpg'), ...awkward.map((p) => failure(p))]);
    await store.recordFailures([failure('/w/a/1.jpg', { reason: 'truncated', size: 11 })]);

    const all = await store.listFailures();
    expect(all).toHaveLength(2 + awkward.length);
    expect(all.map((f) => f.path)).toEqual([...all.map((f) => f.path)].sort());
    expect(await store.listFailures('/w/a')).toEqual([failure('/w/a/1.jpg', { reason: 'truncated', size: 11 })]);

    await store.clearFailures(awkward.slice(0, 5));
    expect((await store.listFailures('/w/b')).map((f) => f.path)).toEqual([...awkward.slice(5)].sort());
    await store.clearFailures([...awkward, '/w/a/1.jpg', '/never.jpg']);
    expect((await store.listFailures()).map((f) => f.path)).toEqual(['/w/ab/2.jpg']);
    await store.clearFailures([]);
  });
});

describe('folders', () => {
  it('adds idempotently and lists in path order', async () => {
    const store = await openStore(tempLibraryDir());
    await store.addFolder('/z');
    await store.addFolder("/a/it's");
    const first = await store.listFolders();
    await store.addFolder('/z');
    expect(await store.listFolders()).toEqual(first);
    expect(first.map((f) => f.path)).toEqual(["/a/it's", '/z']);
    expect(first[0]!.addedAt).toBeGreaterThan(1_700_000_000_000);
  });

  it('removing a folder removes its photos (in every model) and failures, and nothing outside it', async () => {
    const dir = tempLibraryDir();
    const store = await openStore(dir);
    for (const f of ['/a/b', '/a/bc', "/a/b'q"]) await store.addFolder(f);
    await store.upsertPhotos([photo('/a/b/1.jpg'), photo('/a/b/deep/2.jpg'), photo('/a/bc/3.jpg'), photo("/a/b'q/4.jpg")]);
    await store.recordFailures([failure('/a/b/bad.jpg', { folder: '/a/b' }), failure('/a/bc/bad.jpg', { folder: '/a/bc' })]);
    const other = await openStore(dir, { model: { id: 'other-model', dimension: 3 } });
    await other.upsertPhotos([photo('/a/b/1.jpg', { modelId: 'other-model', vector: new Float32Array([1, 0, 0]) }), photo('/a/bc/3.jpg', { modelId: 'other-model', vector: new Float32Array([0, 1, 0]) })]);

    await store.removeFolder('/a/b');
    expect((await store.listFolders()).map((f) => f.path)).toEqual(["/a/b'q", '/a/bc']);
    expect((await store.listPhotos()).map((p) => p.path)).toEqual(["/a/b'q/4.jpg", '/a/bc/3.jpg']);
    expect((await store.listFailures()).map((f) => f.path)).toEqual(['/a/bc/bad.jpg']);
    // The other model's own table (listings show every model's photos, see library-photos.ts).
    expect([...(await other.photoStates()).keys()]).toEqual(['/a/bc/3.jpg']);

    await store.removeFolder("/a/b'q");
    expect((await store.listPhotos()).map((p) => p.path)).toEqual(['/a/bc/3.jpg']);
    expect((await other.listPhotos()).map((p) => p.path)).toEqual(['/a/bc/3.jpg']);
  });
});
