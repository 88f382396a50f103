// The device-side vector cache (src/core/store/vector-cache.ts) must answer searches exactly as
// LanceDB's exact search does (same photos, same order, same scores, filters and cut-off
// honoured), and follow the table when another writer (another device) adds, replaces,
// deletes and compacts rows, across a restart from its file too.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL, compare, compareRows, randomUnit, row } from '../../helpers/vector-cache-scenario';
import { openStore, tempLibraryDir } from './store-helpers';

describe('vector cache', () => {
  it('answers as LanceDB exact search does, and follows another writer across a restart', { timeout: 120_000 }, async () => {
    const dir = tempLibraryDir();
    const cacheDir = path.join(path.dirname(dir), 'cache', 'vectors', 'lib');
    const writer = await openStore(dir, { model: MODEL });
    await writer.upsertPhotos(Array.from({ length: 300 }, (_, i) => row(i)));
    // Another device reads with its cache; plain LanceDB reads are the reference.
    const device = await openStore(dir, { model: { ...MODEL, dimension: 0 }, readOnly: true, vectorCache: { dir: cacheDir, recheckMs: 0 } });
    const lance = await openStore(dir, { model: { ...MODEL, dimension: 0 }, readOnly: true });
    await compare(device, lance);
    await compareRows(device, lance);
    expect(fs.readdirSync(cacheDir).filter((f) => f.endsWith('.vectors'))).toHaveLength(1);

    // The writer appends, replaces (same path, new vector: Lance deletes and appends) and deletes.
    await writer.upsertPhotos(Array.from({ length: 60 }, (_, i) => row(300 + i)));
    await writer.upsertPhotos([0, 1, 2, 50, 51].map((i) => ({ ...row(i), vector: randomUnit(), size: 1, thumbKey: `new/${i}.webp`, cameraMake: 'Fujifilm' })));
    await writer.removePhotos(['/lib/a/3.jpg', '/lib/b/4.jpg', '/lib/b/100.jpg']);
    await compare(device, lance);
    await compareRows(device, lance);
    expect(await device.countPhotos()).toBe(357);

    // Compaction rewrites every fragment (all row ids change).
    await writer.optimize();
    await writer.upsertPhotos([row(400)]);
    await compare(device, lance);
    await compareRows(device, lance);

    // A restart: the file is read, then brought up to date with what changed meanwhile.
    await device.close();
    await writer.upsertPhotos(Array.from({ length: 20 }, (_, i) => row(500 + i)));
    await writer.removePhotos(['/lib/b/5.jpg']);
    const restarted = await openStore(dir, { model: { ...MODEL, dimension: 0 }, readOnly: true, vectorCache: { dir: cacheDir, recheckMs: 0 } });
    await compare(restarted, lance);
    await compareRows(restarted, lance);
    expect(await restarted.countPhotos()).toBe(377);
  });

  it("a writer with a cache sees its own writes at once, though it checks others' only each minute", async () => {
    const dir = tempLibraryDir();
    const cacheDir = path.join(path.dirname(dir), 'cache', 'vectors', 'lib');
    const writer = await openStore(dir, { model: MODEL, vectorCache: { dir: cacheDir, recheckMs: 60_000 } });
    await writer.upsertPhotos(Array.from({ length: 20 }, (_, i) => row(i)));
    await writer.searchVectors({ vector: randomUnit(), limit: 5 }); // a search loads the cache; lookups then use it
    expect((await writer.photosByPath(['/lib/b/1.jpg'])).get('/lib/b/1.jpg')?.hash).toBe('h1');
    const added = row(30);
    await writer.upsertPhotos([added, { ...row(1), thumbKey: 'moved/1.webp' }]);
    await writer.removePhotos(['/lib/b/2.jpg']);
    const rows = await writer.photosByPath(['/lib/a/30.jpg', '/lib/b/1.jpg', '/lib/b/2.jpg']);
    expect([...rows.keys()].sort()).toEqual(['/lib/a/30.jpg', '/lib/b/1.jpg']);
    expect(rows.get('/lib/b/1.jpg')?.thumbKey).toBe('moved/1.webp');
    expect(await writer.getPhoto('/lib/b/2.jpg')).toBeNull();
    expect((await writer.searchVectors({ vector: added.vector, limit: 1 }))[0]?.path).toBe('/lib/a/30.jpg');
  });

  it('a damaged cache file is read as no cache', async () => {
    const dir = tempLibraryDir();
    const cacheDir = path.join(path.dirname(dir), 'cache', 'vectors', 'lib');
    const writer = await openStore(dir, { model: MODEL });
    await writer.upsertPhotos(Array.from({ length: 50 }, (_, i) => row(i)));
    const first = await openStore(dir, { model: { ...MODEL, dimension: 0 }, readOnly: true, vectorCache: { dir: cacheDir, recheckMs: 0 } });
    await first.searchVectors({ vector: randomUnit(), limit: 5 });
    await first.close();
    const file = path.join(cacheDir, fs.readdirSync(cacheDir).find((f) => f.endsWith('.vectors'))!);
    fs.truncateSync(file, fs.statSync(file).size - 10);
    const device = await openStore(dir, { model: { ...MODEL, dimension: 0 }, readOnly: true, vectorCache: { dir: cacheDir, recheckMs: 0 } });
    const lance = await openStore(dir, { model: { ...MODEL, dimension: 0 }, readOnly: true });
    await compare(device, lance);
    await compareRows(device, lance);
  });
});
