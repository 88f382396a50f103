// One damaged store file must not make the library unusable for good: reads say which table
// is damaged and what to do, in one line, and repair brings the table back to its last
// readable version (issue 16.5).
import { describe, expect, it } from 'vitest';
import { openLibraryStore, photosTableName, repairLibraryStore } from '../../../src/core/store';
import type { TagRecord } from '../../../src/core/store/types';
import { MODEL, openStore, photo, snapshot, tempLibraryDir } from './store-helpers';
import { DAMAGE_KINDS, damageTable, dataFiles } from './damage';

const ONE_LINE = /^library damaged: (\S+) cannot be read \([a-z ]+\); run 'shoebox repair'$/;
const PHOTOS = photosTableName(MODEL.id);
const FIRST = ['/p/a.jpg', '/p/b.jpg', '/p/c.jpg'];
const SECOND = ['/p/d.jpg', '/p/e.jpg'];

/** The error a call fails with ('' when it succeeds). */
async function failure(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

/** Every read a command makes, through a reader as `status`/`list`/`search` open it. */
async function readerFailure(dir: string): Promise<string> {
  return failure(async () => {
    const store = await openLibraryStore(dir, { model: { id: MODEL.id, dimension: 0 }, readOnly: true });
    try {
      await store.photoStates();
      await store.listPhotos();
      await store.searchVectors({ vector: Float32Array.of(1, 0, 0, 0), limit: 3 });
    } finally {
      await store.close();
    }
  });
}

async function paths(dir: string): Promise<string[]> {
  const store = await openStore(dir);
  return [...(await store.photoStates()).keys()].sort();
}

describe('a damaged store', () => {
  for (const kind of DAMAGE_KINDS) {
    it(`${kind} of the photos table: reads say so in one line; repair goes back to the last readable version`, async () => {
      const dir = tempLibraryDir();
      const writer = await openLibraryStore(dir, { model: MODEL });
      await writer.addFolder('/p');
      await writer.upsertPhotos(FIRST.map((p) => photo(p)));
      const before = dataFiles(dir, PHOTOS);
      await writer.upsertPhotos(SECOND.map((p) => photo(p)));
      await writer.close();
      damageTable(dir, PHOTOS, kind, before);

      const message = await readerFailure(dir);
      expect(message).toMatch(ONE_LINE);
      expect(ONE_LINE.exec(message)![1]).toBe(PHOTOS);
      // The writer (index) says the same, and re-indexing cannot get past it.
      expect(await failure(async () => (await openStore(dir)).photoStates())).toMatch(ONE_LINE);

      const report = await repairLibraryStore(dir);
      expect(report.repaired).toBe(1);
      expect(report.checked).toBeGreaterThanOrEqual(4);
      const photos = report.tables.find((t) => t.table === PHOTOS)!;
      expect(photos).toMatchObject({ state: 'restored', rowsAfter: FIRST.length, reason: expect.any(String) });
      if (kind !== 'truncated manifest') expect(photos.rowsLost).toBe(SECOND.length);
      expect(report.tables.filter((t) => t.table !== PHOTOS).every((t) => t.state === 'ok')).toBe(true);

      expect(await readerFailure(dir)).toBe('');
      // The photos of the lost commit are simply missing: the next index embeds them again.
      expect(await paths(dir)).toEqual(FIRST);
      const store = await openStore(dir);
      expect((await store.listFolders()).map((f) => f.path)).toEqual(['/p']);
      await store.upsertPhotos(SECOND.map((p) => photo(p)));
      expect(await store.countPhotos()).toBe(FIRST.length + SECOND.length);
    });
  }

  it("the user's tag decisions go back to their last readable version", async () => {
    const tag = (hash: string, label: string): TagRecord => ({ hash, set: 'things', label, score: 0.9, state: 'accepted', modelId: MODEL.id, updatedAt: 1 });
    const dir = tempLibraryDir();
    const writer = await openLibraryStore(dir, { model: MODEL });
    await writer.putTags([tag('h1', 'cat')]);
    const before = dataFiles(dir, 'tags');
    await writer.putTags([tag('h2', 'dog')]);
    await writer.close();
    damageTable(dir, 'tags', 'garbled fragment', before);

    expect(await failure(async () => (await openStore(dir)).listTags())).toMatch(/^library damaged: tags cannot be read/);
    const report = await repairLibraryStore(dir);
    expect(report.tables.find((t) => t.table === 'tags')).toMatchObject({ state: 'restored', rowsLost: 1 });
    expect((await (await openStore(dir)).listTags()).map((t) => t.label)).toEqual(['cat']);
  });

  it('a table with no readable version is moved aside and rebuilt; its folders come back from the photos', async () => {
    const dir = tempLibraryDir();
    const writer = await openLibraryStore(dir, { model: MODEL });
    await writer.addFolder('/p');
    await writer.upsertPhotos(FIRST.map((p) => photo(p)));
    await writer.close();
    // Every fragment of `folders` gone: no version but the empty first one reads... and that
    // one loses the folder, which the photos' rows still name.
    damageTable(dir, 'folders', 'deleted fragment', []);

    const report = await repairLibraryStore(dir);
    expect(report.tables.find((t) => t.table === 'folders')?.state).toMatch(/restored|rebuilt/);
    expect(report.foldersReadded).toEqual(['/p']);
    const store = await openStore(dir);
    expect((await store.listFolders()).map((f) => f.path)).toEqual(['/p']);
    expect(await store.countPhotos()).toBe(FIRST.length);
  });

  it('a healthy library: repair reports every table ok and writes nothing', async () => {
    const dir = tempLibraryDir();
    const writer = await openLibraryStore(dir, { model: MODEL });
    await writer.upsertPhotos(FIRST.map((p) => photo(p)));
    await writer.close();
    const files = snapshot(dir);
    const report = await repairLibraryStore(dir);
    expect(report).toMatchObject({ repaired: 0, movedAside: null, foldersReadded: [] });
    expect(report.checked).toBe(report.tables.length);
    expect(report.tables.every((t) => t.state === 'ok')).toBe(true);
    expect(snapshot(dir)).toEqual(files);
  });
});
