// Foreground work through the host's job queue: the CLI waits for its answer, but the work
// still runs one job at a time with the app's (and `serve`'s) jobs, through the same code.
import type { JobKind, JobResult, JobState } from '../../shared/api';
import type { JobQueue } from './job-queue';

export interface NowResult<T> {
  value: T;
  /** What the job reports when it finishes (its summary line in the app's job list). */
  result?: JobResult;
}

/**
 * Runs `work` as a `kind` job and resolves with its value once it finished. Its own error is
 * thrown as is (with its class, so a front end can tell a usage error); a job stopped before
 * it answered is an Error saying so. Aborting `signal` stops the job.
 */
export async function runNow<T>(
  jobs: JobQueue,
  kind: JobKind,
  label: string,
  work: (signal: AbortSignal) => Promise<NowResult<T>>,
  signal?: AbortSignal,
  onQueued?: (job: JobState) => void,
): Promise<T> {
  let outcome: { value: T } | null = null;
  let failure: { error: unknown } | null = null;
  const job = jobs.enqueue(kind, label, async (jobSignal) => {
    try {
      const out = await work(jobSignal);
      outcome = { value: out.value };
      return out.result ?? null;
    } catch (error) {
      failure = { error };
      throw error;
    }
  });
  onQueued?.(job);
  const stop = () => void jobs.cancel((j) => j.id === job.id);
  if (signal?.aborted) stop();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    await jobs.whenDone(job.id);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  if (failure) throw (failure as { error: unknown }).error;
  if (!outcome) throw new Error(`the ${kind} job was stopped before it finished`);
  return (outcome as { value: T }).value;
}
