// A disk that stops a command (full, read-only, not Shoebox's to use, a file where the home
// should be) is said in one plain sentence naming the folder and what to do, never as the
// system's "ENOSPC: no space left on device, write". Tests run as root (chmod stops nothing),
// so the disk's answer is injected where the library takes its writer lock (<home>/library.lock).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH), '--provider', 'cpu'];

afterEach(() => {
  vi.restoreAllMocks();
});

/** The disk answers `code` to the writer lock's creation (its temp file's too); `withPath`: the error names the file, as open() does. */
function lockRefused(code: string, message: string, withPath = true): void {
  const openSync = fs.openSync.bind(fs);
  vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
    // The lock itself, or the temp file it is written into before it is linked in place (lock-file-create.ts).
    if (/library\.lock(\.\d+\.[0-9a-f]+\.tmp)?$/.test(String(file))) {
      throw Object.assign(new Error(withPath ? `${code}: ${message}, open '${String(file)}'` : `${code}: ${message}, write`), { code, syscall: withPath ? 'open' : 'write', ...(withPath ? { path: String(file) } : {}) });
    }
    return openSync(file, flags ?? 'r', mode);
  }) as typeof fs.openSync);
}

describe('a disk that stops a command', () => {
  it('a --home under a file names the file and says to choose another --home', async () => {
    const parent = tempDir('shoebox-disk-');
    const file = path.join(parent, 'afile');
    fs.writeFileSync(file, 'not a folder');
    const res = await shoebox(['--home', path.join(file, 'home'), 'status']);
    expect(res).toEqual({ code: 1, stdout: '', stderr: `shoebox: ${file} is a file, not a folder: choose another --home\n` });
  });

  it('a full disk while indexing names the home and says the photos indexed so far are kept', async () => {
    const home = tempDir('shoebox-disk-home-');
    lockRefused('ENOSPC', 'no space left on device', false);
    const res = await shoebox(['--home', home, 'index', ...MODEL, tempDir('shoebox-disk-photos-')]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`shoebox: the disk holding ${home} is full: photos indexed so far are kept; free some space and run the command again\n`);
  });

  it('a home on a read-only disk names the home, not the lock file', async () => {
    const home = tempDir('shoebox-disk-home-');
    lockRefused('EROFS', 'read-only file system');
    const res = await shoebox(['--home', home, 'index', ...MODEL, tempDir('shoebox-disk-photos-')]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`shoebox: ${home} is on a read-only disk: Shoebox cannot write its data there\n`);
  });

  it('a home Shoebox may not write names the folder and says what to check', async () => {
    const home = tempDir('shoebox-disk-home-');
    lockRefused('EACCES', 'permission denied');
    const res = await shoebox(['--home', home, 'index', ...MODEL, tempDir('shoebox-disk-photos-')]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`shoebox: Shoebox may not use ${home} (permission denied): check its owner and permissions or choose another --home\n`);
  });
});
