// Two devices (two homes) share one library; device B sees the folder A indexed through its
// own copy (`folders map`), which lacks what A added since (a sync that lags). B's index must
// not remove A's photos from the shared library: they are kept and said once, in one line.
// A rename on B's copy is still a move, and A, which holds the folder at its library path,
// still removes what is deleted there. `index --remove-missing` removes them on B (every
// device maps the folder). A photo A copied to a place B's copy lacks is kept too (the copy's
// unchanged original is no move). A library in the device's own home has no other device: a
// mapping there is its own folder moved (Locate folder…), and what is deleted goes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

/** A copy of `from` at `to`, times kept to the millisecond (the precision rows keep). */
function copyWithTimes(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
  for (const entry of fs.readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(from, path.join(entry.parentPath, entry.name));
    const st = fs.statSync(path.join(from, rel));
    fs.utimesSync(path.join(to, rel), st.atimeMs / 1000, st.mtimeMs / 1000);
  }
}

type Summary = { unchanged: number; added: number; removed: number; moved: number; embedded: number; notInCopy?: { folder: string; copy: string; kept: number }[] };

describe("a mapped folder whose copy on this device lacks photos", () => {
  it("keeps the other device's photos, says so once, and still follows moves and the owner's deletions", { timeout: 240_000 }, async () => {
    const library = path.join(tempDir('shoebox-shared-'), 'library');
    const homeA = tempDir();
    const homeB = tempDir();
    const photos = tempDir('shoebox-photos-');
    const folder = path.join(photos, 'S'); // A's folder, at the library's path
    const copy = path.join(photos, 'S2'); // B's copy of it
    fs.mkdirSync(folder);
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(folder, `${name}.jpg`, rgb);
    const run = (home: string, args: string[]) => shoebox(['--home', home, '--library', library, ...args]);
    const json = async <T>(home: string, args: string[]): Promise<T> => {
      const res = await run(home, [...args, '--json']);
      expect(res.code, res.stderr).toBe(0);
      return JSON.parse(res.stdout) as T;
    };
    expect(await json<Summary>(homeA, ['index', ...MODEL, folder])).toMatchObject({ added: 4 });
    copyWithTimes(folder, copy);
    const mapped = await run(homeB, ['folders', 'map', ...MODEL, folder, copy]);
    expect(mapped.code, mapped.stderr).toBe(0);

    // A adds a subfolder; B's copy has not got it yet.
    const sub = path.join(folder, 'sub');
    fs.mkdirSync(sub);
    await writeColourPhoto(sub, 'purple.jpg', [128, 0, 128]);
    await writeColourPhoto(sub, 'teal.jpg', [0, 128, 128]);
    await writeColourPhoto(sub, 'grey.jpg', [128, 128, 128]);
    expect(await json<Summary>(homeA, ['index', ...MODEL])).toMatchObject({ added: 3, removed: 0 });

    // B's index: A's three photos stay in the library, said in one line with what to do.
    const indexB = await run(homeB, ['index', ...MODEL]);
    expect(indexB.code, indexB.stderr).toBe(0);
    expect(indexB.stdout).toContain('0 removed');
    const line = `shoebox: 3 photos of ${folder} are not in this device's copy at ${copy}: kept (the device that holds the folder at its library path removes photos deleted there; shoebox index --remove-missing ${copy} removes them if they were deleted)`;
    expect(indexB.stderr.split('\n').filter((l) => l.includes("not in this device's copy"))).toEqual([line]);
    expect(await json<Summary>(homeB, ['index', ...MODEL])).toMatchObject({ unchanged: 4, removed: 0, notInCopy: [{ folder, copy, kept: 3 }] });
    // A sees its folder whole: nothing pending, nothing to embed again.
    expect(await json<{ pending: number }>(homeA, ['status', ...MODEL])).toMatchObject({ pending: 0 });
    expect(await json<Summary>(homeA, ['index', ...MODEL])).toMatchObject({ unchanged: 7, added: 0, removed: 0, embedded: 0 });

    // A rename on B's copy is a move there: the old name goes, nothing is kept for it.
    fs.renameSync(path.join(copy, 'red.jpg'), path.join(copy, 'scarlet.jpg'));
    const moved = await json<Summary>(homeB, ['index', ...MODEL]);
    // (`removed` counts the old row; the CLI says it as moved: added-count.ts)
    expect(moved).toMatchObject({ moved: 1, removed: 1, embedded: 0, notInCopy: [{ kept: 3 }] });
    const listB = await json<{ path: string }[]>(homeB, ['list', ...MODEL]);
    expect(listB.map((p) => path.basename(p.path)).sort()).toEqual(['blue.jpg', 'green.jpg', 'grey.jpg', 'purple.jpg', 'scarlet.jpg', 'teal.jpg', 'yellow.jpg']);

    // A, at the library's path, removes what is deleted there.
    fs.rmSync(path.join(sub, 'teal.jpg'));
    const indexA = await json<Summary>(homeA, ['index', ...MODEL]);
    expect(indexA.removed).toBeGreaterThanOrEqual(1);
    expect(indexA.notInCopy).toBeUndefined();
    const listA = await json<{ path: string }[]>(homeA, ['list', ...MODEL]);
    expect(listA.map((p) => p.path)).not.toContain(path.join(sub, 'teal.jpg'));
    expect(listA.map((p) => p.path)).toContain(path.join(sub, 'purple.jpg'));

    // B, told the photos its copy lacks were deleted, removes them: A's red.jpg (A took its
    // row back from the rename, its own copy unrenamed), purple and grey; scarlet comes back.
    const removedB = await json<Summary>(homeB, ['index', ...MODEL, '--remove-missing', copy]);
    expect(removedB).toMatchObject({ removed: 3, embedded: 0 });
    expect(removedB.notInCopy).toBeUndefined();
    const listAfter = await json<{ path: string }[]>(homeB, ['list', ...MODEL]);
    expect(listAfter.map((p) => path.basename(p.path)).sort()).toEqual(['blue.jpg', 'green.jpg', 'scarlet.jpg', 'yellow.jpg']);
  });

  it("keeps a photo another device copied to a place the copy lacks, though the copy holds its original", { timeout: 240_000 }, async () => {
    const library = path.join(tempDir('shoebox-shared-'), 'library');
    const homeA = tempDir();
    const homeB = tempDir();
    const photos = tempDir('shoebox-photos-');
    const folder = path.join(photos, 'S');
    const copy = path.join(photos, 'S2');
    fs.mkdirSync(folder);
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(folder, `${name}.jpg`, rgb);
    const json = async <T>(home: string, args: string[]): Promise<T> => {
      const res = await shoebox(['--home', home, '--library', library, ...args, '--json']);
      expect(res.code, res.stderr).toBe(0);
      return JSON.parse(res.stdout) as T;
    };
    expect(await json<Summary>(homeA, ['index', ...MODEL, folder])).toMatchObject({ added: 4 });
    copyWithTimes(folder, copy);
    expect((await shoebox(['--home', homeB, '--library', library, 'folders', 'map', ...MODEL, folder, copy])).code).toBe(0);

    // A backs red.jpg up into a new subfolder, beside a new photo; B's copy has not got it yet.
    const backup = path.join(folder, 'backup');
    fs.mkdirSync(backup);
    fs.copyFileSync(path.join(folder, 'red.jpg'), path.join(backup, 'red.jpg'));
    await writeColourPhoto(backup, 'purple.jpg', [128, 0, 128]);
    expect(await json<Summary>(homeA, ['index', ...MODEL])).toMatchObject({ added: 2, removed: 0 });

    // B's copy still holds red.jpg where it was: that is no move of the backup, which stays.
    expect(await json<Summary>(homeB, ['index', ...MODEL])).toMatchObject({ unchanged: 4, removed: 0, notInCopy: [{ folder, copy, kept: 2 }] });
    const listA = await json<{ path: string }[]>(homeA, ['list', ...MODEL]);
    expect(listA.map((p) => path.relative(folder, p.path)).sort()).toEqual([path.join('backup', 'purple.jpg'), path.join('backup', 'red.jpg'), 'blue.jpg', 'green.jpg', 'red.jpg', 'yellow.jpg']);
  });
});

describe("this device's own library, its folder found at a new place (a disk mounted elsewhere)", () => {
  it('removes the photos deleted there: no other device holds the folder', { timeout: 240_000 }, async () => {
    const home = tempDir();
    const disk = tempDir('shoebox-disk-');
    const folder = path.join(disk, 'Photos');
    const moved = path.join(disk, 'Photos 1');
    fs.mkdirSync(folder);
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(folder, `${name}.jpg`, rgb);
    const run = (args: string[]) => shoebox(['--home', home, ...args]);
    const json = async <T>(args: string[]): Promise<T> => {
      const res = await run([...args, '--json']);
      expect(res.code, res.stderr).toBe(0);
      return JSON.parse(res.stdout) as T;
    };
    expect(await json<Summary>(['index', ...MODEL, folder])).toMatchObject({ added: 4 });
    // The disk comes back at another path; the user points the library at it (Locate folder…).
    fs.renameSync(folder, moved);
    const mapped = await run(['folders', 'map', ...MODEL, folder, moved]);
    expect(mapped.code, mapped.stderr).toBe(0);

    fs.rmSync(path.join(moved, 'red.jpg'));
    const index = await run(['index', ...MODEL]);
    expect(index.code, index.stderr).toBe(0);
    expect(index.stdout).toContain('1 removed');
    expect(index.stderr).not.toContain("not in this device's copy");
    const list = await json<{ path: string }[]>(['list', ...MODEL]);
    expect(list.map((p) => path.basename(p.path)).sort()).toEqual(['blue.jpg', 'green.jpg', 'yellow.jpg']);
  });

  it('refuses --remove-missing without the folder it is meant for (exit 2): never every lagging copy at once', async () => {
    const home = tempDir();
    const res = await shoebox(['--home', home, 'index', ...MODEL, '--remove-missing']);
    expect(res).toEqual({ code: 2, stdout: '', stderr: 'shoebox: --remove-missing needs the FOLDER whose missing photos you know were deleted\n' });
    expect(fs.readdirSync(home)).toEqual([]);
  });
});
