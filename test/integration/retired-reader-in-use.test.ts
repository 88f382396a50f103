// The app's reader is retired when this process takes the writer (the watcher's next sync, a
// duplicate scan saving signatures): a run that holds it meanwhile (a vector scan of a large
// library, a duplicate scan's later phases) goes on past the retirement's delay, and the reader
// closes once nothing is in flight on it.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import { LibraryService } from '../../src/core/library/library-service';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

describe('a reader retired while in use', () => {
  it('serves the scan and reads in flight past its close delay, then closes', async () => {
    const home = tempDir('shoebox-retired-reader-');
    const photos = tempDir('shoebox-retired-reader-photos-');
    for (const name of ['red', 'green', 'blue']) await writeColourPhoto(photos, `${name}.jpg`, COLOURS[name]!);
    const indexer = openLibrary({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test' });
    expect((await indexer.index([photos])).failed).toEqual([]);
    const model = { id: indexer.modelId, dir: indexer.modelDir };
    await indexer.close();

    const library = new LibraryService({ home, model, modelOptions: { provider: 'cpu' }, emit: () => {}, command: 'test', retiredReaderCloseMs: 50 });
    try {
      const reader = await library.readable();
      const batches = reader.scanVectors({ batchSize: 1 })[Symbol.asyncIterator]();
      expect((await batches.next()).done).toBe(false);

      await library.writable(); // retires the reader, to close 50 ms later were it not in use
      await sleep(500);
      expect(await reader.countPhotos()).toBe(3);
      let rest = 0;
      for (let batch = await batches.next(); !batch.done; batch = await batches.next()) rest++;
      expect(rest).toBe(2);

      // Nothing in flight on it any more: it closes (its connection is not kept).
      await vi.waitFor(() => expect(reader.countPhotos()).rejects.toThrow('The library store is closed'), { timeout: 5_000 });
    } finally {
      await library.close();
    }
  });
});
