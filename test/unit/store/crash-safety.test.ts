// A writer killed in the middle of upsertPhotos must leave the table as it was or with the
// whole batch: never part of it, never a path twice.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openLibraryStore } from '../../../src/core/store';
import { photo, tempLibraryDir } from './store-helpers';

const MODEL = { id: 'crash-512', dimension: 512 };
const SEEDED = 10_000;
const BATCH = 30_000; // half replace seeded paths, half are new

function vector(seed: number): Float32Array {
  return Float32Array.from({ length: MODEL.dimension }, (_, j) => Math.sin(seed * 31 + j));
}

describe('crash safety', () => {
  it('a writer killed mid-upsert leaves no partial batch and no duplicates', { timeout: 240_000 }, async () => {
    const dir = tempLibraryDir();
    const seedStore = await openLibraryStore(dir, { model: MODEL });
    await seedStore.upsertPhotos(Array.from({ length: SEEDED }, (_, i) => photo(`/p/${i}.jpg`, { modelId: MODEL.id, vector: vector(i), size: 1 })));
    await seedStore.close();

    const script = path.join(path.dirname(dir), 'writer.mts');
    const storeIndex = path.resolve(import.meta.dirname, '../../../src/core/store/index.ts');
    const helpers = path.resolve(import.meta.dirname, 'store-photo.ts');
    fs.writeFileSync(
      script,
      `import { openLibraryStore } from ${JSON.stringify(storeIndex)};
import { photo } from ${JSON.stringify(helpers)};
const model = ${JSON.stringify(MODEL)};
const store = await openLibraryStore(${JSON.stringify(dir)}, { model });
const batch = Array.from({ length: ${BATCH} }, (_, k) => {
  const i = k + ${SEEDED / 2};
  return photo('/p/' + i + '.jpg', { modelId: model.id, size: 2, vector: Float32Array.from({ length: model.dimension }, (_, j) => Math.cos(i + j)) });
});
console.log('ready');
await store.upsertPhotos(batch);
console.log('done');
`,
    );

    const outcomes: string[] = [];
    for (const delayMs of [0, 200, 500, 1000, 1500, 2000, 3000, 5000, 30_000]) {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: path.resolve(import.meta.dirname, '../../..') });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => out.includes('ready') && resolve());
        child.on('exit', () => (out.includes('ready') ? resolve() : reject(new Error(`writer failed: ${err}`))));
      });
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill('SIGKILL');
      await exited;

      const store = await openLibraryStore(dir, { model: MODEL, readOnly: true });
      const states = await store.photoStates();
      const rows = await store.countPhotos();
      await store.close();
      expect(rows).toBe(states.size); // no path twice
      const fresh = [...states.values()].filter((s) => s.size === 2).length;
      if (fresh === 0) {
        expect(rows).toBe(SEEDED); // the batch never landed
        outcomes.push('before');
      } else {
        expect(fresh).toBe(BATCH); // it landed whole
        expect(rows).toBe(SEEDED / 2 + BATCH);
        outcomes.push('after');
        break; // later rounds would only replay the same batch
      }
    }
    console.log(`killed writer outcomes: ${outcomes.join(', ')}`);
  });
});
