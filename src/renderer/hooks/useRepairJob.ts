// The repair this page started (Repair library on the damaged panel), followed by its job:
// running, failed (the panel says why), or done, with what it did in the core's words (the
// lines `shoebox repair` prints: JobResult.summary and details), shown until dismissed. Kept
// by the page, not the panel: the panel goes as soon as the library is whole again, before
// (or as) the job ends.
import { useCallback, useState } from 'react';
import type { JobResult, JobState } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { errorMessage } from './useAsync';

export interface RepairJob {
  /** Asked for, and its job not finished yet. */
  running: boolean;
  /** Why it could not be started, or why its job failed. */
  error: string | null;
  /** What the finished repair did, until dismissed. */
  done: JobResult | null;
  start(): void;
  dismiss(): void;
}

export function useRepairJob(jobs: readonly JobState[]): RepairJob {
  const client = useClient();
  const [asked, setAsked] = useState<{ job: JobState | null; error: string | null; dismissed: boolean } | null>(null);
  // The job as its events have it now (the answer to repairLibrary() is its queued state).
  const job = asked?.job ? (jobs.find((j) => j.id === asked.job!.id) ?? asked.job) : null;
  const finished = job !== null && job.state !== 'queued' && job.state !== 'running';

  const start = useCallback(() => {
    setAsked({ job: null, error: null, dismissed: false });
    client.repairLibrary().then(
      (queued) => setAsked({ job: queued, error: null, dismissed: false }),
      (e: unknown) => setAsked({ job: null, error: errorMessage(e), dismissed: false }),
    );
  }, [client]);
  const dismiss = useCallback(() => setAsked((current) => current && { ...current, dismissed: true }), []);

  return {
    running: asked !== null && asked.error === null && !finished,
    error: asked?.error ?? (job?.state === 'failed' ? (job.error ?? 'the repair stopped') : job?.state === 'cancelled' ? 'the repair was stopped' : null),
    done: job?.state === 'done' && !asked?.dismissed ? (job.result ?? null) : null,
    start,
    dismiss,
  };
}
