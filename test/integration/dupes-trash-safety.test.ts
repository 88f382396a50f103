// What the duplicates trash may move, checked on disk right before each move (the CLI's
// `dupes --trash` and the app's "Move to trash" both go through DupesService.trash): never a
// file outside the library folders (a subfolder swapped for a link to an outside folder), never
// a file whose bytes are no longer the scanned ones (size and mtime can be made to match), and
// a photo's own XMP sidecar goes with it. Also which copy is kept: a real file inside the
// library over a link to an outside copy. Real files, a library on the tiny model, a trash
// folder of our own.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DupesService } from '../../src/core/dupes/dupes-service';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';

/** root/sub/a.jpg and root/b.jpg, byte-identical, indexed; root/other.jpg apart. */
async function copies() {
  const root = tempDir('shoebox-trash-safety-');
  fs.mkdirSync(path.join(root, 'sub'));
  const a = await writeColourPhoto(path.join(root, 'sub'), 'a.jpg', [40, 120, 60]);
  const b = path.join(root, 'b.jpg');
  fs.copyFileSync(a, b);
  setTimes(a, b);
  await writeColourPhoto(root, 'other.jpg', [200, 30, 30]);
  const lib = testLibrary(tempDir());
  await lib.index([root]);
  return { root, a, b, lib, dupes: new DupesService(lib), trash: path.join(tempDir(), 'Trash') };
}

// Whole seconds: a time set from a Date can come back a fraction of a millisecond off.
const WHEN = 1_700_000_000;
const setTimes = (...files: string[]) => {
  for (const f of files) fs.utimesSync(f, WHEN, WHEN);
};

describe('the duplicates trash, checked right before each move', () => {
  it('never moves a file outside the library when a library subfolder was swapped for a link', async () => {
    const { root, a, b, dupes, trash } = await copies();
    const scan = await dupes.scan({ kinds: ['exact'], writer: true });
    expect(scan.groups).toHaveLength(1);
    // An outside folder with a file of the same name, size and mtime, the subfolder now a link to it.
    const outside = tempDir('shoebox-outside-');
    const stranger = path.join(outside, 'a.jpg');
    const bytes = Buffer.alloc(fs.statSync(a).size, 7);
    fs.writeFileSync(stranger, bytes);
    setTimes(stranger);
    fs.renameSync(path.join(root, 'sub'), path.join(root, 'sub-moved'));
    fs.symlinkSync(outside, path.join(root, 'sub'));
    // The size-and-mtime check sees nothing wrong.
    expect((await dupes.planTrash([{ ...scan.groups[0]!, keep: b }])).paths).toEqual([a]);

    const result = await dupes.trash([a], { keep: [b], trashDir: trash });
    expect(result.moved).toEqual([]);
    expect(result.failed).toEqual([{ path: a, reason: expect.stringMatching(/outside the library folders/) }]);
    expect(fs.readFileSync(stranger).equals(bytes)).toBe(true);
    expect(fs.existsSync(path.join(trash, 'files', 'a.jpg'))).toBe(false);
  });

  it('refuses a file outside the library even when its bytes are the scanned ones', async () => {
    const { root, a, b, dupes, trash } = await copies();
    const outside = tempDir('shoebox-outside-');
    const twin = path.join(outside, 'a.jpg');
    fs.copyFileSync(a, twin);
    setTimes(twin);
    fs.rmSync(path.join(root, 'sub'), { recursive: true });
    fs.symlinkSync(outside, path.join(root, 'sub'));
    const result = await dupes.trash([a], { keep: [b], trashDir: trash });
    expect(result.moved).toEqual([]);
    expect(result.failed).toEqual([{ path: a, reason: expect.stringMatching(/outside the library folders/) }]);
    expect(fs.existsSync(twin)).toBe(true);
  });

  it('never moves a file whose bytes changed, even with the same size and mtime', async () => {
    const { a, b, lib, dupes, trash } = await copies();
    const edited = Buffer.alloc(fs.statSync(a).size, 9);
    fs.writeFileSync(a, edited);
    setTimes(a);
    expect((await dupes.planTrash([{ kind: 'exact', keep: b, members: [b, a].map((p) => ({ path: p, width: 1, height: 1, bytes: 1 })) }])).paths).toEqual([a]);
    const result = await dupes.trash([a], { keep: [b], trashDir: trash });
    expect(result.moved).toEqual([]);
    expect(result.failed).toEqual([{ path: a, reason: 'its content changed since it was indexed' }]);
    expect(fs.readFileSync(a).equals(edited)).toBe(true);
    expect(await (await lib.readable()).getPhoto(a)).not.toBeNull();
  });

  it('moves a photo\'s own XMP sidecar with it, and leaves other sidecars and linked ones alone', async () => {
    const { root, a, b, dupes, trash } = await copies();
    const own = `${a}.xmp`;
    fs.writeFileSync(own, '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>');
    fs.writeFileSync(`${b}.xmp`, 'the keeper\'s');
    fs.writeFileSync(path.join(root, 'sub', 'a.xmp'), 'another program\'s, maybe shared with a.cr2');
    const result = await dupes.trash([a], { keep: [b], trashDir: trash });
    expect(result).toEqual({ moved: [a], failed: [], refused: [] });
    expect(fs.existsSync(own)).toBe(false);
    expect(fs.readFileSync(path.join(trash, 'files', 'a.jpg.xmp'), 'utf8')).toContain('xmpmeta');
    expect(fs.readFileSync(path.join(trash, 'info', 'a.jpg.xmp.trashinfo'), 'utf8')).toContain(`Path=${own.split('/').map(encodeURIComponent).join('/')}\n`);
    expect(fs.readFileSync(`${b}.xmp`, 'utf8')).toBe('the keeper\'s');
    expect(fs.existsSync(path.join(root, 'sub', 'a.xmp'))).toBe(true);

    // A sidecar that is a link (here to a file outside the library) stays, and so does its target.
    const { b: b2, dupes: dupes2, trash: trash2, root: root2 } = await copies();
    const a2 = path.join(root2, 'sub', 'a.jpg');
    const target = path.join(tempDir('shoebox-outside-'), 'notes.xmp');
    fs.writeFileSync(target, 'not ours');
    fs.symlinkSync(target, `${a2}.xmp`);
    expect(await dupes2.trash([a2], { keep: [b2], trashDir: trash2 })).toEqual({ moved: [a2], failed: [], refused: [] });
    expect(fs.lstatSync(`${a2}.xmp`).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('not ours');
  });
});

describe('the keeper of byte-identical copies', () => {
  it('is the real file inside the library, not a link to a copy outside it that sorts first', async () => {
    const root = tempDir('shoebox-keeper-');
    const real = await writeColourPhoto(root, 'tench.jpg', [40, 120, 60]);
    const outside = tempDir('shoebox-outside-');
    const twin = path.join(outside, 'tench.jpg');
    fs.copyFileSync(real, twin);
    const link = path.join(root, '0-tench.jpg');
    fs.symlinkSync(twin, link);
    const lib = testLibrary(tempDir());
    await lib.index([root]);
    const scan = await new DupesService(lib).scan({ kinds: ['exact'] });
    expect(scan.groups.map((g) => g.members.map((m) => m.path))).toEqual([[real, link]]);
    expect(scan.groups[0]!.keep).toBe(real);
  });

  it('is the original over a copy-named file, in every kind of group', async () => {
    const root = tempDir('shoebox-keeper-');
    const original = await writeColourPhoto(root, 'Bridge.jpg', [40, 120, 60]);
    const copy = path.join(root, 'Bridge copy.jpg');
    fs.copyFileSync(original, copy);
    setTimes(original, copy);
    const lib = testLibrary(tempDir());
    await lib.index([root]);
    const scan = await new DupesService(lib).scan({ kinds: ['exact', 'near'] });
    expect(scan.groups.length).toBeGreaterThan(0);
    for (const g of scan.groups) expect(g.keep).toBe(original);
  });
});
