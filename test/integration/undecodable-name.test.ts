// A photo whose file name is not valid UTF-8 cannot be indexed, and is never left out silently:
// index and watch report it as failed (the name as Node decodes it, U+FFFD where the bad byte
// was, as index --json writes it), and status lists it, until it is renamed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndexSummary } from '../../src/core/library/index-summary';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';

const REASON = 'file name is not valid UTF-8: cannot be indexed (rename it)';
/** Writes a copy of `from` under a name with the byte 0xfd (not UTF-8) in it; its decoded path. */
function badlyNamedCopy(dir: string, from: string, stem: string): string {
  fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/${stem}`), Buffer.from([0xfd]), Buffer.from('.jpg')]), fs.readFileSync(from));
  return path.join(dir, `${stem}\uFFFD.jpg`);
}

describe.runIf(process.platform === 'linux')('a photo whose name is not valid UTF-8', () => {
  it('index records it: status lists it, and the next index counts it as known', async () => {
    const photos = tempDir('shoebox-bad-name-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const bad = badlyNamedCopy(photos, path.join(photos, 'red.jpg'), 'bad');
    const lib = testLibrary(tempDir());
    expect((await lib.index([photos])).failed).toEqual([{ path: bad, reason: REASON }]);
    expect((await lib.status()).failed).toEqual([{ path: bad, reason: REASON }]);
    expect((await lib.index()).failed).toEqual([{ path: bad, reason: REASON, known: true }]);
    expect((await lib.status()).failed).toEqual([{ path: bad, reason: REASON }]); // not dropped as stale
    // Renamed: no longer failed.
    fs.rmSync(Buffer.concat([Buffer.from(`${photos}/bad`), Buffer.from([0xfd]), Buffer.from('.jpg')]));
    await lib.index();
    expect((await lib.status()).failed).toEqual([]);
  }, 60_000);

  it('watch reports one copied in while it watches, and records it', async () => {
    const photos = tempDir('shoebox-bad-name-watch-');
    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
    const lib = testLibrary(tempDir());
    await lib.index([photos]);
    const summaries: IndexSummary[] = [];
    const stop = new AbortController();
    const watching = lib.watch(stop.signal, (s) => summaries.push(s));
    try {
      await expect.poll(() => summaries.length, { timeout: 20_000 }).toBeGreaterThan(0); // the catch-up
      const bad = badlyNamedCopy(photos, path.join(photos, 'blue.jpg'), 'bad3');
      await expect.poll(() => summaries.flatMap((s) => s.failed), { timeout: 20_000 }).toContainEqual({ path: bad, reason: REASON });
      expect((await lib.failures()).map((f) => [f.path, f.reason])).toEqual([[bad, REASON]]);
    } finally {
      stop.abort();
      await watching;
    }
  }, 60_000);
});
