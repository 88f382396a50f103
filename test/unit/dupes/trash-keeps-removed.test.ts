// The trash keeps the rows of what it moves (keepRemoved) before removing them, and only of
// content that leaves the library: a copy of it staying elsewhere in the library is where a
// restored file takes its row from, so keeping it would only take a place in the cache.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File } from '../../../src/base/sha256-file';
import { trashPhotos, type TrashStore } from '../../../src/core/dupes/trash-duplicates';
import type { PhotoSummary } from '../../../src/core/store/types';
import { tempDir } from '../../helpers/images';

/** A store over the files of `dir`, each a row with its content hash; records what it removes. */
async function storeOver(dir: string, events: string[]): Promise<TrashStore> {
  const rows = new Map<string, PhotoSummary>();
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    rows.set(file, { path: file, folder: dir, hash: await sha256File(file) } as PhotoSummary);
  }
  const store: TrashStore = {
    photosByPath: async (paths) => new Map(paths.flatMap((p) => (rows.has(p) ? [[p, rows.get(p)!] as const] : []))),
    libraryPathsByHash: async (hashes) => new Map(hashes.map((h) => [h, [...rows.values()].filter((r) => r.hash === h).map((r) => r.path)])),
    listFolders: async () => [{ path: dir, addedAt: 0 }],
    removePhotos: async (paths) => {
      events.push(`removed ${paths.map((p) => path.basename(p)).join(' ')}`);
      for (const p of paths) rows.delete(p);
    },
  };
  return store;
}

describe('the trash keeps the rows of what leaves the library', () => {
  it('keeps the moved photos whose content leaves, before their rows are removed', async () => {
    const dir = tempDir('shoebox-trash-keep-');
    fs.writeFileSync(path.join(dir, 'a.jpg'), 'same bytes');
    fs.writeFileSync(path.join(dir, 'a copy.jpg'), 'same bytes');
    fs.writeFileSync(path.join(dir, 'c.jpg'), 'other bytes');
    fs.writeFileSync(path.join(dir, 'd.jpg'), 'more bytes');
    fs.writeFileSync(path.join(dir, 'd copy.jpg'), 'more bytes');
    const events: string[] = [];
    const store = await storeOver(dir, events);
    const moving = ['a.jpg', 'c.jpg', 'd.jpg', 'd copy.jpg'].map((n) => path.join(dir, n));
    const result = await trashPhotos(store, moving, {
      trashDir: tempDir('shoebox-trash-keep-bin-'),
      keepRemoved: async (paths) => void events.push(`kept ${paths.map((p) => path.basename(p)).join(' ')}`),
    });
    expect(result.moved).toEqual(moving);
    // a.jpg's content stays with "a copy.jpg"; both copies of d go, so both are kept.
    expect(events).toEqual(['kept c.jpg d.jpg d copy.jpg', 'removed a.jpg c.jpg d.jpg d copy.jpg']);
  });

  it('a cache that cannot be written never stops the trash', async () => {
    const dir = tempDir('shoebox-trash-keep-');
    fs.writeFileSync(path.join(dir, 'c.jpg'), 'other bytes');
    const events: string[] = [];
    const store = await storeOver(dir, events);
    const result = await trashPhotos(store, [path.join(dir, 'c.jpg')], {
      trashDir: tempDir('shoebox-trash-keep-bin-'),
      keepRemoved: () => Promise.reject(new Error('disk full')),
    });
    expect(result).toMatchObject({ moved: [path.join(dir, 'c.jpg')], failed: [] });
    expect(events).toEqual(['removed c.jpg']);
  });
});
