import { useEffect, useState } from 'react';
import type { JobState } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { mergeJobs } from '../../hooks/useLibrary';
import { useLibraryEvents } from '../../hooks/useLibraryEvents';
import { changesWaitText, useViewingOnlyReason } from '../../hooks/useViewingOnly';
import { ProgressLine } from '../JobProgress';

/**
 * "Descriptions and keywords from other apps": the captions written in Lightroom, digiKam,
 * Photoshop or Apple Photos (in the photos or their XMP sidecars) brought in as descriptions,
 * for the photos that have none, and their keywords as tags: one 'import-descriptions' job
 * (core/api/description-import.ts), whose progress and result show here. Never overwrites a
 * description or a tag; run again, it adds what is new.
 */
export function DescriptionsSection() {
  const client = useClient();
  // It writes descriptions and tags: not while the library is only viewed here (no model yet,
  // the first run included, or another process writes it), which the section says in its words.
  const waitReason = useViewingOnlyReason();
  const viewingOnly = waitReason !== false;
  // The newest import job: one started before Settings opened (or in another window) shows too,
  // and a late answer never replaces a newer state its events brought.
  const [jobs, setJobs] = useState<JobState[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Every photo again, not only those indexed since the last import (a sidecar edited alone).
  const [everything, setEverything] = useState(false);
  const known = (incoming: JobState[], listedAt?: number) => setJobs((list) => mergeJobs(list, incoming.filter((j) => j.kind === 'import-descriptions'), listedAt));
  useEffect(() => {
    let current = true;
    const asked = Date.now();
    client.jobs().then(
      (list) => current && known(list, asked),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client]);
  useLibraryEvents((event) => {
    if (event.type === 'job') known([event.job]);
  });
  const job = [...jobs].sort((a, b) => b.queuedAt - a.queuedAt)[0] ?? null;
  const running = job?.state === 'queued' || job?.state === 'running';

  const start = async () => {
    setError(null);
    try {
      known([await client.importDescriptions(everything)]);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  // What was read stays, and the next import goes on from there (the marks move only when done).
  const stop = async (id: string) => {
    setError(null);
    try {
      await client.stopJob(id);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section aria-labelledby="settings-descriptions-title">
      <h3 id="settings-descriptions-title">Descriptions and keywords from other apps</h3>
      <p className="muted small">
        Captions written in Lightroom, digiKam, Photoshop or Apple Photos (in the photos or their XMP sidecars) become the descriptions of the photos that have none, and their keywords become tags (label set “keywords”). The files are only read.
      </p>
      <label className="settings__check small">
        <input type="checkbox" checked={everything} disabled={viewingOnly || running} onChange={(e) => setEverything(e.target.checked)} /> Read every photo again
      </label>
      <p className="muted small">Otherwise only those added or changed since the last import; with it, a description you removed may come back.</p>
      <button type="button" className="button" disabled={viewingOnly || running} onClick={() => void start()}>
        {running ? 'Importing…' : 'Import captions and keywords'}
      </button>
      {waitReason && <p className="muted small">{changesWaitText(waitReason)}.</p>}
      {running && job && (
        <button type="button" className="button" onClick={() => void stop(job.id)}>
          Stop
        </button>
      )}
      {job?.state === 'running' && <ProgressLine label="Reading captions and keywords" progress={job.progress} />}
      {job?.state === 'done' && job.result?.summary && (
        <p className="muted small" role="status">
          {job.result.summary[0]!.toUpperCase() + job.result.summary.slice(1)}.
        </p>
      )}
      {(job?.state === 'failed' || job?.state === 'cancelled') && (
        <p className="form-error" role="alert">
          {job.state === 'failed' ? (job.error ?? 'The import failed.') : 'The import was stopped: what it read is kept; import again to go on.'}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
