import type { ReactNode, Ref } from 'react';
import type { IndexProgress, JobState } from '../../shared/api';
import { formatCount, formatEta, formatRate } from '../lib/format';
import { movedText, saidCounts } from '../../shared/moved-text';

interface ProgressLineProps {
  label: string;
  progress: IndexProgress | null;
  /** The line under the bar; default: "<label> done of total · rate · time left". */
  describe?: (progress: IndexProgress) => ReactNode;
  /** The bar, for a caller that gives it the focus (it replaced the control that had it). */
  barRef?: Ref<HTMLDivElement>;
}

const countLine = (label: string) => (progress: IndexProgress) =>
  `${label} ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} · ${formatRate(progress.rate)} · ${formatEta(progress.etaSeconds)}`;

/** A progress bar with done/total, rate and time left. */
export function ProgressLine({ label, progress, describe = countLine(label), barRef }: ProgressLineProps) {
  const value = progress && progress.total > 0 ? progress.done / progress.total : undefined;
  const text = progress ? describe(progress) : `${label}…`;
  return (
    <div className="progress" role="status">
      <div
        className="progress__bar"
        role="progressbar"
        ref={barRef}
        tabIndex={barRef ? -1 : undefined}
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress?.total ?? 1}
        aria-valuenow={progress?.done}
        // Read out on focus instead of a bare number of bytes or photos.
        aria-valuetext={typeof text === 'string' ? text : undefined}
      >
        <div className={value === undefined ? 'progress__fill progress__fill--busy' : 'progress__fill'} style={{ width: `${Math.round((value ?? 0.3) * 100)}%` }} />
      </div>
      <div className="progress__text">
        {text}
      </div>
    </div>
  );
}

/** What a folder's latest job is doing or did. `failed`: of a finished run's files that could
 *  not be read, how many still cannot (default: the run's own count). */
export function JobProgress({ job, failed }: { job: JobState; failed?: number }) {
  switch (job.state) {
    case 'queued':
      return <p className="job job--queued">{job.kind === 'index' ? 'Waiting to index…' : 'Waiting to remove…'}</p>;
    case 'running':
      return job.kind === 'index' ? <ProgressLine label="Indexing" progress={job.progress} /> : <p className="job">Removing…</p>;
    case 'failed':
      return (
        <p className="job job--failed" role="alert">
          {job.kind === 'index' ? 'Indexing' : 'Removing'} failed: {job.error}
        </p>
      );
    case 'cancelled':
      return <p className="job">Stopped.</p>;
    case 'done': {
      if (job.kind !== 'index' || !job.result) return null;
      const r = { ...job.result, failed: Math.min(job.result.failed, failed ?? job.result.failed) };
      // After a model switch the photos are not new: they are new to the model in use.
      // A renamed or moved file is said once, as moved (as `shoebox index` says it), not as a
      // new photo beside a removed one: "removed" counts only the photos gone (shared/moved-text.ts).
      const said = saidCounts(r);
      const parts = said.added || !(said.moved || r.newToModel) ? [formatCount(said.added, 'new photo')] : [];
      if (said.moved) parts.push(movedText(said.moved, (n) => formatCount(n, 'photo')));
      if (r.newToModel) parts.push(`${formatCount(r.newToModel, 'photo')} embedded for the model in use`);
      if (r.updated) parts.push(`${r.updated.toLocaleString()} updated`);
      if (said.removed) parts.push(`${said.removed.toLocaleString()} removed`);
      const rate = job.progress && job.progress.total > 0 ? ` · ${formatRate(job.progress.rate)}` : '';
      // Not all green when some files could not be read: those are said in the error colour.
      return (
        <p className={r.failed ? 'job' : 'job job--done'}>
          Indexed: {parts.join(', ')}
          {r.failed > 0 && <span className="job__failed">, {r.failed.toLocaleString()} could not be read</span>}
          {rate}
        </p>
      );
    }
  }
}
