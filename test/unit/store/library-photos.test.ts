// Browsing does not depend on embeddings (issue 17): while a new model's table fills up, the
// library's photos are listed, counted and looked up with their metadata from the tables of
// the models that have them; search and vectors stay the active model's.
import { describe, expect, it } from 'vitest';
import { openStore, photo, tempLibraryDir, unit } from './store-helpers';

const OTHER = { id: 'Other-model', dimension: 3 };

describe('the library during a model switch', () => {
  it('lists, counts and looks up every photo of the library; the active model embedded only some', async () => {
    const dir = tempLibraryDir();
    const a = await openStore(dir);
    await a.upsertPhotos([photo('/p/a.jpg', { width: 1 }), photo('/p/b.jpg', { width: 2 }), photo('/q/c.jpg', { width: 3 })]);
    await a.close();
    const b = await openStore(dir, { model: OTHER });
    // B has embedded a.jpg (changed since: its row wins) and a photo A never saw.
    await b.upsertPhotos([
      photo('/p/a.jpg', { width: 10, modelId: OTHER.id, vector: unit(1, 0, 0) }),
      photo('/p/d.jpg', { width: 4, modelId: OTHER.id, vector: unit(0, 1, 0) }),
    ]);
    const listed = (await b.listPhotos()).map((p) => [p.path, p.width]);
    expect(listed).toEqual([
      ['/p/a.jpg', 10],
      ['/p/b.jpg', 2],
      ['/p/d.jpg', 4],
      ['/q/c.jpg', 3],
    ]);
    expect((await b.listPhotos({ offset: 1, limit: 2 })).map((p) => p.path)).toEqual(['/p/b.jpg', '/p/d.jpg']);
    expect((await b.listPhotos({ folder: '/p' })).map((p) => p.path)).toEqual(['/p/a.jpg', '/p/b.jpg', '/p/d.jpg']);
    // The timeline's narrow read sees the same library, each photo once, the active row's times.
    const dates = (await b.listPhotoDates()).map((p) => [p.path, p.hash, p.takenAt, p.mtimeMs, p.indexedAt]).sort();
    const full = (await b.listPhotos()).map((p) => [p.path, p.hash, p.takenAt, p.mtimeMs, p.indexedAt]);
    expect(dates).toEqual(full);
    expect(await b.countListed()).toBe(4);
    expect(await b.countListed({ folder: '/q' })).toBe(1);
    expect([...(await b.photosByPath(['/q/c.jpg', '/p/a.jpg'])).values()].map((p) => [p.path, p.width]).sort()).toEqual([
      ['/p/a.jpg', 10],
      ['/q/c.jpg', 3],
    ]);
    // Search and the embedded count are the active model's only.
    expect(await b.countPhotos()).toBe(2);
    expect((await b.searchVectors({ vector: unit(0, 0, 1), limit: 10 })).map((h) => h.path).sort()).toEqual(['/p/a.jpg', '/p/d.jpg']);
    // A removed photo is gone for every model.
    await b.removePhotos(['/p/b.jpg']);
    expect((await b.listPhotos()).map((p) => p.path)).toEqual(['/p/a.jpg', '/p/d.jpg', '/q/c.jpg']);
  });
});
