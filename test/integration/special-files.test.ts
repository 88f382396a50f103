// A FIFO, socket or device named like a photo is not left out silently: index and watch record
// it as failed (`not a regular file (a FIFO)`), once, without opening it (a FIFO's open waits
// for a writer: the run must not hang). One named otherwise is not a photo: ignored.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndexSummary } from '../../src/core/library/index-summary';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';

const REASON = 'not a regular file (a FIFO)';

describe.runIf(process.platform !== 'win32')('a FIFO named like a photo', () => {
  it('index records it as failed once, counts it as scanned, and status lists it', async () => {
    const photos = tempDir('shoebox-fifo-');
    await writeColourPhoto(photos, 'real.jpg', [200, 30, 30]);
    const fifo = path.join(photos, 'fifo.jpg');
    execFileSync('mkfifo', [fifo, path.join(photos, 'fifo.txt')]);
    const lib = testLibrary(tempDir());
    expect(await lib.index([photos])).toMatchObject({ scanned: 2, added: 1, failed: [{ path: fifo, reason: REASON }] });
    // Known the next time: still listed, as unchanged since (the CLI says it only once).
    expect((await lib.index()).failed).toEqual([{ path: fifo, reason: REASON, known: true }]);
    const status = await lib.status();
    expect(status).toMatchObject({ photos: 1, pending: 0, failed: [{ path: fifo, reason: REASON }] });
  }, 30_000);

  it('watch records one made while it watches', async () => {
    const photos = tempDir('shoebox-fifo-watch-');
    await writeColourPhoto(photos, 'real.jpg', [30, 30, 200]);
    const lib = testLibrary(tempDir());
    await lib.index([photos]);
    const summaries: IndexSummary[] = [];
    const stop = new AbortController();
    const watching = lib.watch(stop.signal, (s) => summaries.push(s));
    try {
      await expect.poll(() => summaries.length, { timeout: 20_000 }).toBeGreaterThan(0); // the catch-up
      const fifo = path.join(photos, 'made later.jpg');
      execFileSync('mkfifo', [fifo]);
      await expect.poll(() => summaries.flatMap((s) => s.failed), { timeout: 20_000 }).toContainEqual({ path: fifo, reason: REASON });
      expect((await lib.failures()).map((f) => [f.path, f.reason])).toEqual([[fifo, REASON]]);
    } finally {
      stop.abort();
      await watching;
    }
    expect(fs.existsSync(path.join(photos, 'made later.jpg'))).toBe(true);
  }, 60_000);
});
