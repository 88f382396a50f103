// Files change between the scan and the read: a photo replaced by a FIFO, deleted, or on a
// drive that stops answering. Indexing never hangs on one, reports each for what it is, and a
// stop ends the run promptly. The swap happens right after the scan (when the indexer asks the
// store what it holds), so each case is deterministic.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { LibraryService } from '../../src/core/library/library-service';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';

// A drive that stops answering: reading `hung.jpg` never settles (photo-files.ts is where a
// network mount would block; the real reads keep their deadline, tested in the unit tests).
vi.mock('../../src/core/library/photo-files', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/library/photo-files')>();
  const open = async (file: string, options?: Parameters<typeof real.PhotoFile.open>[1]) => {
    const opened = await real.PhotoFile.open(file, options);
    return path.basename(file) === 'hung.jpg' ? Object.assign(opened, { readAll: () => new Promise<Buffer>(() => {}) }) : opened;
  };
  return { ...real, PhotoFile: { open } };
});

async function colourFolder(): Promise<string> {
  const dir = tempDir('shoebox-races-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
  return dir;
}

/** Runs `change` once the scan is done, right before the indexer reads any file. */
async function afterScan(lib: LibraryService, change: () => void): Promise<void> {
  const store = await lib.writable();
  const photoStates = store.photoStates.bind(store);
  vi.spyOn(store, 'photoStates').mockImplementationOnce(async () => {
    change();
    return photoStates();
  });
}

describe.runIf(process.platform !== 'win32')('files that change after the scan', () => {
  it('a photo replaced by a FIFO is failed with a reason, and the run does not hang', async () => {
    const photos = await colourFolder();
    const lib = testLibrary(tempDir());
    const fifo = path.join(photos, 'red.jpg');
    await afterScan(lib, () => {
      fs.rmSync(fifo);
      execFileSync('mkfifo', [fifo]);
    });
    const s = await lib.index([photos]);
    expect(s.failed).toEqual([{ path: fifo, reason: 'not a regular file (a FIFO)' }]);
    expect(s).toMatchObject({ added: 3, interrupted: false });
  }, 30_000);

  it('a photo deleted mid-run is simply not in the library: no failure, no raw ENOENT', async () => {
    const photos = await colourFolder();
    const lib = testLibrary(tempDir());
    await afterScan(lib, () => fs.rmSync(path.join(photos, 'blue.jpg')));
    const s = await lib.index([photos]);
    expect(s.failed).toEqual([]);
    expect(s.added).toBe(3);
    expect(await lib.failures()).toEqual([]);
    expect((await lib.listPhotos()).map((p) => path.basename(p.path)).sort()).toEqual(['green.jpg', 'red.jpg', 'yellow.jpg']);
  });

  it('a stop ends the run promptly while a read hangs; the hung photo is left, not failed', async () => {
    const photos = await colourFolder();
    await writeColourPhoto(photos, 'hung.jpg', [90, 90, 90]);
    const lib = testLibrary(tempDir());
    const stop = new AbortController();
    const run = lib.index([photos], stop.signal);
    setTimeout(() => stop.abort(), 3000);
    const s = await Promise.race([run, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 15_000))]);
    expect(s).not.toBe('hung');
    if (s === 'hung') return;
    // Nothing is lost: each photo is either in the library or left for the next run.
    expect(s.interrupted).toBe(true);
    expect(s.left).toBeGreaterThanOrEqual(1);
    expect(s.added + s.left).toBe(5);
    expect(s.failed).toEqual([]);
    expect(await lib.failures()).toEqual([]);
  }, 30_000);
});
