// Following the library folders (`shoebox watch`, the app between its jobs): a catch-up on
// what changed while nothing watched, then each change as it comes. A session of it holds the
// writer lock; once the process gives the lock back while quiet (writer-hand-back.ts), the
// session only listens, and its next change takes the lock again (waiting while another device
// or process writes, one line said). When nothing wrote the library's photos meanwhile and its
// folders are the same, the session goes on with that change alone: a catch-up of a large
// library at every wake cost seconds of CPU for one new photo. Otherwise a new session
// catches up from the start: the library's folders may have changed while others wrote (one
// removed by `shoebox folders remove`, one added), and a shared folder may have changed on
// another device, unseen by this one's watch. So it does after a batch that failed, and once
// the session is an hour old (changes the system's watch lost unsaid).
import { setTimeout as sleep } from 'node:timers/promises';
import type { LibraryEvent } from '../../shared/api';
import { WATCH_NO_FOLDERS_YET } from '../../shared/no-folders-yet';
import type { LibraryStore } from '../store/types';
import { LibraryUnreachableError } from '../store/lost-connection';
import { FailedThenIndexed, nowIndexedLine } from './failed-then-indexed';
import { FolderPresence } from './folder-presence';
import { GoneFolderLines } from './gone-folder-lines';
import { KeptNotInCopyLines } from './mapped-copy-keep';
import { isModelReplaced } from './model-replaced';
import { indexFolders, indexPaths, type IndexerDeps, type ScanScope } from './indexer';
import type { IndexSummary } from './index-summary';
import { RecentRemovals } from './recent-removals';
import { FolderWatcher } from './watcher';
import { busyWithoutAdvice, LibraryBusyError, type LibraryWriter } from './writer-lock';

/** Quiet time after the last change before the store is compacted and its index refreshed. */
const IDLE_MAINTENANCE_MS = 30_000;
/** How often a change waiting for the writer lock (another process writes) tries again. */
export const TAKE_AGAIN_MS = 10_000;
/** How often a watch that gave the lock back reads the library's folders (one small read). */
export const FOLDERS_LOOK_MS = 10_000;
/** A woken session older than this catches up all the same: changes the system's watch lost
 *  unsaid (Linux drops events past its queue's size, as a large import can) are found then. */
export const CATCH_UP_AFTER_MS = 60 * 60_000;

export interface WatchOptions {
  /** Folders left out (their indexing paused): neither caught up nor followed. */
  leaveOut?: readonly string[];
  /** How often a change waiting for the writer lock tries again (default TAKE_AGAIN_MS). */
  retryMs?: number;
  /** How often the folders are read while the lock is given back (default FOLDERS_LOOK_MS). */
  foldersLookMs?: number;
}

/** What a watch needs of the library (LibraryService). */
export interface WatchHost {
  /** The store for writing: takes the writer lock ("library busy" while another process writes). */
  writable(): Promise<LibraryStore>;
  lockOf(store: LibraryStore): LibraryWriter | undefined;
  /** Runs a sync with the writer lock kept (not given back meanwhile). */
  keepingWriter<T>(work: () => Promise<T>): Promise<T>;
  /** Runs upkeep with the lock kept, as no use of it (the quiet before a hand-back goes on). */
  upkeep<T>(work: () => Promise<T>): Promise<T>;
  /** `work` runs as upkeep before each hand-back. */
  beforeHandBack(work: () => Promise<void>): () => void;
  /** Whether `store` is the one the process writes through now (not given back or lost). */
  holds(store: LibraryStore): boolean;
  onHandBack(listener: () => void): () => void;
  deps(store: LibraryStore): IndexerDeps;
  scope(store: LibraryStore): Promise<ScanScope>;
  /** The library's folders as they are now (committed by any process), without the lock. */
  libraryFolders(): Promise<string[]>;
  /** How many photos the library keeps from a library folder (one that went away), without the lock. */
  keptPhotos(folder: string): Promise<number>;
  /** After each sync (rotations carried to rewritten photos, aligned). */
  afterEachSync(store: LibraryStore, signal: AbortSignal): Promise<void>;
  /** The pass run behind the syncs, never holding them up (text in photos). */
  afterSync(): ((store: LibraryStore, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Whether a run removes only rows whose content it saw elsewhere (a folder's indexing paused). */
  keepMissing(): boolean;
  emit(event: LibraryEvent): void;
}

/** Until `signal` aborts, or the writer lease is lost (thrown: another device took it over). */
export async function watchFolders(host: WatchHost, signal: AbortSignal, onSummary: (summary: IndexSummary) => void, options: WatchOptions = {}): Promise<void> {
  // The first session's lock, waited for while another process writes (one line said): a
  // watch is the always-on indexer (`shoebox watch` as a service, the app's and serve's
  // watcher), started whenever; a laptop that just marked a favourite must not end it.
  // A library with no folders yet has nothing to write: the lock waits for the first folder,
  // so the user's next step (`shoebox index DIR`) is not refused as busy.
  if (!(await firstFolder(host, signal, options.foldersLookMs ?? FOLDERS_LOOK_MS))) return; // stopped meanwhile
  let store: LibraryStore | null = await waitForLock(host, signal, options.retryMs ?? TAKE_AGAIN_MS, firstWait);
  if (!store) return; // stopped while waiting
  // The watch error said last, until a sync goes through: kept across sessions (a hand-back
  // and the catch-up after it must not say a recurring failure again).
  const told: ToldError = { line: null };
  // A folder gone is said once while it stays away, across sessions too.
  const gone = new GoneFolderLines((event) => host.emit(event));
  // A photo reported failed (cut short while being copied) and indexed later is said so, across sessions too.
  const retaken = new FailedThenIndexed();
  // A mapped folder's photos kept (mapped-copy-keep.ts) are said again only when their count
  // changes, across sessions too: each lease taken back after a quiet spell catches up.
  const keptLines = new KeptNotInCopyLines();
  while (store) store = await session(host, store, signal, onSummary, options, told, gone, retaken, keptLines);
}

/**
 * Follows the folders with `store`'s writer lock. Returns null when stopped, or the store of
 * the lock taken again after a hand-back when the library changed meanwhile (a new session
 * catches up with it).
 */
interface ToldError {
  line: string | null;
}

async function session(host: WatchHost, first: LibraryStore, signal: AbortSignal, onSummary: (summary: IndexSummary) => void, options: WatchOptions, told: ToldError, gone: GoneFolderLines, retaken: FailedThenIndexed, keptLines: KeptNotInCopyLines): Promise<LibraryStore | null> {
  let store = first;
  let lock = host.lockOf(store);
  // The indexer's line for a folder gone, said already when the watch noticed it, is not said again.
  const depsOf = (s: LibraryStore): IndexerDeps => {
    const d = host.deps(s);
    return { ...d, emit: gone.quieting(d.emit) };
  };
  let deps = depsOf(store);
  // A lease lost while the folders are read (a laptop waking) is the loss, as below.
  let scope = await host.scope(store).catch((error: unknown) => Promise.reject(lossOf(lock) ?? error));
  // Folders the user paused are neither caught up nor followed (still named in the scope: a
  // file is told by its folder, and nothing there is taken for removed).
  const folders = scope.libraryFolders.filter((f) => !options.leaveOut?.includes(f));
  // Nothing is removed meanwhile: a photo moved into a paused folder would look deleted.
  // What was really deleted goes at the first catch-up without a pause.
  const leftOut = folders.length < scope.libraryFolders.length;
  const keepMissing = () => leftOut || host.keepMissing();
  // A file deleted and written back in a later batch (an editor saving that way) keeps its marks.
  const recentRemovals = new RecentRemovals();

  const startedAt = Date.now();
  // A batch that failed (its paths were dropped: a commit refused, the network away) or
  // changes the system's watch says it lost: the next wake catches up, not that change alone.
  let missed = false;
  // Given back: the session listens only; its next change takes the lock again.
  let given = false;
  let ended: (outcome: 'stopped' | LibraryStore | Error) => void = () => {};
  const end = new Promise<'stopped' | LibraryStore | Error>((resolve) => (ended = resolve));
  // Once ended, the changes still queued behind are the next session's catch-up's.
  let over = false;
  void end.then(() => (over = true));
  const unlistenHandBack = host.onHandBack(() => {
    if (host.holds(store)) return; // told late, after a change took the lock again
    given = true;
    clearTimeout(idle);
  });

  let idle: NodeJS.Timeout | undefined;
  // The after-sync pass runs one at a time, behind the syncs, never holding them up.
  let after: Promise<void> = Promise.resolve();
  // Neither it nor the upkeep runs on a store given back (or lost): another process may be
  // writing by then. `holds` is told at once; `given` only once the lease is freed.
  const mine = () => !given && host.holds(store);
  // Compaction and the vector index after the syncs: on a quiet timer, or at the latest just
  // before the lock is given back; neither counts as a use that keeps the lock longer.
  let upkeepDue = false;
  const upkeep = () =>
    host.upkeep(async () => {
      if (!upkeepDue || !mine()) return;
      upkeepDue = false;
      await store.ensureVectorIndex().then(() => store.optimize());
    });
  const unlistenUpkeep = host.beforeHandBack(upkeep);
  // The photos' version as the lock goes back (after the upkeep, which writes): the same when
  // it is taken again means no one indexed, removed or moved a photo meanwhile.
  let handedBackAt: string | null = null;
  const unlistenVersion = host.beforeHandBack(async () => {
    handedBackAt = mine() ? await store.photosVersion().catch(() => null) : null;
  });
  const maintainWhenIdle = () => {
    if (over) return; // a sync that ended with the session (Ctrl-C): no pass or timer after it
    const pass = host.afterSync();
    if (pass) after = after.then(() => host.keepingWriter(async () => (mine() ? pass(store, signal) : undefined))).catch(() => {});
    upkeepDue = true;
    clearTimeout(idle);
    idle = setTimeout(() => void upkeep().catch(() => {}), IDLE_MAINTENANCE_MS);
  };
  let unlistenLoss = lock?.onLost((error) => {
    if (!given) ended(error);
  });
  /**
   * After a hand-back, the lock again (waited for while another process writes). True when the
   * session goes on with it: nothing wrote the photos meanwhile and the folders are the same.
   * Otherwise the session ends, with that store for the next one, or stopped meanwhile.
   */
  const resume = async (): Promise<boolean> => {
    const since = handedBackAt;
    handedBackAt = null;
    const again = await takeAgain(host, signal, options.retryMs ?? TAKE_AGAIN_MS);
    if (!again) {
      ended('stopped');
      return false;
    }
    // Stopped while it waited: the lock taken meanwhile is let go by the caller's close.
    if (over || signal.aborted) {
      ended('stopped');
      return false;
    }
    // A version that cannot be read now counts as changed: the next session catches up.
    const [now, version] = await Promise.all([host.scope(again), again.photosVersion().catch(() => null)]).catch((error: unknown) => Promise.reject(lossOf(host.lockOf(again)) ?? error));
    const changed = since === null || version === null || version !== since || !sameFolders(now.libraryFolders, scope.libraryFolders);
    if (changed || catchUpDue()) {
      ended(again);
      return false;
    }
    if (over || signal.aborted) {
      ended('stopped');
      return false;
    }
    store = again;
    deps = depsOf(again);
    scope = now;
    given = false;
    unlistenLoss?.();
    lock = host.lockOf(again);
    unlistenLoss = lock?.onLost((error) => {
      if (!given) ended(error);
    });
    return true;
  };
  /** One sync with the lock (taken again after a hand-back), or the end of the session; `work`
   *  null: only the lock taken again (its folders changed), nothing to index if they did not. */
  const sync = (work: (() => Promise<IndexSummary>) | null): Promise<void> =>
    host.keepingWriter(async () => {
      if (over || signal.aborted) return;
      // Given back, maybe just now (its listener not yet called).
      if (given || (await host.writable().catch(() => null)) !== store) {
        given = true;
        const resumed = await resume().catch((error: unknown) => {
          ended(error instanceof Error ? error : new Error(String(error))); // what taking the lock threw ends the watch, as before
          return false;
        });
        if (!resumed || over || signal.aborted) return;
      }
      if (!work) return;
      clearTimeout(idle);
      const summary = await work();
      retaken.note(summary);
      gone.saidBy(summary.unavailable, scope.libraryFolders);
      onSummary(summary);
      told.line = null;
      await host.afterEachSync(store, signal);
      maintainWhenIdle();
    });

  const watcher: FolderWatcher = new FolderWatcher({
    onBatch: (paths) =>
      sync(async () => {
        const summary = await indexPaths(deps, paths, (p) => watcher.folderOf(p), scope, { keepMissing, recentRemovals, keptLines });
        // Only a hint: a read that fails leaves it unsaid, never the batch that landed.
        for (const p of await retaken.indexedNow(store, paths).catch(() => [])) host.emit({ type: 'log', level: 'info', message: nowIndexedLine(p) });
        return summary;
      }),
    onError: (err) => {
      // The model's folder holds another build now: every later batch would be refused the
      // same way, so the watch ends with it (not one line now and another at the catch-up
      // that ends it later). Its caller says it once and keeps it: the app's status, the
      // CLI's exit (a `shoebox watch` restarted by its service embeds with the new build).
      if (isModelReplaced(err)) {
        ended(err);
        return;
      }
      missed = true;
      // Said once until a sync goes through: the page shows it until dismissed, and a failure
      // that recurs (the watcher's queue overflowing, the network down) must not bring it back
      // at every batch while the catch-up it causes recovers.
      const message = `watch: ${err.message}`;
      if (message !== told.line) host.emit({ type: 'log', level: 'error', message });
      told.line = message;
    },
    ignore: scope.skip.slice(),
  });
  // Subscribe first, then catch up: a change during the catch-up is seen by one or the other.
  // A folder that cannot be followed now (unmounted) is followed once it is back.
  // Gone and back are told (a page's "not reachable" note follows at once, the CLI says it).
  const presence = new FolderPresence(
    watcher,
    folders,
    (folder, replaced) => {
      const how = replaced ? 'leads to another folder now (a disk mounted or unmounted there?)' : 'is back';
      gone.back(folder);
      host.emit({ type: 'log', level: 'info', message: `watch: ${folder} ${how}: followed again` });
      host.emit({ type: 'folders-changed' });
      return sync(() => indexFolders(deps, [folder], scope, { signal, keepMissing, recentRemovals, keptLines }));
    },
    undefined,
    (folder) => {
      host.emit({ type: 'folders-changed' });
      // In index's words, when noticed (its batch may never come: a watch dies with its folder).
      void gone.gone(folder, (f) => host.keptPhotos(f)).catch(() => {});
    },
  );
  // Given back, the session hears no change of a folder it does not follow: one added by
  // another process (`shoebox index NEW` beside a watch of an empty library) would wait for a
  // change in another. The folders are read now and then; a difference wakes the session, as
  // does a batch it missed (or its age): the catch-up then comes without waiting for a change.
  const catchUpDue = () => missed || Date.now() - startedAt > CATCH_UP_AFTER_MS;
  let looking = false;
  const lookAtFolders = setInterval(() => {
    if (!given || over || looking) return;
    looking = true;
    void host
      .libraryFolders()
      .then((now) => (given && !over && (catchUpDue() || !sameFolders(now, scope.libraryFolders)) ? watcher.run(() => sync(null)) : undefined))
      .catch(() => {}) // unreachable now (a library on S3 off the network): looked at again
      .finally(() => (looking = false));
  }, options.foldersLookMs ?? FOLDERS_LOOK_MS).unref();
  const onAbort = () => ended('stopped');
  signal.addEventListener('abort', onAbort, { once: true });
  let outcome: 'stopped' | LibraryStore | Error;
  try {
    await presence.start();
    const catchUp = () => sync(() => indexFolders(deps, folders, scope, { signal, keepMissing, recentRemovals, keptLines }));
    // While a folder is paused, never beside a batch: each decides from its own reading which
    // copy of a content is held elsewhere, and two at once could each drop one.
    if (keepMissing()) await watcher.run(catchUp);
    else await catchUp();
    if (signal.aborted) ended('stopped');
    // Until Ctrl-C, a change after the hand-back, or the loss of the lease.
    outcome = await end;
  } catch (error) {
    // Once the lease is lost, what fails on the way (a check on the store closed at the loss)
    // is its consequence: the loss is what the caller hears, and may recover from.
    outcome = (!given && lossOf(lock)) || (error as Error);
  } finally {
    signal.removeEventListener('abort', onAbort);
    unlistenUpkeep();
    unlistenVersion();
    unlistenLoss?.();
    unlistenHandBack();
    clearTimeout(idle);
    clearInterval(lookAtFolders);
  }
  // The folders are let go even when the last presence check failed.
  const checked = await presence.stop().then(
    () => null,
    (error: unknown) => error,
  );
  await watcher.close();
  await after;
  if (outcome instanceof Error) throw outcome;
  if (checked) throw checked;
  return signal.aborted || outcome === 'stopped' ? null : outcome;
}

function sameFolders(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\0') === [...b].sort().join('\0');
}

/** Until the library has a folder (read every `lookMs`, without the lock): false when stopped first. */
async function firstFolder(host: WatchHost, signal: AbortSignal, lookMs: number): Promise<boolean> {
  let said = false;
  while (!signal.aborted) {
    // A read that fails (a library off the network) is the lock's to say: taken as a folder.
    const folders = await host.libraryFolders().catch(() => null);
    if (folders === null || folders.length > 0) return true;
    // Said once; `shoebox serve` says its own line for it (shared/no-folders-yet.ts).
    if (!said) host.emit({ type: 'log', level: 'info', message: WATCH_NO_FOLDERS_YET });
    said = true;
    await sleep(lookMs, undefined, { signal }).catch(() => {}); // stopped meanwhile: the loop ends
  }
  return false;
}

/** How a wait for the writer lock is said, and which refusals it waits out (others are thrown). */
interface LockWait {
  waitsFor(error: unknown): error is Error;
  /** The line said (once per writer) from the refusal's, its advice left out. */
  line(refused: string): string;
}

/** After a hand-back: the changes seen meanwhile wait, as does a library off the network. */
const takingAgain: LockWait = {
  waitsFor: (error): error is Error => error instanceof LibraryBusyError || error instanceof LibraryUnreachableError,
  line: (refused) => `watch: ${refused}; the changes here are indexed once it is done or quiet`,
};

/** At the start: another writer only (a library that cannot be reached fails the start, as
 *  every command's does); nothing is watched yet, so the line says when it will be. */
const firstWait: LockWait = {
  waitsFor: (error): error is Error => error instanceof LibraryBusyError,
  line: (refused) => `watch: waiting: ${refused.replace(/^library busy: /, '')}; watching starts once it is done or quiet`,
};

/** The writer lock again, waiting while another process holds it; null when stopped meanwhile. */
function takeAgain(host: WatchHost, signal: AbortSignal, retryMs: number): Promise<LibraryStore | null> {
  return waitForLock(host, signal, retryMs, takingAgain);
}

/** The writer lock, tried every `retryMs` while `wait` waits out its refusal; null when stopped meanwhile. */
async function waitForLock(host: WatchHost, signal: AbortSignal, retryMs: number, wait: LockWait): Promise<LibraryStore | null> {
  let said: string | null = null;
  while (!signal.aborted) {
    try {
      return await host.writable();
    } catch (error) {
      if (!wait.waitsFor(error)) throw error;
      const line = busyWithoutAdvice(error.message.split('\n')[0]!);
      if (line !== said) host.emit({ type: 'log', level: 'info', message: wait.line(line) });
      said = line;
      await sleep(retryMs, undefined, { signal }).catch(() => {}); // stopped meanwhile: the loop ends
    }
  }
  return null;
}

/** The lease's loss when `lock` was lost. */
function lossOf(lock: LibraryWriter | undefined): Error | null {
  try {
    lock?.assertHeld();
  } catch (lost) {
    return lost as Error;
  }
  return null;
}
