import { useEffect, useState } from 'react';
import type { JobState } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { mergeJobs } from '../../hooks/useLibrary';
import { useLibraryEvents } from '../../hooks/useLibraryEvents';

/**
 * Model downloads (install-model jobs), newest per model id, kept current by the engine's
 * 'job' events. `onFinished` runs when one ends, so lists of models can be read again.
 */
export function useInstallJobs(onFinished?: (job: JobState) => void): Map<string, JobState> {
  const client = useClient();
  const [jobs, setJobs] = useState<JobState[]>([]);

  useEffect(() => {
    let current = true;
    // A download started before this screen opened (or in another window) shows too.
    const asked = Date.now();
    client.jobs().then(
      (list) => current && setJobs((known) => mergeJobs(known, list.filter(isInstall), asked)),
      () => undefined, // the 'job' events still arrive; the library screen reports a dead engine
    );
    return () => {
      current = false;
    };
  }, [client]);

  useLibraryEvents((event) => {
    if (event.type !== 'job' || !isInstall(event.job)) return;
    setJobs((list) => mergeJobs(list, [event.job]));
    if (event.job.state !== 'queued' && event.job.state !== 'running') onFinished?.(event.job);
  });

  const byModel = new Map<string, JobState>();
  for (const job of [...jobs].sort((a, b) => a.queuedAt - b.queuedAt)) byModel.set(job.folder, job);
  return byModel;
}

export function isActive(job: JobState | undefined): boolean {
  return job?.state === 'queued' || job?.state === 'running';
}

function isInstall(job: JobState): boolean {
  return job.kind === 'install-model';
}
