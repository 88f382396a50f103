import { describe, expect, it } from 'vitest';
import type { JobState } from '../../../src/shared/api';
import { mergeJobs } from '../../../src/renderer/hooks/useLibrary';

const job = (id: string, state: JobState['state'], done: number | null, queuedAt = 1): JobState => ({
  id,
  kind: 'index',
  folder: `/${id}`,
  state,
  progress: done === null ? null : { done, total: 100, rate: 10, etaSeconds: 1 },
  result: null,
  error: null,
  queuedAt,
  startedAt: null,
  finishedAt: state === 'done' ? 10 : null,
});

describe('merging job states', () => {
  it('never moves a job backwards when a stale status arrives after a newer event', () => {
    const now = [job('a', 'running', 154)];
    expect(mergeJobs(now, [job('a', 'running', 130)])[0]!.progress?.done).toBe(154);
    expect(mergeJobs([job('a', 'done', 167)], [job('a', 'running', 160)])[0]!.state).toBe('done');
    expect(mergeJobs(now, [job('a', 'running', 160)])[0]!.progress?.done).toBe(160);
  });

  it('keeps running and queued jobs first', () => {
    const merged = mergeJobs([job('old', 'done', 5)], [job('b', 'queued', null, 3), job('c', 'running', 1, 2)]);
    expect(merged.map((j) => j.id)).toEqual(['c', 'b', 'old']);
  });
});
