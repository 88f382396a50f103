// A disk mounted on a library folder, unmounted and mounted again: nothing it holds leaves the
// library meanwhile, and a watched folder is followed again once its disk is back (without
// restarting `watch`). The tests mount tmpfs, which needs root on Linux; they skip elsewhere.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import type { IndexSummary } from '../../src/core/library/index-summary';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';

const open: LibraryService[] = [];
const mounted: string[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
  while (mounted.length) spawnSync('umount', ['-l', mounted.pop()!]);
});

function library(): LibraryService {
  const lib = openLibrary({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test', emit: () => {} });
  open.push(lib);
  return lib;
}

function mountTmpfs(dir: string): boolean {
  const ok = spawnSync('mount', ['-t', 'tmpfs', 'tmpfs', dir]).status === 0;
  if (ok) mounted.push(dir);
  return ok;
}

function unmount(dir: string): void {
  expect(spawnSync('umount', [dir]).status).toBe(0);
  mounted.splice(mounted.lastIndexOf(dir), 1);
}

/** Whether this process may mount (root on Linux, not in a container that forbids it). */
const canMount = (() => {
  if (process.platform !== 'linux') return false;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-can-mount-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', 'tmpfs', dir]).status === 0;
  if (ok) spawnSync('umount', [dir]);
  fs.rmdirSync(dir);
  if (!ok) console.warn('library-mount-points: tests that mount tmpfs skipped (they need root on Linux)');
  return ok;
})();

/** What the disk holds, put back as it was (times to the nanosecond, as a disk keeps them). */
function copyAll(from: string, to: string): void {
  expect(spawnSync('cp', ['-a', `${from}/.`, `${to}/`]).status).toBe(0);
}

async function photos(dir: string, names: string[]): Promise<void> {
  for (const [i, name] of names.entries()) await writeColourPhoto(dir, name, [30 + i * 50, 200 - i * 40, 90]);
}


describe.skipIf(!canMount)('a disk mounted on a library folder (mounts tmpfs: needs root)', () => {
  it('watch follows a library folder again after its disk is unmounted and mounted again', async () => {
    const root = tempDir('shoebox-remount-');
    expect(mountTmpfs(root)).toBe(true);
    await photos(root, ['a.jpg', 'b.jpg', 'c.jpg']);
    const stash = tempDir('shoebox-stash-');
    copyAll(root, stash);
    const lib = library();
    await lib.index([root]);
    const summaries: IndexSummary[] = [];
    const stop = new AbortController();
    const watching = lib.watch(stop.signal, (s) => summaries.push(s));
    try {
      await expect.poll(() => summaries.length, { timeout: 20_000 }).toBeGreaterThan(0); // the catch-up
      unmount(root);
      // Seen as another folder at the path (the empty mount point): caught up on, photos kept.
      await expect.poll(() => summaries.some((s) => s.unavailable.some((u) => u.path === root && u.kept === 3)), { timeout: 20_000 }).toBe(true);
      expect(mountTmpfs(root)).toBe(true);
      copyAll(stash, root);
      await writeColourPhoto(root, 'while away.jpg', [250, 20, 120]); // caught up on once back
      await expect.poll(async () => (await lib.listPhotos()).length, { timeout: 30_000 }).toBe(4);
      // Followed again: a photo added later (once the sync that took 'while away' has ended,
      // not beside it) is seen without a restart.
      await expect.poll(() => summaries.reduce((n, s) => n + s.added, 0), { timeout: 30_000 }).toBe(1);
      await writeColourPhoto(root, 'after.jpg', [20, 250, 120]);
      await expect.poll(async () => (await lib.listPhotos()).length, { timeout: 30_000 }).toBe(5);
    } finally {
      stop.abort();
      await watching;
    }
    expect(summaries.every((s) => s.removed === 0)).toBe(true);
  });
});
