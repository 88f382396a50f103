// A photo still being copied when the watch reads it (a slow copy that pauses halfway) fails
// as a JPEG cut short; when the rest arrives and it is indexed, the watch says so, so the
// failure is not the last word the user heard of it. A damaged file stays failed, said once.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import type { IndexSummary } from '../../src/core/library/index-summary';
import type { LibraryEvent } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';

const open: LibraryService[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const infos = (events: LibraryEvent[]) => events.flatMap((e) => (e.type === 'log' && e.level === 'info' ? [e.message] : []));

describe('watch: a photo written in two goes', () => {
  it('says "now indexed" once the rest arrives after it was reported failed', async () => {
    const photos = tempDir('shoebox-slow-copy-');
    const source = tempDir('shoebox-slow-source-');
    await writeColourPhoto(photos, 'first.jpg', [200, 40, 40]);
    await writeColourPhoto(source, 'whole.jpg', [40, 200, 40]);
    const bytes = fs.readFileSync(path.join(source, 'whole.jpg'));
    const events: LibraryEvent[] = [];
    const lib = openLibrary({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test', emit: (e) => events.push(e) });
    open.push(lib);
    await lib.index([photos]);
    const summaries: IndexSummary[] = [];
    const stop = new AbortController();
    const watching = lib.watch(stop.signal, (s) => summaries.push(s));
    try {
      await expect.poll(() => summaries.length, { timeout: 20_000 }).toBeGreaterThan(0); // the catch-up
      const slow = path.join(photos, 'slow.jpg');
      fs.writeFileSync(slow, bytes.subarray(0, Math.floor(bytes.length / 2)));
      await expect.poll(() => summaries.flatMap((s) => s.failed.map((f) => f.path)), { timeout: 20_000 }).toContain(slow);
      fs.appendFileSync(slow, bytes.subarray(Math.floor(bytes.length / 2)));
      await expect.poll(() => summaries.reduce((n, s) => n + s.added, 0), { timeout: 20_000 }).toBe(1);
      await expect.poll(() => infos(events).filter((l) => l.startsWith(`now indexed: ${slow}`)).length, { timeout: 10_000 }).toBe(1);
    } finally {
      stop.abort();
      await watching;
    }
  }, 90_000);
});
