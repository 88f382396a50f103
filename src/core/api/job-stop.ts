// "Stop" on a job in the app, for the jobs a stop leaves whole: an import of photos (what was
// copied stays, the next import indexes it) or of descriptions (what was read stays). Other
// jobs have their own stop with its own policy (pauseIndexing, stopAutoTagging,
// stopDuplicateScan) or must finish once started (a repair, a move to the trash).
import type { JobKind } from '../../shared/api';
import type { ApiMethods } from './api-context';
import type { JobQueue } from './job-queue';

const STOPPABLE: ReadonlySet<JobKind> = new Set<JobKind>(['import-photos', 'import-descriptions']);
const OWN_STOP: Partial<Record<JobKind, string>> = {
  index: 'indexing stops by pausing its folder (pauseIndexing)',
  tag: 'tagging stops with stopAutoTagging (it also stops tagging new photos there)',
  dupes: 'a duplicate scan stops with stopDuplicateScan',
};

/**
 * A stop for a job this engine does not know: it finished long ago (out of the kept list), or
 * the engine started again since. Its name crosses the RPC and Electron's IPC, and the app
 * decides by it (it drops the job's card: renderer/lib/job-gone.ts), never by the words.
 */
export class UnknownJobError extends Error {
  override name = 'UnknownJobError';
}

export function jobStopApi(jobs: JobQueue): ApiMethods<'stopJob'> {
  return {
    async stopJob(id) {
      const job = jobs.list().find((j) => j.id === id);
      if (!job) throw new UnknownJobError(`no job ${id}: it finished long ago, or the app started again since`);
      if (job.state !== 'queued' && job.state !== 'running') return; // over already: nothing to stop
      if (!STOPPABLE.has(job.kind)) throw new Error(OWN_STOP[job.kind] ?? `a ${job.kind} job cannot be stopped: it must finish once queued`);
      await jobs.cancel((j) => j.id === id);
    },
  };
}
