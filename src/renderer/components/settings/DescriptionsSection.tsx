import { useState } from 'react';
import type { JobState } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { useLibraryEvents } from '../../hooks/useLibraryEvents';
import { useViewingOnly } from '../../hooks/useViewingOnly';
import { ProgressLine } from '../JobProgress';

/**
 * "Descriptions from other apps": the captions written in Lightroom, digiKam, Photoshop or Apple
 * Photos (in the photos or their XMP sidecars) brought in as descriptions, for the photos that
 * have none: one 'import-descriptions' job (core/api/description-import.ts), whose progress and
 * result show here. Never overwrites a description; run again, it adds what is new.
 */
export function DescriptionsSection() {
  const client = useClient();
  const viewingOnly = useViewingOnly();
  const [job, setJob] = useState<JobState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useLibraryEvents((event) => {
    if (event.type === 'job' && event.job.kind === 'import-descriptions') setJob(event.job);
  });
  const running = job?.state === 'queued' || job?.state === 'running';

  const start = async () => {
    setError(null);
    try {
      setJob(await client.importDescriptions());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section aria-labelledby="settings-descriptions-title">
      <h3 id="settings-descriptions-title">Descriptions from other apps</h3>
      <p className="muted small">Captions written in Lightroom, digiKam, Photoshop or Apple Photos (in the photos or their XMP sidecars) become the descriptions of the photos that have none. The files are only read.</p>
      <button type="button" className="button" disabled={viewingOnly || running} onClick={() => void start()}>
        {running ? 'Importing…' : 'Import captions'}
      </button>
      {job?.state === 'running' && <ProgressLine label="Reading captions" progress={job.progress} />}
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
