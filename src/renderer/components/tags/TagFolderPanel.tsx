// In the label-set editor: tag a library folder or the whole library with the set (a
// background job, its progress and outcome shown here), and the folders whose new photos
// are tagged as they are indexed, each with "Stop".
import { useEffect, useRef, useState } from 'react';
import type { FolderInfo, JobState } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { errorMessage } from '../../hooks/useAsync';
import { useRefocus } from '../../hooks/useRefocus';
import { folderNames } from '../../lib/format';
import { FolderSelect } from '../FolderSelect';
import { ProgressLine } from '../JobProgress';
import { notifyTagsChanged } from './useTagsVersion';

/** The last tagging job started for each set, so coming back to the editor shows it. */
const lastJob = new Map<string, string>();

interface TagFolderPanelProps {
  set: string;
  autoFolders: string[];
  folders: FolderInfo[];
  jobs: JobState[];
  /** Unsaved edits: tagging would use the saved set, so it waits for Save. */
  dirty: boolean;
}

export function TagFolderPanel({ set, autoFolders, folders, jobs, dirty }: TagFolderPanelProps) {
  const client = useClient();
  const [choosing, setChoosing] = useState(false);
  const [folder, setFolder] = useState('');
  const [jobId, setJobId] = useState(() => lastJob.get(set) ?? null);
  const [error, setError] = useState<string | null>(null);
  const job = jobId ? jobs.find((j) => j.id === jobId) : undefined;
  const busy = job?.state === 'queued' || job?.state === 'running';
  const panel = useRef<HTMLElement>(null);
  const tagButton = useRef<HTMLButtonElement>(null);
  const refocus = useRefocus();
  // "Tag folder…" gives way to the folder's choice: the choice takes the focus. Cancel gives it
  // back to "Tag folder…"; a started job to its progress line ("Tag folder…" waits disabled).
  const opened = useRef(false);
  useEffect(() => {
    if (choosing) panel.current?.querySelector<HTMLElement>('.tags-panel__choose select')?.focus();
    else if (opened.current) refocus(() => (tagButton.current?.disabled ? panel.current?.querySelector<HTMLElement>('[data-tag-job]') : tagButton.current));
    opened.current = choosing;
  }, [choosing, refocus]);

  const start = async () => {
    setError(null);
    try {
      const started = await client.tagFolder(set, folder === '' ? null : folder);
      lastJob.set(set, started.id);
      setJobId(started.id);
      setChoosing(false);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const stop = async (f: string) => {
    setError(null);
    try {
      await client.stopAutoTagging(set, f === '' ? null : f);
      notifyTagsChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="tags-panel" aria-label="Tag photos" ref={panel}>
      <h3>Tag photos</h3>
      {dirty && <p className="muted small">Save your changes to tag with them.</p>}
      {!choosing ? (
        <button type="button" className="button" ref={tagButton} disabled={dirty || busy} onClick={() => setChoosing(true)}>
          Tag folder…
        </button>
      ) : (
        <div className="tags-panel__choose">
          <label className="tags-field">
            <span>Folder</span>
            <FolderSelect folders={folders} value={folder} onChange={setFolder} noneLabel="Whole library" ariaLabel="Folder to tag" />
          </label>
          <button type="button" className="button button--primary" disabled={dirty} onClick={() => void start()}>
            Start tagging
          </button>
          <button type="button" className="button" onClick={() => setChoosing(false)}>
            Cancel
          </button>
        </div>
      )}
      {job && <TagJob job={job} folders={folders} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <h3>Tagged as they are indexed</h3>
      {autoFolders.length === 0 ? (
        <p className="muted small">No folder yet: photos added to a folder you tag are tagged as they arrive.</p>
      ) : (
        <ul className="tags-panel__folders">
          {autoFolders.map((f) => (
            <li key={f}>
              <span title={f || undefined}>{f === '' ? 'Whole library' : f}</span>
              <button type="button" className="link-button" aria-label={`Stop tagging ${f === '' ? 'the whole library' : f}`} onClick={() => void stop(f)}>
                Stop
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The job's line; focusable (not a Tab stop), so the focus can land on it once tagging starts. */
function TagJob({ job, folders }: { job: JobState; folders: FolderInfo[] }) {
  const where = job.folder === '' ? 'the whole library' : (folderNames([...new Set([...folders.map((f) => f.path), job.folder])]).get(job.folder) ?? job.folder);
  return (
    <div data-tag-job tabIndex={-1} className="tags-panel__job">
      <TagJobLine job={job} where={where} />
    </div>
  );
}

function TagJobLine({ job, where }: { job: JobState; where: string }) {
  switch (job.state) {
    case 'queued':
      return <p className="job">Waiting to tag {where}…</p>;
    case 'running':
      return <ProgressLine label={`Tagging ${where}`} progress={job.progress} />;
    case 'failed':
      return (
        <p className="job job--failed" role="alert">
          Tagging failed: {job.error}
        </p>
      );
    case 'cancelled':
      return <p className="job">Tagging stopped.</p>;
    case 'done':
      return <p className="job job--done">Done: {job.result?.summary ?? 'tagged'}.</p>;
  }
}
