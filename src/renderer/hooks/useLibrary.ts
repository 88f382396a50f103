import { useCallback, useEffect, useRef, useState } from 'react';
import type { FolderInfo, IndexProgress, JobState, LibraryStatus } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import type { ConnectionState } from '../client/client';
import { withEngineNotice } from '../lib/engine-notices';
import { errorMessage } from './useAsync';
import { useLibraryEvents } from './useLibraryEvents';

export interface LibraryState {
  status: LibraryStatus | null;
  /** Why status could not be read (the engine is unreachable). */
  error: string | null;
  /** The error itself, beside its message: the page decides by its name (a damaged library's
   *  LibraryDamagedError: lib/library-damage.ts), never by the words. */
  failure?: unknown;
  folders: FolderInfo[];
  /** When `folders` was asked for (0: not yet): a job finished before then is counted in them
   *  (its files that could not be read among each folder's `failed`). Host and page share a clock. */
  foldersAt: number;
  /** Running and queued jobs first, then recently finished ones. */
  jobs: JobState[];
  /** The watcher's own catch-up or follow-up indexing (not a job), while it runs. */
  sync: IndexProgress | null;
  /** Bumped when photos were added or removed: grids fetch again. */
  photosVersion: number;
  connection: ConnectionState;
  /** The engine's errors since last dismissed (it crashed and was restarted, say), newest last. */
  notices: readonly string[];
  dismissNotices(): void;
  refresh(): void;
}

/** Pause that coalesces bursts of engine events into one refetch. */
const SETTLE_MS = 300;
/** While indexing, how often the grid and counts catch up with the photos committed so far. */
const WHILE_INDEXING_MS = 2000;

/** The library's state, kept current by the engine's events. */
export function useLibrary(): LibraryState {
  const client = useClient();
  const [status, setStatus] = useState<LibraryStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [folders, setFolders] = useState<{ list: FolderInfo[]; at: number }>({ list: [], at: 0 });
  const [jobs, setJobs] = useState<JobState[]>([]);
  const [sync, setSync] = useState<IndexProgress | null>(null);
  const [photosVersion, setPhotosVersion] = useState(0);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [notices, setNotices] = useState<readonly string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const syncTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastProgressRefresh = useRef(0);

  const load = useCallback(async () => {
    try {
      const asked = Date.now();
      const [nextStatus, nextFolders] = await Promise.all([client.status(), client.listFolders()]);
      setStatus(nextStatus);
      setFolders({ list: nextFolders, at: asked });
      setJobs((current) => mergeJobs(current, nextStatus.jobs, asked));
      setError(null);
      setFailure(null);
    } catch (e) {
      setError(errorMessage(e));
      setFailure(e);
    }
  }, [client]);

  const photosChanged = useRef(false);
  const refreshSoon = useCallback((photos = false) => {
    photosChanged.current ||= photos;
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      if (photosChanged.current) setPhotosVersion((v) => v + 1);
      photosChanged.current = false;
      void load();
    }, SETTLE_MS);
  }, [load]);

  useEffect(() => {
    void load();
    let wasLost = false;
    const stop = client.onConnectionChange((state) => {
      setConnection(state);
      if (state === 'lost') wasLost = true;
      if (state === 'open' && wasLost) {
        wasLost = false;
        void load();
        setPhotosVersion((v) => v + 1);
      }
    });
    return () => {
      stop();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [client, load]);

  useLibraryEvents((event) => {
    switch (event.type) {
      case 'job': {
        const job = event.job;
        setJobs((list) => mergeJobs(list, [job]));
        if (job.state !== 'queued' && job.state !== 'running') refreshSoon(true);
        break;
      }
      case 'index-progress':
        // Photos are committed in batches as indexing goes: show them as they land.
        if (Date.now() - lastProgressRefresh.current > WHILE_INDEXING_MS) {
          lastProgressRefresh.current = Date.now();
          refreshSoon(true);
        }
        if (event.jobId) break; // shown on its job
        setSync(event.progress.done < event.progress.total ? event.progress : null);
        if (syncTimer.current) clearTimeout(syncTimer.current);
        syncTimer.current = setTimeout(() => setSync(null), 5000);
        break;
      case 'photos-changed':
        refreshSoon(true);
        break;
      case 'folders-changed':
        refreshSoon();
        break;
      case 'log':
        // An error is the user's to know (a crash ended what was running); the rest is log only.
        setNotices((lines) => withEngineNotice(lines, event));
        break;
    }
  });

  const dismissNotices = useCallback(() => setNotices([]), []);

  return { status, error, failure, folders: folders.list, foldersAt: folders.at, jobs, sync, photosVersion, connection, notices, dismissNotices, refresh: () => void load() };
}

const ACTIVE: Record<JobState['state'], number> = { running: 0, queued: 1, failed: 2, done: 2, cancelled: 2 };
const STAGE: Record<JobState['state'], number> = { queued: 0, running: 1, failed: 2, done: 2, cancelled: 2 };
/** A job of several steps (an import: copying, then indexing) counts its progress per step. */
const STEP: Record<NonNullable<JobState['step']>, number> = { copying: 1, indexing: 2 };

/**
 * The newer of each job's versions: a status() answer fetched before the latest 'job'
 * event can arrive after it, and must not move a progress bar backwards. `listedAt`: when
 * `incoming` is the host's whole list (asked at that time), a queued or running job it lacks
 * that was queued before is gone (the engine started again since): it is dropped, not left
 * "running" for good.
 */
export function mergeJobs(current: JobState[], incoming: JobState[], listedAt?: number): JobState[] {
  // Host and page share a clock: the app's engine, or `shoebox serve` on 127.0.0.1.
  const listed = new Set(incoming.map((job) => job.id));
  const gone = (job: JobState) => listedAt !== undefined && !listed.has(job.id) && (job.state === 'queued' || job.state === 'running') && job.queuedAt < listedAt;
  const byId = new Map(current.filter((job) => !gone(job)).map((job) => [job.id, job]));
  for (const job of incoming) {
    const known = byId.get(job.id);
    if (!known || isNewer(job, known)) byId.set(job.id, job);
  }
  return [...byId.values()].sort(byActivity);
}

function isNewer(a: JobState, b: JobState): boolean {
  if (STAGE[a.state] !== STAGE[b.state]) return STAGE[a.state] > STAGE[b.state];
  const [stepA, stepB] = [a.step ? STEP[a.step] : 0, b.step ? STEP[b.step] : 0];
  if (stepA !== stepB) return stepA > stepB;
  return (a.progress?.done ?? -1) >= (b.progress?.done ?? -1);
}

function byActivity(a: JobState, b: JobState): number {
  return ACTIVE[a.state] - ACTIVE[b.state] || (b.finishedAt ?? b.queuedAt) - (a.finishedAt ?? a.queuedAt);
}
