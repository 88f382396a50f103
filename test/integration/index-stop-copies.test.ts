// A stop (Ctrl-C) mid-index: nothing is embedded after it but the batch already running, and
// every photo of the run is either added or counted as left for the next run, copies of a
// photo that was decoded but not embedded too (they waited on it and were counted nowhere).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipModel } from '../../src/core/clip/clip-model';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';

afterEach(() => vi.restoreAllMocks());

describe('a stop mid-index', () => {
  it('counts every photo as added or left, copies of photos not embedded included', async () => {
    const photos = tempDir('shoebox-stop-copies-');
    for (let i = 0; i < 24; i++) await writeColourPhoto(photos, `p${String(i).padStart(2, '0')}.jpg`, [i * 10, 255 - i * 10, (i * 37) % 256]);
    // A copy of each photo, each beside its original in the run's order.
    for (let i = 0; i < 24; i++) fs.copyFileSync(path.join(photos, `p${String(i).padStart(2, '0')}.jpg`), path.join(photos, `p${String(i).padStart(2, '0')}b.jpg`));
    const lib = testLibrary(tempDir());
    // The first batch runs until the stop has come; later batches would run at once.
    const real = ClipModel.prototype.embedPixels;
    let batches = 0;
    let release!: () => void;
    const stopped = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(ClipModel.prototype, 'embedPixels').mockImplementation(async function (this: ClipModel, pixels, count) {
      if (count > 1 && ++batches === 1) await stopped;
      return real.call(this, pixels, count);
    });
    const stop = new AbortController();
    const run = lib.index([photos], stop.signal);
    await vi.waitFor(() => expect(batches).toBe(1), { timeout: 30_000 });
    // Let the photos after the first batch be decoded (and their copies wait on them).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    stop.abort();
    release();
    const summary = await run;
    expect(summary.interrupted).toBe(true);
    expect(batches).toBe(1);
    expect(summary.added).toBeGreaterThan(0);
    expect(summary.added + summary.left).toBe(48);
    // The next run embeds only what was left, and takes every photo.
    const next = await lib.index([photos]);
    expect(next.added).toBe(summary.left);
    expect(summary.added + next.added).toBe(48);
  }, 120_000);
});
