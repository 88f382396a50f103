// A library folder that goes away under a watch (moved away, replaced by a plain file) is said
// when the watch notices, in the words `index` and `serve` use (`folder not found
// (unmounted?): DIR — its N photos are kept`), once while it stays away; said again when it
// goes again after coming back.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import type { LibraryEvent } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';

const open: LibraryService[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const warnings = (events: LibraryEvent[]) => events.flatMap((e) => (e.type === 'log' && e.level === 'warn' ? [e.message] : []));
const count = (lines: string[], line: string) => lines.filter((l) => l === line).length;

describe('watch: a library folder that goes away', () => {
  it('is said as index says it, once, when moved away and when replaced by a file', async () => {
    const lib1 = tempDir('shoebox-lib1-');
    const lib2 = tempDir('shoebox-lib2-');
    await writeColourPhoto(lib1, 'one.jpg', [200, 40, 40]);
    for (let i = 0; i < 2; i++) await writeColourPhoto(lib2, `p${i}.jpg`, [40, 80 + i * 90, 200]);
    const events: LibraryEvent[] = [];
    const lib = openLibrary({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test', emit: (e) => events.push(e) });
    open.push(lib);
    await lib.index([lib1, lib2]);
    const line = `folder not found (unmounted?): ${lib2} — its 2 photos are kept`;
    const summaries: unknown[] = [];
    const stop = new AbortController();
    const watching = lib.watch(stop.signal, (s) => summaries.push(s));
    try {
      await expect.poll(() => summaries.length, { timeout: 20_000 }).toBeGreaterThan(0); // the catch-up
      fs.renameSync(lib2, `${lib2}.away`);
      await expect.poll(() => count(warnings(events), line), { timeout: 15_000 }).toBe(1);
      // Said once while it stays away (a later check or batch does not repeat it).
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(count(warnings(events), line)).toBe(1);

      fs.renameSync(`${lib2}.away`, lib2);
      await expect.poll(() => events, { timeout: 15_000 }).toContainEqual({ type: 'log', level: 'info', message: `watch: ${lib2} is back: followed again` });
      // Replaced by a plain file: not found, as index says it.
      fs.renameSync(lib2, `${lib2}.away`);
      fs.writeFileSync(lib2, 'not a folder');
      await expect.poll(() => count(warnings(events), line), { timeout: 40_000 }).toBe(2);
      expect((await lib.listPhotos()).length).toBe(3);
    } finally {
      stop.abort();
      await watching;
    }
  }, 150_000);
});
