// A photo the user trashed in Shoebox, then restored (moved back, indexed again), then deleted
// outside Shoebox, is imported again like any photo deleted outside it: the trash's note of it
// is ignored while the library has a photo row of that content, and removed by the import
// (api/import-held.ts). A note goes for an --include-trashed import only for what it copied.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { heldContents } from '../../../src/core/api/import-held';
import { noteTrashed, trashedContents } from '../../../src/core/library/trashed-contents';
import { FolderFiles } from '../../../src/core/location/folder-files';
import type { LibraryStore } from '../../../src/core/store/types';
import { tempDir } from '../../helpers/images';

const RESTORED = { hash: 'a'.repeat(64), size: 100 };
const STILL_TRASHED = { hash: 'b'.repeat(64), size: 200 };

/** A library whose only photo row is the restored content's, its file deleted outside Shoebox. */
function libraryWithRow(dir: string): LibraryStore {
  const gone = path.join(dir, 'IMG_0002.JPG');
  return {
    libraryPathsByHash: async (hashes: readonly string[]) => new Map(hashes.filter((h) => h === RESTORED.hash).map((h) => [h, [gone]])),
    photosByPath: async (paths: readonly string[]) => new Map(paths.map((p) => [p, { path: p, hash: RESTORED.hash, size: RESTORED.size }])),
    listFailures: async () => [],
  } as unknown as LibraryStore;
}

describe('the trash’s note of a photo restored since', () => {
  it('does not hold back a content the library has a photo row for, and the import forgets its note', async () => {
    const dir = tempDir('shoebox-held-restored-');
    const files = new FolderFiles(dir);
    await noteTrashed(files, [RESTORED, STILL_TRASHED].map((c) => ({ ...c, name: 'IMG.JPG', at: 1 })));
    const held = heldContents(libraryWithRow(dir), files);
    const contents = [RESTORED, STILL_TRASHED];
    expect(await held.known(contents)).toEqual(new Set()); // its file is gone: not held
    expect(await held.trashed(contents)).toEqual(new Set([STILL_TRASHED.hash]));
    await held.settle([]);
    expect([...(await trashedContents(files)).keys()]).toEqual([STILL_TRASHED.hash]);
  });
});
