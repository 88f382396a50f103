import type { IndexProgress, JobState } from '../../../shared/api';
import { formatEta } from '../../lib/format';
import { formatBytes } from '../../../shared/bytes-text';
import { ProgressLine } from '../JobProgress';

const bytesLine = (p: IndexProgress) => `Downloading ${formatBytes(p.done)} of ${formatBytes(p.total)} · ${formatBytes(Math.round(p.rate))}/s · ${formatEta(p.etaSeconds)}`;

/** A model download's progress bar: bytes done of total, speed, time left. */
export function DownloadProgress({ job, label }: { job: JobState; label: string }) {
  if (job.state === 'queued') return <p className="job job--queued">Waiting to download…</p>;
  return <ProgressLine label={label} progress={job.progress} describe={bytesLine} />;
}
