// An atomic write leaves the old file or the new one, never half of either, and no temporary
// file behind: the settings, reports, sidecars and window state all go through it.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../../src/base/atomic-write';
import { tempDir } from '../../helpers/images';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('writeFileAtomicSync', () => {
  it('writes a new file, creating its folder, and replaces an old one', () => {
    const file = path.join(tempDir('shoebox-atomic-'), 'deep', 'settings.json');
    writeFileAtomicSync(file, '{"a":1}');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"a":1}');
    writeFileAtomicSync(file, Buffer.from('{"a":2}'));
    expect(fs.readFileSync(file, 'utf8')).toBe('{"a":2}');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['settings.json']);
  });

  it('leaves the old file intact and no temporary file when the write fails before the rename', () => {
    const dir = tempDir('shoebox-atomic-');
    const file = path.join(dir, 'report.json');
    fs.writeFileSync(file, 'old contents');
    vi.spyOn(fs, 'fsyncSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    expect(() => writeFileAtomicSync(file, 'new contents')).toThrow(/ENOSPC/);
    expect(fs.readFileSync(file, 'utf8')).toBe('old contents');
    expect(fs.readdirSync(dir)).toEqual(['report.json']);
  });

  it('leaves what stands at the target when the rename fails', () => {
    const dir = tempDir('shoebox-atomic-');
    const target = path.join(dir, 'taken');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep.txt'), 'kept');
    expect(() => writeFileAtomicSync(target, 'data')).toThrow();
    expect(fs.readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('kept');
    expect(fs.readdirSync(dir)).toEqual(['taken']);
  });

  it('gives the new file the permission bits asked for', () => {
    if (process.platform === 'win32') return;
    const file = path.join(tempDir('shoebox-atomic-'), 'photo.xmp');
    writeFileAtomicSync(file, '<x/>', { mode: 0o600 });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('writeFileAtomic', () => {
  it('writes and replaces like the sync one', async () => {
    const file = path.join(tempDir('shoebox-atomic-'), 'a', 'decisions.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, new Uint8Array([116, 119, 111]));
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['decisions.json']);
  });

  it('leaves the old file intact and no temporary file when the rename fails', async () => {
    const dir = tempDir('shoebox-atomic-');
    const file = path.join(dir, 'report.json');
    fs.writeFileSync(file, 'old contents');
    vi.spyOn(fsp, 'rename').mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }));
    await expect(writeFileAtomic(file, 'new contents')).rejects.toThrow(/EIO/);
    expect(fs.readFileSync(file, 'utf8')).toBe('old contents');
    expect(fs.readdirSync(dir)).toEqual(['report.json']);
  });

  it('never shows a reader half a file while many writers replace it', async () => {
    const file = path.join(tempDir('shoebox-atomic-'), 'state.json');
    const big = (n: number) => JSON.stringify({ n, pad: 'x'.repeat(200_000) });
    await writeFileAtomic(file, big(0));
    let reading = true;
    const seen = new Set<number>();
    const reader = (async () => {
      while (reading) {
        seen.add((JSON.parse(await fsp.readFile(file, 'utf8')) as { n: number }).n); // throws on half a file
        await new Promise((r) => setImmediate(r));
      }
    })();
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileAtomic(file, big(i + 1), { durable: false })));
    reading = false;
    await reader;
    expect(seen.size).toBeGreaterThan(0);
  });
});
