import { describe, expect, it } from 'vitest';
import { openLibraryStore } from '../../../src/core/store';
import { AWKWARD_NAMES, MODEL, openStore, photo, tempLibraryDir, unit } from './store-helpers';

describe('photos', () => {
  it('upserts, replaces by path and reads every field back', async () => {
    const store = await openStore(tempLibraryDir());
    expect(store.schemaVersion).toBe(4);
    expect(store.modelId).toBe(MODEL.id);
    const a = photo('/p/a.jpg', { takenAt: 1_600_000_000_000, cameraMake: 'Canon', cameraModel: 'EOS', gpsLat: 48.85, gpsLon: 2.35, orientation: 6 });
    await store.upsertPhotos([a, photo('/p/b.jpg')]);
    expect(await store.getPhoto('/p/a.jpg')).toEqual(a);
    expect(await store.countPhotos()).toBe(2);

    const replaced = photo('/p/a.jpg', { size: 99, mtimeMs: 5.5, hash: 'new', vector: unit(0, 1, 0, 0), orientation: null });
    await store.upsertPhotos([replaced]);
    expect(await store.countPhotos()).toBe(2);
    expect(await store.getPhoto('/p/a.jpg')).toEqual(replaced);
    expect(await store.getPhoto('/p/missing.jpg')).toBeNull();
  });

  it('looks up photos by path in one query per 4,096: summaries of those present, awkward names included', async () => {
    const store = await openStore(tempLibraryDir());
    const paths = [...AWKWARD_NAMES.map((n) => `/lib/${n}`), ...Array.from({ length: 4200 }, (_, i) => `/lib/many/${i}.jpg`)];
    await store.upsertPhotos(paths.map((p, i) => photo(p, { size: i + 1 })));
    const wanted = [...paths.slice(0, AWKWARD_NAMES.length), paths[5]!, '/lib/not-there.jpg', ...paths.slice(AWKWARD_NAMES.length)];
    const found = await store.photosByPath(wanted);
    expect(found.size).toBe(paths.length);
    expect([...found.keys()].sort()).toEqual([...paths].sort());
    for (const [p, summary] of found) {
      expect(summary.size).toBe(paths.indexOf(p) + 1);
      expect(summary).not.toHaveProperty('vector');
    }
    expect((await store.photosByPath([])).size).toBe(0);
  });

  it('has a data version that moves with photo and tag writes, for the writer and a reader', async () => {
    const dir = tempLibraryDir();
    const store = await openStore(dir);
    const reader = await openLibraryStore(dir, { model: { id: MODEL.id, dimension: 0 }, readOnly: true });
    const v0 = await store.dataVersion();
    expect(await store.dataVersion()).toBe(v0); // reads do not move it
    await store.upsertPhotos([photo('/p/a.jpg')]);
    const v1 = await store.dataVersion();
    expect(v1).not.toBe(v0);
    expect(await reader.dataVersion()).toBe(v1);
    await store.putTags([{ hash: 'hash-of-/p/a.jpg', set: 's', label: 'l', score: 0.5, state: 'auto', modelId: MODEL.id, updatedAt: 1 }]);
    const v2 = await store.dataVersion();
    expect(v2).not.toBe(v1);
    expect(await reader.dataVersion()).toBe(v2);
    await reader.close();
  });

  it('keeps the last record when a batch repeats a path', async () => {
    const store = await openStore(tempLibraryDir());
    await store.upsertPhotos([photo('/p/a.jpg', { size: 1 }), photo('/p/a.jpg', { size: 2 })]);
    expect(await store.countPhotos()).toBe(1);
    expect((await store.getPhoto('/p/a.jpg'))?.size).toBe(2);
  });

  it('rejects vectors of the wrong length and records of another model', async () => {
    const store = await openStore(tempLibraryDir());
    await expect(store.upsertPhotos([photo('/p/a.jpg', { vector: new Float32Array(3) })])).rejects.toThrow(/length 4/);
    await expect(store.upsertPhotos([photo('/p/a.jpg', { modelId: 'other' })])).rejects.toThrow(/other/);
    expect(await store.countPhotos()).toBe(0);
  });

  it('finds, lists and removes awkward paths exactly', async () => {
    const store = await openStore(tempLibraryDir());
    const paths = AWKWARD_NAMES.map((name) => `/photos/${name}`);
    await store.upsertPhotos([...paths.map((p) => photo(p)), photo('/photos/plain.jpg')]);
    for (const p of paths) expect((await store.getPhoto(p))?.path).toBe(p);
    expect((await store.listPhotos()).map((p) => p.path).sort()).toEqual([...paths, '/photos/plain.jpg'].sort());

    await store.removePhotos(paths.slice(0, 6));
    expect((await store.listPhotos()).map((p) => p.path).sort()).toEqual([...paths.slice(6), '/photos/plain.jpg'].sort());
    await store.removePhotos(paths);
    expect((await store.listPhotos()).map((p) => p.path)).toEqual(['/photos/plain.jpg']);
    await store.removePhotos([]);
    await store.removePhotos(['/photos/never-there.jpg']);
    expect(await store.countPhotos()).toBe(1);
  });

  it('removes thousands of paths in one call', async () => {
    const store = await openStore(tempLibraryDir());
    const records = Array.from({ length: 10_000 }, (_, i) => photo(`/p/${i} it's.jpg`));
    await store.upsertPhotos(records);
    await store.removePhotos(records.filter((_, i) => i % 3 !== 0).map((r) => r.path));
    expect(await store.countPhotos()).toBe(3334);
  });

  it('reports scan states and finds photos by hash, vectors included', async () => {
    const store = await openStore(tempLibraryDir());
    await store.upsertPhotos([
      photo('/a/x.jpg', { hash: 'h1', vector: unit(1, 2, 3, 4) }),
      photo('/a/copy of x.jpg', { hash: 'h1', vector: unit(1, 2, 3, 4) }),
      photo('/b/y.jpg', { hash: 'h2', size: 7, mtimeMs: 8.5 }),
    ]);
    const states = await store.photoStates();
    expect(states.size).toBe(3);
    expect(states.get('/b/y.jpg')).toEqual({ size: 7, mtimeMs: 8.5, hash: 'h2', modelId: MODEL.id, thumbKey: 'ab/abcdef.webp' });
    expect([...(await store.photoStates('/a')).keys()].sort()).toEqual(['/a/copy of x.jpg', '/a/x.jpg']);

    const copies = await store.photosByHash('h1');
    expect(copies.map((p) => p.path).sort()).toEqual(['/a/copy of x.jpg', '/a/x.jpg']);
    expect(Array.from(copies[0]!.vector)).toEqual(Array.from(unit(1, 2, 3, 4)));
    expect(await store.photosByHash("h1' OR '1'='1")).toEqual([]);
  });

  it('filters listings and counts by folder, respecting the folder boundary', async () => {
    const store = await openStore(tempLibraryDir());
    const paths = ['/a/b/1.jpg', '/a/b/sub/2.jpg', '/a/bc/3.jpg', '/a/b.jpg', '/a/b%/4.jpg', "/a/b'/5.jpg", '/x/a/b/6.jpg'];
    await store.upsertPhotos(paths.map((p) => photo(p)));
    const under = async (folder: string) => (await store.listPhotos({ folder })).map((p) => p.path);
    expect(await under('/a/b')).toEqual(['/a/b/1.jpg', '/a/b/sub/2.jpg']);
    expect(await under('/a/b/')).toEqual(['/a/b/1.jpg', '/a/b/sub/2.jpg']);
    expect(await under('/a/b%')).toEqual(['/a/b%/4.jpg']);
    expect(await under("/a/b'")).toEqual(["/a/b'/5.jpg"]);
    expect(await under('/a/b/sub')).toEqual(['/a/b/sub/2.jpg']);
    expect(await store.countPhotos({ folder: '/a/b' })).toBe(2);
    expect(await store.countPhotos({ folder: '/a' })).toBe(6);
    expect(await store.countPhotos({ folder: '/' })).toBe(7);
    expect(await store.countPhotos()).toBe(7);
  });

  it('pages listings in path order', async () => {
    const store = await openStore(tempLibraryDir());
    const paths = Array.from({ length: 25 }, (_, i) => `/p/${String(i).padStart(2, '0')}.jpg`);
    await store.upsertPhotos([...paths].reverse().map((p) => photo(p)));
    await store.upsertPhotos([photo(paths[3]!, { size: 1 })]); // a replaced row moves in storage order
    const page = async (offset: number) => (await store.listPhotos({ limit: 10, offset })).map((p) => p.path);
    expect([...(await page(0)), ...(await page(10)), ...(await page(20))]).toEqual(paths);
    expect(await page(30)).toEqual([]);
    const listed = await store.listPhotos({ limit: 1 });
    expect(listed[0]).not.toHaveProperty('vector');
  });
});
