// A background job's progress as the app's job lines and the CLI's bar show it: 'index-progress'
// events with the rate and the time left, tagged with the running job, at most four a second
// (each is a message to every window; a photo may take a few milliseconds).
import type { IndexProgress, LibraryEvent } from '../../shared/api';
import type { JobQueue } from './job-queue';

/** The reporter for a job that starts now: call it with how far the job has got. */
export function jobProgress(jobs: JobQueue, emit: (event: LibraryEvent) => void): (done: number, total: number) => void {
  const start = performance.now();
  let lastEmit = 0;
  return (done, total) => {
    const now = performance.now();
    if (done < total && now - lastEmit < 250) return;
    lastEmit = now;
    const seconds = (now - start) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const progress: IndexProgress = { done, total, rate, etaSeconds: rate > 0 ? (total - done) / rate : null };
    const jobId = jobs.progress(progress);
    emit(jobId ? { type: 'index-progress', progress, jobId } : { type: 'index-progress', progress });
  };
}
