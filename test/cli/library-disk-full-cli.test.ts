// A full disk under a --library folder stops `index` with the sentence every disk failure gets
// ("the disk holding DIR is full: …"), not LanceDB's raw "lance error: LanceError(IO): … No
// space left on device (os error 28), /usr/local/cargo/registry/…": the store turns Lance's
// OS error into the system error the rest of Shoebox gives (store/store-disk-full.ts). A real
// small tmpfs fills up (tests run as root; skipped, saying so, where mount is refused).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeDistinctPhotos } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH), '--provider', 'cpu'];

const disk = tempDir('shoebox-full-library-');
const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', disk], { encoding: 'utf8' });
const refused = mount.status === 0 ? null : (mount.stderr || String(mount.error ?? `mount exited ${mount.status}`)).trim();
if (refused) console.warn(`library-disk-full-cli: skipped, a tmpfs cannot be mounted here: ${refused}`);
afterAll(() => {
  if (!refused) spawnSync('umount', [disk]);
});

/** Fills the disk holding `dir` to the last byte (a file of it: `dir`/filler). */
function fill(dir: string): void {
  const fd = fs.openSync(path.join(dir, 'filler'), 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    // The last bytes a whole chunk did not fit.
    for (let n = 4096; n > 0; n = Math.floor(n / 2)) {
      try {
        for (;;) fs.writeSync(fd, chunk.subarray(0, n));
      } catch {
        // full at this size: a smaller one
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

describe.skipIf(refused !== null)('a full disk under --library', () => {
  it('index says the disk holding the library is full, in one sentence', async () => {
    const home = tempDir('shoebox-full-home-');
    const library = path.join(disk, 'library');
    const first = tempDir('shoebox-full-photos-');
    await writeDistinctPhotos(first, 2, { width: 320, height: 240 }, '#345');
    const made = await shoebox(['--home', home, '--library', library, 'index', ...MODEL, first]);
    expect(made.code, made.stderr).toBe(0);

    fill(disk);
    const more = tempDir('shoebox-full-photos-');
    await writeDistinctPhotos(more, 6, { width: 320, height: 240 }, '#a53');
    const res = await shoebox(['--home', home, '--library', library, 'index', ...MODEL, more]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`shoebox: the disk holding ${library} is full: photos indexed so far are kept; free some space and run the command again\n`);
  });
});
