import { SCHEMA_VERSION } from '../../../src/core/store/migrations';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openLibraryStore } from '../../../src/core/store';
import { MODEL, openStore, photo, snapshot, tempLibraryDir, unit } from './store-helpers';

describe('read-only stores', () => {
  it('never write: every write is refused and the directory is unchanged', async () => {
    const dir = tempLibraryDir();
    const writer = await openStore(dir);
    await writer.addFolder('/p');
    await writer.upsertPhotos([photo('/p/a.jpg'), photo('/p/b.jpg', { vector: unit(0, 1, 0, 0) })]);
    await writer.recordFailures([{ path: '/p/bad.jpg', folder: '/p', size: 1, mtimeMs: 2, reason: 'x', failedAt: 3 }]);
    await writer.close();

    const before = snapshot(dir);
    // Another model too: a reader must not create its table.
    for (const model of [MODEL, { id: 'another', dimension: 8 }]) {
      const reader = await openStore(dir, { readOnly: true, model });
      expect(reader.schemaVersion).toBe(SCHEMA_VERSION);
      await reader.listPhotos();
      await reader.countPhotos({ folder: '/p' });
      await reader.photoStates();
      await reader.photosByHash('x');
      await reader.getPhoto('/p/a.jpg');
      await reader.searchVectors({ vector: new Float32Array(model.dimension).fill(0.5), limit: 5 });
      await reader.listFailures();
      await reader.listFolders();
      await reader.modelTables();
      const refused = [
        reader.upsertPhotos([photo('/p/c.jpg')]),
        reader.removePhotos(['/p/a.jpg']),
        reader.ensureVectorIndex(),
        reader.recordFailures([]),
        reader.clearFailures(['/p/bad.jpg']),
        reader.addFolder('/q'),
        reader.removeFolder('/p'),
        reader.dropModelTable('x'),
        reader.optimize(),
      ];
      for (const attempt of refused) await expect(attempt).rejects.toThrow(/read-only/);
      await reader.close();
    }
    expect(snapshot(dir)).toEqual(before);
    const reader = await openStore(dir, { readOnly: true });
    expect(await reader.countPhotos()).toBe(2);
  });

  it('read a library that does not exist yet as empty, without creating it', async () => {
    const dir = tempLibraryDir();
    const reader = await openStore(dir, { readOnly: true });
    expect(await reader.countPhotos()).toBe(0);
    expect(await reader.searchVectors({ vector: unit(1, 0, 0, 0), limit: 3 })).toEqual([]);
    expect(await reader.listFolders()).toEqual([]);
    expect(fs.existsSync(dir)).toBe(false);
    // Once a writer creates it, the same reader sees it.
    const writer = await openStore(dir);
    await writer.upsertPhotos([photo('/p/a.jpg')]);
    expect(await reader.countPhotos()).toBe(1);
  });

  it('see a writer commit while it writes, in the same process', async () => {
    const dir = tempLibraryDir();
    const writer = await openStore(dir);
    const reader = await openStore(dir, { readOnly: true });
    for (let batch = 0; batch < 5; batch++) {
      const writing = writer.upsertPhotos(Array.from({ length: 200 }, (_, i) => photo(`/p/${batch}-${i}.jpg`)));
      const seen = await reader.countPhotos(); // concurrently with the commit: before or after it
      expect([batch * 200, (batch + 1) * 200]).toContain(seen);
      await writing;
      expect(await reader.countPhotos()).toBe((batch + 1) * 200);
      expect(await reader.searchVectors({ vector: unit(1, 0, 0, 0), limit: 3 })).toHaveLength(3);
    }
  });

  it('work from another process while the writer commits', async () => {
    const dir = tempLibraryDir();
    const writer = await openStore(dir);
    await writer.upsertPhotos([photo('/p/seed.jpg')]);
    const script = path.join(path.dirname(dir), 'reader.mts');
    const storeIndex = path.resolve(import.meta.dirname, '../../../src/core/store/index.ts');
    fs.writeFileSync(
      script,
      `import { openLibraryStore } from ${JSON.stringify(storeIndex)};
const store = await openLibraryStore(${JSON.stringify(dir)}, { model: ${JSON.stringify(MODEL)}, readOnly: true });
console.log('ready');
const counts = [];
const deadline = Date.now() + 60_000;
while (Date.now() < deadline) {
  const n = await store.countPhotos();
  const hits = await store.searchVectors({ vector: new Float32Array([1, 0, 0, 0]), limit: 5 });
  if (hits.length === 0) throw new Error('no hits');
  if (counts.at(-1) !== n) counts.push(n);
  if (n === 2001) break;
}
await store.close();
console.log(JSON.stringify(counts));
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: path.resolve(import.meta.dirname, '../../..') });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => out.startsWith('ready\n') && resolve());
      child.on('exit', () => reject(new Error(`reader exited early: ${err}`)));
    });
    for (let batch = 0; batch < 10; batch++) {
      await writer.upsertPhotos(Array.from({ length: 200 }, (_, i) => photo(`/p/${batch}-${i}.jpg`)));
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await exited, err).toBe(0);
    const counts = JSON.parse(out.slice('ready\n'.length)) as number[];
    expect(counts.at(-1)).toBe(2001);
    expect(counts.length).toBeGreaterThan(2); // it saw the writer's progress, not just the end
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.every((n) => (n - 1) % 200 === 0)).toBe(true); // whole commits only
  });

  it('reject the model table of another dimension with a clear message', async () => {
    const dir = tempLibraryDir();
    await (await openStore(dir)).close();
    await expect(openLibraryStore(dir, { model: { id: MODEL.id, dimension: 5 }, readOnly: true })).rejects.toThrow(/dimension 4/);
  });
});
