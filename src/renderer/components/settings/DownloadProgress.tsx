import type { JobState } from '../../../shared/api';
import { formatBytes, formatEta } from '../../lib/format';

/** A model download's progress bar: bytes done of total, speed, time left. */
export function DownloadProgress({ job, label }: { job: JobState; label: string }) {
  const progress = job.progress;
  if (job.state === 'queued') return <p className="job job--queued">Waiting to download…</p>;
  const value = progress && progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <div className="progress" role="status">
      <div
        className="progress__bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress?.total ?? 1}
        aria-valuenow={progress?.done}
      >
        <div className={value === undefined ? 'progress__fill progress__fill--busy' : 'progress__fill'} style={{ width: `${Math.round((value ?? 0.3) * 100)}%` }} />
      </div>
      <div className="progress__text">
        {progress ? (
          <>
            Downloading {formatBytes(progress.done)} of {formatBytes(progress.total)} · {formatBytes(Math.round(progress.rate))}/s ·{' '}
            {formatEta(progress.etaSeconds)}
          </>
        ) : (
          <>Starting the download…</>
        )}
      </div>
    </div>
  );
}
