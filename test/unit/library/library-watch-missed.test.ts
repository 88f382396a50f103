// A watch woken after giving the writer lock back goes on with that change alone only when
// it missed nothing: a batch that failed before the hand-back (its paths dropped: a commit
// refused, the network away) makes the wake a catch-up of the folders, or those photos would
// stay unindexed until a restart. The indexer stands in (what it is asked to do is the point);
// the folder watch is real. A library folder that goes away is said when the watch notices,
// though no batch says it (a watch dies with its folder).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LibraryEvent } from '../../../src/shared/api';
import type { LibraryStore } from '../../../src/core/store/types';
import type { IndexerDeps } from '../../../src/core/library/indexer';
import { emptySummary } from '../../../src/core/library/index-summary';
import { tempDir } from '../../helpers/images';

const indexer = vi.hoisted(() => ({ indexFolders: vi.fn(), indexPaths: vi.fn() }));
vi.mock('../../../src/core/library/indexer', () => indexer);
const { watchFolders } = await import('../../../src/core/library/library-watch');

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
  vi.clearAllMocks();
});

/** One process's view of a library whose photos no one else writes: the lock is given back on demand. */
function watchedLibrary(folder: string) {
  let held: LibraryStore | null = null;
  const beforeHandBack: (() => Promise<void>)[] = [];
  const handedBack: (() => void)[] = [];
  const events: LibraryEvent[] = [];
  const store = () => ({ photosVersion: async () => 'v1', ensureVectorIndex: async () => {}, optimize: async () => {} }) as unknown as LibraryStore;
  const host = {
    writable: async () => (held ??= store()),
    lockOf: () => undefined,
    keepingWriter: <T>(work: () => Promise<T>) => work(),
    upkeep: <T>(work: () => Promise<T>) => work(),
    beforeHandBack: (work: () => Promise<void>) => (beforeHandBack.push(work), () => void beforeHandBack.splice(beforeHandBack.indexOf(work), 1)),
    holds: (s: LibraryStore) => s === held,
    onHandBack: (listener: () => void) => (handedBack.push(listener), () => void handedBack.splice(handedBack.indexOf(listener), 1)),
    deps: () => ({}) as IndexerDeps,
    scope: async () => ({ libraryFolders: [folder], skip: [] }),
    libraryFolders: async () => [folder],
    keptPhotos: async () => 6,
    afterEachSync: async () => {},
    afterSync: () => undefined,
    keepMissing: () => false,
    emit: (event: LibraryEvent) => void events.push(event),
  };
  const handBack = async () => {
    for (const work of [...beforeHandBack]) await work();
    held = null;
    for (const listener of [...handedBack]) listener();
  };
  return { host, handBack, events };
}

function startWatch(host: ReturnType<typeof watchedLibrary>['host'], options: { foldersLookMs?: number } = {}) {
  const stop = new AbortController();
  const done = watchFolders(host, stop.signal, () => {}, options);
  stops.push(async () => {
    stop.abort();
    await done;
  });
}

const written = (dir: string, name: string) => fs.writeFileSync(path.join(dir, name), 'not really a photo: the indexer stands in');
const summary = emptySummary();

describe('a watch woken after a hand-back', () => {
  it('indexes the change alone when it missed nothing', async () => {
    const dir = tempDir('shoebox-watch-missed-');
    const { host, handBack } = watchedLibrary(dir);
    indexer.indexFolders.mockResolvedValue(summary);
    indexer.indexPaths.mockResolvedValue(summary);
    startWatch(host);
    await vi.waitFor(() => expect(indexer.indexFolders).toHaveBeenCalledTimes(1), { timeout: 10_000 }); // the catch-up
    written(dir, 'a.jpg');
    await vi.waitFor(() => expect(indexer.indexPaths).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    await handBack();
    written(dir, 'b.jpg');
    await vi.waitFor(() => expect(indexer.indexPaths).toHaveBeenCalledTimes(2), { timeout: 10_000 });
    expect(indexer.indexPaths.mock.calls[1]![1]).toEqual([path.join(dir, 'b.jpg')]);
    expect(indexer.indexFolders).toHaveBeenCalledTimes(1);
  });

  it('says a failure that recurs once, until a sync goes through', async () => {
    const dir = tempDir('shoebox-watch-missed-');
    const { host, events } = watchedLibrary(dir);
    indexer.indexFolders.mockResolvedValue(summary);
    const down = new Error('the library could not be written: network down');
    indexer.indexPaths.mockRejectedValueOnce(down).mockRejectedValueOnce(down).mockResolvedValueOnce(summary).mockRejectedValueOnce(down).mockResolvedValue(summary);
    startWatch(host);
    await vi.waitFor(() => expect(indexer.indexFolders).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    const said = () => events.filter((e) => e.type === 'log' && e.level === 'error').length;
    for (const [i, name] of ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg'].entries()) {
      written(dir, name);
      await vi.waitFor(() => expect(indexer.indexPaths).toHaveBeenCalledTimes(i + 1), { timeout: 10_000 });
    }
    // a and b failed alike (said once), c went through, d failed again (said again).
    await vi.waitFor(() => expect(said()).toBe(2), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(said()).toBe(2);
  });

  it('catches up with its folders when a batch failed before the hand-back', async () => {
    const dir = tempDir('shoebox-watch-missed-');
    const { host, handBack, events } = watchedLibrary(dir);
    indexer.indexFolders.mockResolvedValue(summary);
    indexer.indexPaths.mockRejectedValueOnce(new Error('the library could not be written: network down')).mockResolvedValue(summary);
    startWatch(host);
    await vi.waitFor(() => expect(indexer.indexFolders).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    written(dir, 'a.jpg');
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'log', level: 'error', message: 'watch: the library could not be written: network down' }), { timeout: 10_000 });
    await handBack();
    written(dir, 'b.jpg');
    // a.jpg's batch was dropped: the wake reads the folders again (a.jpg and b.jpg both).
    await vi.waitFor(() => expect(indexer.indexFolders).toHaveBeenCalledTimes(2), { timeout: 10_000 });
    expect(indexer.indexFolders.mock.calls[1]![1]).toEqual([dir]);
  });

  it('catches up after a failed batch without waiting for another change (its look at the folders wakes it)', async () => {
    const dir = tempDir('shoebox-watch-missed-');
    const { host, handBack, events } = watchedLibrary(dir);
    indexer.indexFolders.mockResolvedValue(summary);
    indexer.indexPaths.mockRejectedValueOnce(new Error('the library could not be written: network down')).mockResolvedValue(summary);
    startWatch(host, { foldersLookMs: 200 });
    await vi.waitFor(() => expect(indexer.indexFolders).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    written(dir, 'a.jpg');
    await vi.waitFor(() => expect(events.some((e) => e.type === 'log' && e.level === 'error')).toBe(true), { timeout: 10_000 });
    await handBack();
    // Nothing else changes in the folder: the dropped a.jpg is read again all the same.
    await vi.waitFor(() => expect(indexer.indexFolders).toHaveBeenCalledTimes(2), { timeout: 10_000 });
  });
});

describe('a watch whose library folder goes away', () => {
  // The batches say nothing here (the indexer stands in), as when the system's watch dies
  // with its folder without a word: the look at the folders says it, in index's words.
  it('says it once when it notices, as index says it, and again after it was back', async () => {
    const dir = tempDir('shoebox-watch-gone-');
    const { host, events } = watchedLibrary(dir);
    indexer.indexFolders.mockResolvedValue(summary);
    indexer.indexPaths.mockResolvedValue(summary);
    startWatch(host);
    await vi.waitFor(() => expect(indexer.indexFolders).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    const line = `folder not found (unmounted?): ${dir} — its 6 photos are kept`;
    const said = () => events.filter((e) => e.type === 'log' && e.level === 'warn' && e.message === line).length;
    fs.renameSync(dir, `${dir}.away`);
    await vi.waitFor(() => expect(said()).toBe(1), { timeout: 10_000 });
    fs.renameSync(`${dir}.away`, dir);
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'log', level: 'info', message: `watch: ${dir} is back: followed again` }), { timeout: 10_000 });
    fs.renameSync(dir, `${dir}.away`);
    fs.writeFileSync(dir, 'a file where the folder was');
    await vi.waitFor(() => expect(said()).toBe(2), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // another look: not said again
    expect(said()).toBe(2);
  }, 40_000);
});
