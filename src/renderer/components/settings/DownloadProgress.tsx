import type { IndexProgress, JobState } from '../../../shared/api';
import { formatEta } from '../../lib/format';
import { formatBytes } from '../../../shared/bytes-text';
import { ProgressLine } from '../JobProgress';

const bytesLine = (p: IndexProgress) => `Downloading ${formatBytes(p.done)} of ${formatBytes(p.total)} · ${formatBytes(Math.round(p.rate))}/s · ${formatEta(p.etaSeconds)}`;

/**
 * A model download's progress bar: bytes done of total, speed, time left. `focusRef`: the
 * bar (or, while queued, the line saying it waits), made focusable, for a caller that gives it
 * the focus of the Install button it replaced.
 */
export function DownloadProgress({ job, label, focusRef }: { job: JobState; label: string; focusRef?: (element: HTMLElement | null) => void }) {
  if (job.state === 'queued') {
    return (
      <p className="job job--queued" ref={focusRef} tabIndex={focusRef ? -1 : undefined}>
        Waiting to download…
      </p>
    );
  }
  return <ProgressLine label={label} progress={job.progress} describe={bytesLine} barRef={focusRef} />;
}
