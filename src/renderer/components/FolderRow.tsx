import { useRef, useState } from 'react';
import type { FolderInfo, JobState } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { errorMessage } from '../hooks/useAsync';
import { baseName, formatCount } from '../lib/format';
import { itemsText } from '../../shared/count-text';
import { FailureList } from './FailureList';
import { InlineConfirm } from './InlineConfirm';
import { JobProgress } from './JobProgress';
import { LocateFolder } from './LocateFolder';
import { useViewingOnly } from '../hooks/useViewingOnly';
import { useRefocus } from '../hooks/useRefocus';
import { useTimeReached } from '../hooks/useTimeReached';

interface FolderRowProps {
  folder: FolderInfo;
  job: JobState | undefined;
  /** The watcher is catching up (its progress shows above the folders): any folder may be in it. */
  syncing?: boolean;
  /** When the watcher last started catching up (0: not since the page opened). */
  syncedAt?: number;
  /** When `folder` was read (LibraryState.foldersAt; 0: unknown). */
  folderAt?: number;
  selected: boolean;
  onSelect: () => void;
}

/** How long a finished run's summary ("Indexed: 30 new photos · 35 photos/s") stays. */
export const DONE_SUMMARY_MS = 2 * 60_000;
/** The watcher's catch-up that starts as a run ends (it retries the run's unreadable files) is
 *  not news after the run: only a sync starting this long after it takes the summary away. */
export const SYNC_AFTER_RUN_MS = 10_000;

/** One library folder: its photos, its indexing job (pause, resume), its failures, and removal (confirmed inline). */

export function FolderRow({ folder, job, syncing = false, syncedAt = 0, folderAt = 0, selected, onSelect }: FolderRowProps) {
  const client = useClient();
  const [confirming, setConfirming] = useState(false);
  const viewingOnly = useViewingOnly();
  const [showFailures, setShowFailures] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  // Said when a folder was located at a place that holds none of its photos; news for a while,
  // as a run's summary is (the place may be synced meanwhile).
  const [located, setLocated] = useState<{ note: string; at: number } | null>(null);
  const locatedOld = useTimeReached(located ? located.at + DONE_SUMMARY_MS : null);
  const [pausing, setPausing] = useState(false);
  const active = job?.state === 'queued' || job?.state === 'running';
  // A finished run's summary is news about that run, for when it ends: what lasts (the folder's
  // photos, its files that could not be read, each kept current under its name) is in the row
  // itself. So the summary says what is still so and goes once it is old news: its files that
  // could not be read are those that still cannot be (once the folder has been read since the
  // run: one fixed or deleted since is not counted; a demanding user takes a red "1 could not
  // be read" beside "status: 0 failed" for a fault), and it goes a couple of minutes after the
  // run (long enough to be seen when the run ends in the background, as a toast would) or as
  // soon as the watcher indexes changes since (its counts are no longer the library's last word).
  const finishedAt = job?.state === 'done' ? job.finishedAt : null;
  const summaryOld = useTimeReached(finishedAt === null ? null : finishedAt + DONE_SUMMARY_MS);
  const summaryGone = finishedAt !== null && (summaryOld || syncedAt > finishedAt + SYNC_AFTER_RUN_MS);
  const stillFailed = finishedAt !== null && folderAt >= finishedAt ? folder.failed : undefined;
  const indexing = (job?.kind === 'index' && active) || syncing;
  const row = useRef<HTMLLIElement>(null);
  const name = useRef<HTMLButtonElement>(null);
  const remover = useRef<HTMLButtonElement>(null);
  const refocus = useRefocus();

  /** Pauses or resumes the folder's indexing; the row follows from the folders-changed and job events. */
  const setPaused = async (pause: boolean) => {
    setError(null);
    setPausing(true);
    // Pause becomes Resume (and back) once the folder's state arrives: the focus follows it,
    // or goes to the folder's name when neither shows (the run ended meanwhile).
    refocus(() => row.current?.querySelector<HTMLElement>('[data-pause]') ?? name.current);
    try {
      await (pause ? client.pauseIndexing(folder.path) : client.resumeIndexing(folder.path));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPausing(false);
    }
  };

  const remove = async () => {
    setError(null);
    // The row leaves: the next folder takes the focus (else the one before, else All photos).
    const neighbour = row.current?.nextElementSibling ?? row.current?.previousElementSibling;
    const nav = row.current?.closest('nav');
    const stayHere = refocus(() => neighbour?.querySelector<HTMLElement>('.folder__name') ?? nav?.querySelector<HTMLElement>('.sidebar__all') ?? remover.current, { ms: 5000, outlive: true });
    try {
      await client.removeFolder(folder.path);
    } catch (e) {
      stayHere(); // the row stays, with its error: so does the focus
      setError(errorMessage(e));
    }
    setConfirming(false);
  };

  return (
    <li className={selected ? 'folder folder--selected' : 'folder'} ref={row}>
      <div className="folder__head">
        <button type="button" className="folder__name" title={folder.libraryPath ? `${folder.path} (library folder ${folder.libraryPath})` : folder.path} aria-pressed={selected} data-folder={folder.path} ref={name} onClick={onSelect}>
          <span className="folder__base">{baseName(folder.path)}</span>
          <span className="folder__path">{folder.path}</span>
        </button>
        {!viewingOnly && (
          <button type="button" className="icon-button icon-button--small" aria-label={`Remove ${folder.path} from the library`} title="Remove from the library" ref={remover} onClick={() => setConfirming(true)}>
            ×
          </button>
        )}
      </div>
      <div className="folder__meta">
        {/* Photos and videos said apart, as status says them: a folder of clips is not "5 photos". */}
        <span>{itemsText(folder.photos, folder.videos ?? 0, formatCount)}</span>
        {folder.unreachable && (
          <button type="button" className="link-button folder__locate" aria-expanded={locating} title="This device cannot find this folder (a disk not connected, or another device's path): tell Shoebox where it is here" onClick={() => setLocating((v) => !v)}>
            Locate folder…
          </button>
        )}
        {!viewingOnly && indexing && !folder.paused && (
          <button type="button" className="link-button" data-pause disabled={pausing} title="Stop indexing this folder until you resume it (what is indexed stays)" onClick={() => void setPaused(true)}>
            Pause indexing
          </button>
        )}
        {!viewingOnly && folder.paused && (
          <button type="button" className="link-button" data-pause disabled={pausing} title="Index what this folder lacks and follow it again" onClick={() => void setPaused(false)}>
            Resume indexing
          </button>
        )}
        {folder.failed > 0 && (
          <button type="button" className="link-button folder__failed" aria-expanded={showFailures} onClick={() => setShowFailures((v) => !v)}>
            {formatCount(folder.failed, 'file')} could not be read
          </button>
        )}
      </div>
      {/* Moved into another library folder (mv A B/A): each photo shows twice until the old
          folder goes; said, never done by itself (a folder not found may be a disk away). */}
      {folder.unreachable && folder.copiesAt && !locating && (
        <p className="folder__unreachable muted small">
          Not found, and all its photos are in the library under {folder.copiesAt} too: moved there? Remove this folder to show each photo once; favourites, tags and dates stay with the photos.
        </p>
      )}
      {folder.unreachable && !folder.copiesAt && !locating && <p className="folder__unreachable muted small">Not reachable from this device: its photos search and show thumbnails; originals do not open. On a disk? Connect it. Elsewhere on this device? Locate it.</p>}
      {locating && (
        <LocateFolder
          folder={folder}
          onDone={(note) => {
            setLocating(false);
            setLocated(note ? { note, at: Date.now() } : null);
          }}
        />
      )}
      {located && !locatedOld && !locating && (
        <p className="folder__unreachable muted small" role="status">
          {located.note}
        </p>
      )}
      {folder.paused && (
        <p className="job" role="status">
          Indexing paused: photos added or changed here are not indexed until you resume (or Shoebox starts again).
        </p>
      )}
      {/* While paused, the job the pause stopped says nothing new; one run since (the folder
          added again) or failing does. */}
      {job && (!folder.paused || active || job.state === 'failed') && !summaryGone && <JobProgress job={job} failed={stillFailed} />}
      {showFailures && folder.failed > 0 && <FailureList folder={folder.path} count={folder.failed} />}
      {confirming && (
        <InlineConfirm
          label="Confirm removal"
          message={folder.copiesAt ? `Remove this folder from the library? Its photos stay in the library under ${folder.copiesAt}.` : 'Remove this folder from the library? The photos stay on your disk.'}
          action="Remove"
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
