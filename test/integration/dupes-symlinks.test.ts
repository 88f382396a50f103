// Duplicates that are symbolic links to files in the library: the scan must keep the real
// file, and the trash must never move a file out from under a kept link to it (the link and
// its target are one picture on disk; trashing the file leaves the link dangling). Real
// files, a real library on the tiny model, a trash folder of our own.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DupesService } from '../../src/core/dupes/dupes-service';
import type { LibraryService } from '../../src/core/library/library-service';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';

/** p2/originals/tench.jpg and p2/album/tench.jpg -> it ("album" sorts first), both indexed. */
async function linkedLibrary(): Promise<{ lib: LibraryService; original: string; link: string; trash: string }> {
  const root = tempDir('shoebox-links-');
  fs.mkdirSync(path.join(root, 'originals'));
  fs.mkdirSync(path.join(root, 'album'));
  const original = await writeColourPhoto(path.join(root, 'originals'), 'tench.jpg', [40, 120, 60]);
  const link = path.join(root, 'album', 'tench.jpg');
  fs.symlinkSync(original, link);
  await writeColourPhoto(root, 'other.jpg', [200, 30, 30]);
  const lib = testLibrary(tempDir());
  await lib.index([root]);
  // A library indexed before the scanner indexed a linked file once has a row for each
  // path; make sure this one does, whatever the scanner does now.
  const store = await lib.writable();
  if (!(await store.getPhoto(link))) {
    const row = (await store.getPhoto(original))!;
    await store.upsertPhotos([{ ...row, path: link }]);
  }
  return { lib, original, link, trash: path.join(tempDir(), 'Trash') };
}

describe('duplicates that are symbolic links', () => {
  it('keeps the real file over a link to it, and trashing moves only the link', async () => {
    const { lib, original, link, trash } = await linkedLibrary();
    const dupes = new DupesService(lib);
    const scan = await dupes.scan({ kinds: ['exact'], writer: true });
    expect(scan.groups).toHaveLength(1);
    expect(scan.groups[0]!.keep).toBe(original);
    expect(scan.groups[0]!.members.map((m) => m.path)).toEqual([original, link]);

    const plan = await dupes.planTrash(scan.groups);
    expect(plan.paths).toEqual([link]);
    const result = await dupes.trash(plan.paths, { keep: [original], trashDir: trash });
    expect(result).toEqual({ moved: [link], failed: [], refused: [] });
    expect(fs.existsSync(link)).toBe(false);
    expect(fs.statSync(original).isFile()).toBe(true);
    expect(fs.lstatSync(path.join(trash, 'files', 'tench.jpg')).isSymbolicLink()).toBe(true);
  });

  it('refuses to move the real file of a kept link, with or without being told what stays', async () => {
    const { lib, original, link, trash } = await linkedLibrary();
    const dupes = new DupesService(lib);
    const before = fs.readFileSync(original);
    // The CLI says what it keeps; the API (the user chose to keep the link) only what to move.
    for (const options of [{ keep: [link], trashDir: trash }, { trashDir: trash }]) {
      const result = await dupes.trash([original], options);
      expect(result.moved).toEqual([]);
      expect(result.refused).toEqual([{ path: original, reason: `it is the real file of the kept photo ${link}` }]);
      expect(result.failed).toEqual([]);
      expect(fs.readFileSync(link).equals(before)).toBe(true);
    }
    expect(fs.existsSync(path.join(trash, 'files'))).toBe(false);
    expect(await (await lib.readable()).getPhoto(original)).not.toBeNull();
  });

  it('refuses a file reached through a linked folder while the same file stays under its own name', async () => {
    const { lib, original, trash } = await linkedLibrary();
    const viaFolder = path.join(path.dirname(path.dirname(original)), 'mirror');
    fs.symlinkSync(path.dirname(original), viaFolder);
    const mirrored = path.join(viaFolder, 'tench.jpg');
    const store = await lib.writable();
    await store.upsertPhotos([{ ...(await store.getPhoto(original))!, path: mirrored }]);
    const result = await new DupesService(lib).trash([mirrored], { keep: [original], trashDir: trash });
    expect(result.moved).toEqual([]);
    expect(result.refused).toEqual([{ path: mirrored, reason: `it is the real file of the kept photo ${original}` }]);
    expect(result.failed).toEqual([]);
    expect(fs.statSync(original).isFile()).toBe(true);
  });
});
