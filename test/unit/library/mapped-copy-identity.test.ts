// A mapped folder's answer "this file holds its row's content" is kept per file stamp. A file
// replaced in place with the same size and mtime (`touch -r`, `rsync -t --inplace`,
// `exiftool -P`, exFAT's 2 s times) has another inode or status-change time: the kept answer
// is not used, the file is read again and its change indexed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MappedCopyHashes } from '../../../src/core/library/mapped-copy-hashes';
import { knownSameContent, sameContentInCopies } from '../../../src/core/library/mapped-copy-times';
import { tempDir } from '../../helpers/images';

const sha = (bytes: string) => crypto.createHash('sha256').update(bytes).digest('hex');

function setup() {
  const dir = tempDir('shoebox-mapped-');
  const folder = path.join(dir, 'photos');
  fs.mkdirSync(folder);
  const file = path.join(folder, 'a.jpg');
  const cache = path.join(dir, 'cache', 'mapped.json');
  // The row: another device's mtime, this content.
  const row = { size: 4, mtimeMs: 1_000, hash: sha('AAAA') };
  const mapped = new Map([[folder, '/elsewhere/photos']]);
  return { file, cache, row, mapped };
}

describe('a kept answer of a mapped copy', () => {
  const stamp = { size: 4, mtimeMs: 2_000, ino: 77, ctimeMs: 2_000.5 };

  it('is used while size, mtime, inode and ctime are the ones it was found with (kept across runs)', () => {
    const { cache } = setup();
    const hashes = new MappedCopyHashes(cache);
    hashes.remember('/p/a.jpg', stamp, 'h');
    hashes.save();
    expect(new MappedCopyHashes(cache).hashAt('/p/a.jpg', { ...stamp })).toBe('h');
  });

  it('is not used when the ctime differs (replaced in place, times set back)', () => {
    const { cache } = setup();
    const hashes = new MappedCopyHashes(cache);
    hashes.remember('/p/a.jpg', stamp, 'h');
    hashes.save();
    expect(hashes.hashAt('/p/a.jpg', { ...stamp, ctimeMs: 9_000 })).toBeUndefined();
    expect(new MappedCopyHashes(cache).hashAt('/p/a.jpg', { ...stamp, ctimeMs: 9_000 })).toBeUndefined();
  });

  it('is not used when the inode differs (a new file renamed over it)', () => {
    const { cache } = setup();
    const hashes = new MappedCopyHashes(cache);
    hashes.remember('/p/a.jpg', stamp, 'h');
    expect(hashes.hashAt('/p/a.jpg', { ...stamp, ino: 78 })).toBeUndefined();
  });

  it('an answer kept before inodes and ctimes (three fields) is asked again of a stat that has them', () => {
    const { cache } = setup();
    fs.mkdirSync(path.dirname(cache), { recursive: true });
    fs.writeFileSync(cache, JSON.stringify({ version: 1, files: { '/p/a.jpg': [4, 2_000, 'h'] } }));
    expect(new MappedCopyHashes(cache).hashAt('/p/a.jpg', stamp)).toBeUndefined();
    expect(new MappedCopyHashes(cache).hashAt('/p/a.jpg', { size: 4, mtimeMs: 2_000 })).toBe('h');
  });
});

describe('sameContentInCopies and knownSameContent', () => {
  it('read again a file replaced with the same size and mtime: its change is not taken as unchanged', async () => {
    const { file, cache, row, mapped } = setup();
    fs.writeFileSync(file, 'AAAA');
    const hashes = new MappedCopyHashes(cache);
    const found = { path: file, size: 4, mtimeMs: 2_000, ino: 1, ctimeMs: 2_000 };
    const rows = new Map([[file, row]]);
    expect(await sameContentInCopies([found], rows, mapped, hashes)).toEqual(new Set([file]));
    expect(knownSameContent(found, row, mapped, hashes)).toBe(true);
    // Replaced in place, same size, its mtime set back: only the ctime tells.
    fs.writeFileSync(file, 'BBBB');
    const replaced = { ...found, ctimeMs: 3_000 };
    expect(knownSameContent(replaced, row, mapped, hashes)).toBe(false);
    expect(await sameContentInCopies([replaced], rows, mapped, hashes)).toEqual(new Set());
    expect(hashes.hashAt(file, replaced)).toBe(sha('BBBB'));
  });
});

describe('a scan', () => {
  it('gives each file found its inode and ctime, from the stat it already made', async () => {
    const { file } = setup();
    fs.writeFileSync(file, 'AAAA');
    const { scanContext, scanFolder } = await import('../../../src/core/library/scan');
    const st = fs.statSync(file);
    const scan = await scanFolder(path.dirname(file), scanContext([path.dirname(file)], []));
    expect(scan.files).toMatchObject([{ path: file, ino: st.ino, ctimeMs: st.ctimeMs }]);
  });
});
