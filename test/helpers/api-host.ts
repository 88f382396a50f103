// LibraryApi hosts for integration tests: each opened with the events it pushes recorded,
// all closed after every test (they hold the library's writer lock), and a wait for a
// background job to finish.
import { afterEach } from 'vitest';
import { createLibraryApi, type LibraryApiOptions, type LibraryHost } from '../../src/core/api/library-api';
import type { JobState, LibraryEvent } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from './images';

export interface OpenedHost {
  host: LibraryHost;
  /** Every event the host pushed since it opened. */
  events: LibraryEvent[];
}

/**
 * Registers the closing of every host it opens after each test; returns the opener. Its
 * default: a fresh data folder, the tiny fixture model, CPU, no watcher.
 */
export function useApiHosts(): (options?: LibraryApiOptions) => Promise<OpenedHost> {
  const hosts: LibraryHost[] = [];
  afterEach(async () => {
    while (hosts.length) await hosts.pop()!.close();
  });
  return async (options = {}) => {
    const host = await createLibraryApi({ home: tempDir(), provider: 'cpu', watch: false, modelDir: fixtureModelDir(TINY_IMMICH), ...options });
    hosts.push(host);
    const events: LibraryEvent[] = [];
    host.subscribe((event) => events.push(event));
    return { host, events };
  };
}

/** Every state `job` went through, as its events told. */
export function jobStates(events: readonly LibraryEvent[], id: string): JobState[] {
  return events.flatMap((e) => (e.type === 'job' && e.job.id === id ? [e.job] : []));
}

/** The job's last state once it is done, failed or cancelled (a plain wait: works in hooks too). */
export async function jobFinished(events: readonly LibraryEvent[], job: JobState, timeoutMs = 120_000): Promise<JobState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = jobStates(events, job.id).at(-1);
    if (last && ['done', 'failed', 'cancelled'].includes(last.state)) return last;
    if (Date.now() > deadline) throw new Error(`job ${job.id} (${job.kind}) did not finish in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
