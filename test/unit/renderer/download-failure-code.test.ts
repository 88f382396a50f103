// What Try again does after a failed model download (Settings → Model) is told by the core's
// code for the failure, carried on the job (JobState.errorCode, the ModelError's code), never
// by the sentence's words: a file whose bytes failed verification ('verify') had its bad copy
// deleted, so Try again downloads it again, however the core words it; a failure of another
// kind that happens to end in those words still resumes from the bytes kept.
import { describe, expect, it } from 'vitest';
import type { JobState } from '../../../src/shared/api';
import { JobQueue } from '../../../src/core/api/job-queue';
import { ModelError } from '../../../src/core/models/model-error';
import { downloadFailureText } from '../../../src/renderer/components/settings/download-failure-text';

const KEPT = { done: 200_000_000, total: 600_000_000 };

/** The failed install job as the page receives it (plain JSON, over the RPC or IPC). */
async function failedJob(error: Error): Promise<JobState> {
  const seen: JobState[] = [];
  const jobs = new JobQueue({ onChange: (job) => seen.push(job), pause: async () => {}, resume: () => {} });
  jobs.enqueue('install-model', 'vit-b-32-openai', async () => Promise.reject(error));
  for (let i = 0; i < 50 && seen.at(-1)?.state !== 'failed'; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  return JSON.parse(JSON.stringify(seen.at(-1))) as JobState;
}

describe('a failed download’s next step, by its code', () => {
  it('a verification failure: Try again downloads the file again, whatever the words', async () => {
    const job = await failedJob(new ModelError('verify', 'textual/model.onnx: its bytes are not the ones published (discarded)'));
    expect(job).toMatchObject({ state: 'failed', errorCode: 'verify' });
    const said = downloadFailureText(job.error, KEPT, job.errorCode);
    expect(said).toContain('Try again downloads it again.');
    expect(said).not.toContain('resumes');
  });

  it('another failure in words that read like it: Try again resumes from what is kept', async () => {
    const job = await failedJob(new ModelError('hub', 'model.onnx: the mirror says the bad copy was deleted'));
    expect(job.errorCode).toBe('hub');
    const said = downloadFailureText(job.error, KEPT, job.errorCode);
    expect(said).toContain('Try again resumes it');
    expect(said).not.toContain('downloads it again');
  });

  it('a job that failed otherwise carries no code', async () => {
    const job = await failedJob(new Error('the library is closing'));
    expect(job.errorCode).toBeUndefined();
  });
});
