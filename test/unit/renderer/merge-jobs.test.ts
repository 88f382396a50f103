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

  it('takes the next step of a job with steps, though its count starts again (an import: copying, then indexing)', () => {
    const copied = { ...job('imp', 'running', 40), step: 'copying' as const };
    const indexing = { ...job('imp', 'running', null), step: 'indexing' as const };
    expect(mergeJobs([copied], [indexing])[0]).toMatchObject({ step: 'indexing', progress: null });
    expect(mergeJobs([indexing], [{ ...indexing, progress: { done: 10, total: 30, rate: 5, etaSeconds: 4 } }])[0]!.progress?.done).toBe(10);
    expect(mergeJobs([indexing], [copied])[0]!.step).toBe('indexing'); // a stale answer from the copying step
  });

  it('drops a queued or running job the host no longer lists (it started again), not one queued after the list was asked for', () => {
    const stale = job('before-restart', 'running', 12, 5);
    const justQueued = job('new', 'queued', null, 100);
    const merged = mergeJobs([stale, justQueued, job('finished', 'done', 100, 5)], [job('now', 'running', 1, 60)], 90);
    expect(merged.map((j) => j.id).sort()).toEqual(['finished', 'new', 'now']);
    expect(mergeJobs([stale], [])).toEqual([stale]); // an event's one job says nothing of the others
  });
});
