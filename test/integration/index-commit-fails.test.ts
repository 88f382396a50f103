// `shoebox index` when the library stops answering mid-run (an S3 server gone): the run stops
// embedding once a commit hangs or fails, instead of embedding (and counting as done) every
// photo left, and its error says how many photos it saved, counted from what was committed.
// The store here is local with its commits made to fail; s3-frozen-index-cli.test.ts runs the
// real gateway.
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import { LibraryUnreachableError } from '../../src/core/store/lost-connection';
import type { LibraryStore, PhotoRecord } from '../../src/core/store/types';
import type { LibraryEvent } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';

const PHOTOS = 240;
/** As the store says it (store/lost-connection.ts). */
const LOST = 'lost the connection to s3://photos/library at http://127.0.0.1:9000 (error sending request): what was committed is kept; trying again resumes from there';

const open: LibraryService[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function photos(): Promise<string> {
  const dir = tempDir('shoebox-commit-fails-');
  for (let i = 0; i < PHOTOS; i++) await writeColourPhoto(dir, `p${String(i).padStart(3, '0')}.jpg`, [(i * 37) % 256, (i * 91) % 256, Math.floor(i / 2)], { width: 64, height: 48 });
  return dir;
}

/** A library whose progress events are recorded: the highest `done` the bar showed. */
function library(): { lib: LibraryService; shown: () => number; lastShown: () => number } {
  let shown = 0;
  let lastAt = Date.now();
  const emit = (e: LibraryEvent) => {
    if (e.type !== 'index-progress') return;
    shown = Math.max(shown, e.progress.done);
    lastAt = Date.now();
  };
  const lib = openLibrary({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test', emit });
  open.push(lib);
  return { lib, shown: () => shown, lastShown: () => lastAt };
}

describe('a commit that fails mid-run', () => {
  it('hanging, then failing: embedding stops a few batches ahead, and the error says how many photos were saved', async () => {
    const dir = await photos();
    const { lib, shown, lastShown } = library();
    const store: LibraryStore = await lib.writable();
    const upsert = store.upsertPhotos.bind(store);
    let commits = 0;
    // The second commit hangs as a frozen server's does, until the run has stalled behind it (no
    // progress for a while) or has settled every photo; then it fails as the store says it.
    store.upsertPhotos = async (records: PhotoRecord[]) => {
      if (++commits < 2) return upsert(records);
      if (commits === 2) {
        await new Promise<void>((resolve) => {
          const timer = setInterval(() => {
            if (shown() >= PHOTOS || Date.now() - lastShown() > 2000) {
              clearInterval(timer);
              resolve();
            }
          }, 100);
        });
      }
      throw new LibraryUnreachableError(LOST);
    };

    const error = (await lib.index([dir]).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(LibraryUnreachableError);
    const saved = (await lib.listPhotos()).length;
    expect(saved).toBeGreaterThan(0);
    // The bar never claimed the photos left; before, it reached PHOTOS/PHOTOS and then failed.
    expect(shown()).toBeLessThan(PHOTOS);
    expect(shown() - saved).toBeLessThanOrEqual(4 * 32);
    expect(error.message).toBe(LOST.replace('what was committed is kept', `${saved} photos indexed in this run are kept`));
  }, 120_000);

  it('failing at once: no photo is failed with the commit\'s error, and the count is of those committed', async () => {
    const dir = await photos();
    const { lib, shown } = library();
    const store: LibraryStore = await lib.writable();
    const upsert = store.upsertPhotos.bind(store);
    let commits = 0;
    store.upsertPhotos = async (records: PhotoRecord[]) => {
      if (++commits <= 2) return upsert(records);
      throw new LibraryUnreachableError(LOST);
    };
    const error = (await lib.index([dir]).catch((e: unknown) => e)) as Error;
    const saved = (await lib.listPhotos()).length;
    expect(saved).toBe(64);
    expect(shown()).toBeLessThan(PHOTOS);
    expect(error.message).toBe(LOST.replace('what was committed is kept', '64 photos indexed in this run are kept'));
    // The photos the run did not reach are not recorded as failed: the next run indexes them.
    expect((await lib.status()).failed).toEqual([]);
  }, 120_000);

  it('the connection lost just after the last commit: the error says every photo was saved', async () => {
    const dir = await photos();
    const { lib } = library();
    const store: LibraryStore = await lib.writable();
    store.optimize = async () => {
      throw new LibraryUnreachableError(LOST);
    };
    const error = (await lib.index([dir]).catch((e: unknown) => e)) as Error;
    expect((await lib.listPhotos()).length).toBe(PHOTOS);
    expect(error.message).toBe(LOST.replace('what was committed is kept', `${PHOTOS} photos indexed in this run are kept`));
  }, 120_000);
});
