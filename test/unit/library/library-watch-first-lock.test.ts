// A watch started while another process writes the library (a laptop that just marked a
// favourite, the app on another device) waits for it, saying so once, and watches once it may
// write: `shoebox watch` is the always-on indexer and must not end then. A library that
// cannot be reached at the start still fails it, as every command's start does. The indexer
// stands in; the folder watch is real.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LibraryEvent } from '../../../src/shared/api';
import type { LibraryStore } from '../../../src/core/store/types';
import type { IndexerDeps } from '../../../src/core/library/indexer';
import { emptySummary } from '../../../src/core/library/index-summary';
import { LibraryBusyError } from '../../../src/core/library/writer-lock';
import { tempDir } from '../../helpers/images';

const indexer = vi.hoisted(() => ({ indexFolders: vi.fn(), indexPaths: vi.fn() }));
vi.mock('../../../src/core/library/indexer', () => indexer);
const { watchFolders } = await import('../../../src/core/library/library-watch');

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
  vi.clearAllMocks();
});

const BUSY = 'library busy: shoebox serve on laptop (pid 4242) is writing to s3://family/photos; it lets the library go once quiet for 30 s (unless set otherwise): try again then (if it has stopped, its lease lapses by itself at 11:48:07, in 27 s)';

/** A library whose writer lock is refused with `refusal` the first `refused` times. */
function busyLibrary(folder: string, refused: number, refusal: () => Error = () => new LibraryBusyError(BUSY, 'shoebox serve on laptop (pid 4242)')) {
  const events: LibraryEvent[] = [];
  let tries = 0;
  let held: LibraryStore | null = null;
  const store = () => ({ photosVersion: async () => 'v1', ensureVectorIndex: async () => {}, optimize: async () => {} }) as unknown as LibraryStore;
  const host = {
    writable: async () => {
      if (++tries <= refused) throw refusal();
      return (held ??= store());
    },
    lockOf: () => undefined,
    keepingWriter: <T>(work: () => Promise<T>) => work(),
    upkeep: <T>(work: () => Promise<T>) => work(),
    beforeHandBack: () => () => {},
    holds: (s: LibraryStore) => s === held,
    onHandBack: () => () => {},
    deps: () => ({}) as IndexerDeps,
    scope: async () => ({ libraryFolders: [folder], skip: [] }),
    libraryFolders: async () => [folder],
    keptPhotos: async () => 0,
    afterEachSync: async () => {},
    afterSync: () => undefined,
    keepMissing: () => false,
    emit: (event: LibraryEvent) => void events.push(event),
  };
  return { host, events, tries: () => tries };
}

function startWatch(host: ReturnType<typeof busyLibrary>['host']) {
  const stop = new AbortController();
  const done = watchFolders(host, stop.signal, () => {}, { retryMs: 50 });
  done.catch(() => {}); // looked at by the test that expects it to fail
  stops.push(async () => {
    stop.abort();
    await done.catch(() => {});
  });
  return { done, stop };
}

describe('a watch started while another process writes the library', () => {
  it('waits for it, says so once, and catches up once it may write', async () => {
    indexer.indexFolders.mockResolvedValue(emptySummary());
    const dir = tempDir('shoebox-watch-first-lock-');
    const { host, events, tries } = busyLibrary(dir, 4);
    const { done } = startWatch(host);
    await vi.waitFor(() => expect(indexer.indexFolders).toHaveBeenCalledTimes(1), { timeout: 10_000 }); // the catch-up
    expect(tries()).toBeGreaterThan(4); // refused four times, then taken
    expect(events.filter((e) => e.type === 'log')).toEqual([
      { type: 'log', level: 'info', message: 'watch: waiting: shoebox serve on laptop (pid 4242) is writing to s3://family/photos; watching starts once it is done or quiet' },
    ]);
    // Still watching: nothing ended it.
    expect(await Promise.race([done.then(() => 'ended'), new Promise((resolve) => setTimeout(() => resolve('watching'), 200))])).toBe('watching');
  });

  it('stops at once when asked to while it waits', async () => {
    const { host } = busyLibrary(tempDir('shoebox-watch-first-lock-'), Infinity);
    const { done, stop } = startWatch(host);
    await new Promise((resolve) => setTimeout(resolve, 120));
    stop.abort();
    await expect(done).resolves.toBeUndefined();
    expect(indexer.indexFolders).not.toHaveBeenCalled();
  });

  it('a library that cannot be opened for writing for another reason still fails the start', async () => {
    const { host } = busyLibrary(tempDir('shoebox-watch-first-lock-'), 1, () => new Error('the library could not be opened: access denied'));
    const { done } = startWatch(host);
    await expect(done).rejects.toThrow(/access denied/);
  });
});
