import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moveToTrash } from '../../../src/core/dupes/trash';
import { planTrash } from '../../../src/core/dupes/trash-duplicates';
import type { DuplicateGroup } from '../../../src/core/dupes/types';
import { tempDir } from '../../helpers/images';

function write(dir: string, name: string, content = name): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('trash folder (SHOEBOX_TRASH_DIR)', () => {
  it('moves files into files/ with a freedesktop .trashinfo, keeping names apart', async () => {
    const photos = tempDir();
    const trash = path.join(tempDir(), 'Trash');
    const a = write(photos, 'a b%.jpg', 'first');
    const result = await moveToTrash([a], { trashDir: trash });
    expect(result).toEqual({ moved: [a], failed: [] });
    expect(fs.existsSync(a)).toBe(false);
    const again = write(photos, 'a b%.jpg', 'second');
    await moveToTrash([again], { trashDir: trash });
    expect(fs.readdirSync(path.join(trash, 'files')).sort()).toEqual(['a b%.2.jpg', 'a b%.jpg']);
    expect(fs.readFileSync(path.join(trash, 'files', 'a b%.2.jpg'), 'utf8')).toBe('second');
    const info = fs.readFileSync(path.join(trash, 'info', 'a b%.jpg.trashinfo'), 'utf8');
    expect(info).toContain(`Path=${photos.split('/').map(encodeURIComponent).join('/')}/a%20b%25.jpg\n`);
    expect(info).toMatch(/^\[Trash Info\]\n/);
  });

  it('never overwrites a file already in the trash, and reports missing files', async () => {
    const photos = tempDir();
    const trash = tempDir();
    fs.mkdirSync(path.join(trash, 'files'));
    fs.writeFileSync(path.join(trash, 'files', 'x.jpg'), 'orphan without trashinfo');
    const x = write(photos, 'x.jpg');
    const gone = path.join(photos, 'gone.jpg');
    const result = await moveToTrash([x, gone], { trashDir: trash });
    expect(result.moved).toEqual([x]);
    expect(result.failed).toEqual([{ path: gone, reason: 'file not found' }]);
    expect(fs.readFileSync(path.join(trash, 'files', 'x.jpg'), 'utf8')).toBe('orphan without trashinfo');
    expect(fs.readFileSync(path.join(trash, 'files', 'x.2.jpg'), 'utf8')).toBe('x.jpg');
  });
});

// The OS trash through the `trash` package: on Linux the home trash under $XDG_DATA_HOME when
// the file is on the home's file system (the package reads XDG_DATA_HOME when first loaded).
const sameDeviceAsHome = fs.statSync(os.tmpdir()).dev === fs.statSync(os.homedir()).dev;
describe.skipIf(process.platform !== 'linux' || !sameDeviceAsHome)('OS trash', () => {
  it('moves a file to the freedesktop home trash', async () => {
    const data = tempDir();
    process.env.XDG_DATA_HOME = data;
    const photos = tempDir();
    const file = write(photos, 'photo [1].jpg'); // brackets: not a glob pattern
    const result = await moveToTrash([file]);
    expect(result).toEqual({ moved: [file], failed: [] });
    expect(fs.existsSync(file)).toBe(false);
    const trashed = fs.readdirSync(path.join(data, 'Trash', 'files'));
    expect(trashed).toHaveLength(1);
    expect(fs.readFileSync(path.join(data, 'Trash', 'files', trashed[0]!), 'utf8')).toBe('photo [1].jpg');
  });
});

describe('trash plan', () => {
  it('takes every non-keeper once, and leaves groups whose keeper changed alone', async () => {
    const dir = tempDir();
    const files = Object.fromEntries(['keep', 'dup1', 'dup2', 'lost-keeper', 'orphan', 'changed'].map((n) => [n, write(dir, `${n}.jpg`)]));
    fs.rmSync(files['lost-keeper']!);
    const indexed = new Map(Object.values(files).map((f) => [f, { size: fs.existsSync(f) ? fs.statSync(f).size : 5, mtimeMs: fs.existsSync(f) ? Math.floor(fs.statSync(f).mtimeMs) : 0 }]));
    fs.writeFileSync(files.changed!, 'edited since indexing');
    const member = (p: string) => ({ path: p, width: 1, height: 1, bytes: 10 });
    const groups: DuplicateGroup[] = [
      { kind: 'exact', keep: files.keep!, members: [member(files.keep!), member(files.dup1!)] },
      { kind: 'near', keep: files.keep!, members: [member(files.keep!), member(files.dup1!), member(files.dup2!), member(files.changed!)] },
      { kind: 'near', keep: files['lost-keeper']!, members: [member(files['lost-keeper']!), member(files.orphan!)] },
    ];
    const plan = await planTrash(groups, indexed);
    expect(plan.paths).toEqual([files.dup1, files.dup2]);
    expect(plan.bytes).toBe(20);
    expect(plan.skipped).toEqual([
      { path: files.changed, reason: 'missing or changed since it was indexed' },
      { path: files.orphan, reason: `its keeper ${files['lost-keeper']} is missing or changed since it was indexed` },
    ]);
  });
});
