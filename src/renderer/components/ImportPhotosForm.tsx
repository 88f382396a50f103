// "Import…" beside the folders: the photos and videos of a camera card or a folder outside the
// library that the library lacks, copied into one of its folders by day taken, then indexed
// (LibraryApi.importPhotos: one 'import-photos' job, whose progress and result show here). The
// card is only read. The path is typed, or chosen with "Browse…" in the desktop app. Stop ends
// it at the next file: what was copied stays, and the next import indexes it.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { errorMessage } from '../hooks/useAsync';
import type { FolderInfo, JobResult, JobState } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { folderNames } from '../lib/format';
import { isJobGone } from '../lib/job-gone';
import { useFocusFollow } from '../hooks/useFocusFollow';
import { useFolderPathForm } from '../hooks/useFolderPathForm';
import { mergeJobs } from '../hooks/useLibrary';
import { useLibraryEvents } from '../hooks/useLibraryEvents';
import { ProgressLine } from './JobProgress';

/** How many of an import's failures are named before "and N more". */
const FAILURES_SHOWN = 5;

/** An error or summary as a sentence on screen: the engine's start lowercase. */
export const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The files an import could not copy, each with why: the first few, then how many more. */
export function ImportFailures({ result }: { result: JobResult | null }) {
  const failures = result?.failures ?? [];
  if (failures.length === 0) return null;
  const shown = failures.slice(0, FAILURES_SHOWN);
  // A destination that could not be written is one entry for all the files it stopped, its
  // `files` saying how many (shared/import-failure-lines.ts): "more" is every failed file the
  // entries shown do not stand for, named in the list or not (the list is capped).
  const namedHere = shown.reduce((sum, f) => sum + (f.files ?? 1), 0);
  const more = Math.max(result!.failed - namedHere, failures.length - shown.length);
  return (
    <ul className="failures" aria-label="Files that could not be imported">
      {shown.map((f) => (
        <li key={f.path} title={f.path}>
          <span className="failures__name">{f.path}</span>
          <span className="failures__reason">{capitalised(f.reason)}</span>
        </li>
      ))}
      {more > 0 && <li className="muted">and {more.toLocaleString()} more</li>}
    </ul>
  );
}

/**
 * `onClose`: Esc in the form closes it (the sidebar gives the focus back to "Import…"), as Esc
 * closes the app's other panels; not while an import runs, whose progress and Stop show only
 * here: an Esc meant for something else must not hide them.
 */
export function ImportPhotosForm({ folders, onClose }: { folders: FolderInfo[]; onClose?: () => void }) {
  const client = useClient();
  const [into, setInto] = useState(folders[0]?.path ?? '');
  const names = folderNames(folders.map((f) => f.path));
  const [jobs, setJobs] = useState<JobState[]>([]);
  // An import started before the form opened (or in another window) shows too.
  useEffect(() => {
    let current = true;
    const asked = Date.now();
    client.jobs().then(
      (list) => current && setJobs((known) => mergeJobs(known, list.filter((j) => j.kind === 'import-photos'), asked)),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client]);
  useLibraryEvents((event) => {
    if (event.type === 'job' && event.job.kind === 'import-photos') setJobs((list) => mergeJobs(list, [event.job]));
  });
  const job = [...jobs].sort((a, b) => b.queuedAt - a.queuedAt)[0] ?? null;
  const running = job?.state === 'queued' || job?.state === 'running';
  // A new attempt hides the last import's result: its error must not read as the old one's.
  const [hidden, setHidden] = useState<string | null>(null);
  const finished = job && job.id !== hidden ? job : null;
  const { path, setPath, busy, error, browse, submit, canBrowse } = useFolderPathForm(async (from) => {
    if (running) return; // Enter in the path box while an import runs: one import at a time
    setHidden(job?.id ?? null);
    const started = await client.importPhotos(from, into);
    setJobs((list) => mergeJobs(list, [started]));
    setPath('');
  });
  const [stopError, setStopError] = useState<string | null>(null);
  // Stop goes with the import it stops: the focus, which the browser would drop to the page,
  // goes to the card's field, where the next import starts (the result line is a live region, said anyway).
  const fromField = useRef<HTMLInputElement>(null);
  const follow = useFocusFollow(() => fromField.current, running);
  const stop = async (id: string) => {
    setStopError(null);
    follow.start();
    try {
      await client.stopJob(id);
    } catch (e) {
      // The engine started again since (the job went with it): nothing runs to stop.
      if (isJobGone(e)) setJobs((list) => list.filter((j) => j.id !== id));
      else {
        follow.stop(); // Stop stays, with the focus
        setStopError(errorMessage(e));
      }
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape' || !onClose || running || event.defaultPrevented || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  const sentence = (summary: string) => `${summary[0]!.toUpperCase()}${summary.slice(1)}.`;

  return (
    <form className="add-folder" aria-label="Import photos" onSubmit={(event) => void submit(event)} onBlur={follow.onBlur} onKeyDown={onKeyDown}>
      <label className="add-folder__label" htmlFor="import-from">
        Import from a camera card or folder
      </label>
      <div className="add-folder__row">
        <input id="import-from" ref={fromField} type="text" placeholder="/media/you/EOS_DIGITAL" value={path} autoFocus spellCheck={false} autoComplete="off" onChange={(event) => setPath(event.target.value)} />
        {canBrowse && (
          <button type="button" className="button" disabled={busy} onClick={() => void browse()}>
            Browse…
          </button>
        )}
      </div>
      <label className="add-folder__label" htmlFor="import-into">
        Into (by day taken: 2024/2024-06-15/…)
      </label>
      <div className="add-folder__row">
        <select id="import-into" value={into} onChange={(event) => setInto(event.target.value)}>
          {/* By the names that tell them apart (a long path was cut at the select's edge), each in full on hover. */}
          {folders.map((f) => (
            <option key={f.path} value={f.path} title={f.path}>
              {names.get(f.path) ?? f.path}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--primary" disabled={busy || running || !path.trim() || !into}>
          {running ? 'Importing…' : 'Import'}
        </button>
      </div>
      <p className="muted small">Only what the library does not hold yet is copied; the card is only read.</p>
      {job?.state === 'running' && <ProgressLine label={job.step === 'indexing' ? 'Indexing' : 'Copying'} progress={job.progress} />}
      {job?.state === 'queued' && (
        <p className="muted small" role="status">
          Waiting for the library's other work to finish…
        </p>
      )}
      {/* Under the progress, never in Import's place: a double click on Import must not stop it,
          and the folder list keeps its width. */}
      {running && job && (
        <div className="add-folder__row">
          <button type="button" className="button" onClick={() => void stop(job.id)}>
            Stop
          </button>
        </div>
      )}
      {(finished?.state === 'done' || finished?.state === 'cancelled') && (
        <>
          <p className="muted small" role="status">
            {finished.result?.summary ? sentence(finished.result.summary) : 'Stopped before anything was copied.'}
          </p>
          <ImportFailures result={finished.result} />
        </>
      )}
      {finished?.state === 'failed' && (
        <p className="form-error" role="alert">
          {finished.error ? capitalised(finished.error) : 'The import failed.'}
        </p>
      )}
      {(error ?? stopError) && (
        <p className="form-error" role="alert">
          {capitalised((error ?? stopError)!)}
        </p>
      )}
    </form>
  );
}
