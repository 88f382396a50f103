import { describe, expect, it, vi } from 'vitest';
import type { JobState } from '../../../src/shared/api';
import { JobQueue } from '../../../src/core/api/job-queue';

const RESULT = { added: 1, updated: 0, removed: 0, embedded: 1, failed: 0 };

function queue() {
  const changes: JobState[] = [];
  const order: string[] = [];
  const hooks = {
    onChange: (job: JobState) => changes.push(job),
    pause: vi.fn(async () => void order.push('pause')),
    resume: vi.fn(() => void order.push('resume')),
  };
  return { jobs: new JobQueue(hooks), changes, order, hooks };
}

describe('job queue', () => {
  it('runs jobs one at a time, pausing the watcher around a busy spell', async () => {
    const { jobs, order, changes } = queue();
    let running = 0;
    const work = (name: string) => async () => {
      running++;
      expect(running).toBe(1);
      order.push(name);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return RESULT;
    };
    const a = jobs.enqueue('index', '/a', work('a'));
    const b = jobs.enqueue('index', '/b', work('b'));
    expect(a.state).toBe('queued');
    await jobs.whenDone(b.id);
    expect(order).toEqual(['pause', 'a', 'b', 'resume']);
    expect(changes.filter((j) => j.id === a.id).map((j) => j.state)).toEqual(['queued', 'running', 'done']);
    expect(jobs.list().map((j) => [j.id, j.state, j.result])).toEqual([
      [b.id, 'done', RESULT],
      [a.id, 'done', RESULT],
    ]);
  });

  it('attaches progress to the running job', async () => {
    const { jobs, changes } = queue();
    expect(jobs.progress({ done: 1, total: 2, rate: 1, etaSeconds: 1 })).toBeNull();
    let id = '';
    const job = jobs.enqueue('index', '/a', async () => {
      id = jobs.progress({ done: 1, total: 2, rate: 10, etaSeconds: 0.1 }) ?? '';
      return RESULT;
    });
    await jobs.whenDone(job.id);
    expect(id).toBe(job.id);
    expect(changes.some((j) => j.state === 'running' && j.progress?.done === 1)).toBe(true);
  });

  it('records a failure with its reason and goes on with the next job', async () => {
    const { jobs } = queue();
    const bad = jobs.enqueue('index', '/a', async () => Promise.reject(new Error('disk full')));
    const good = jobs.enqueue('index', '/b', async () => RESULT);
    await jobs.whenDone(good.id);
    expect(jobs.list().find((j) => j.id === bad.id)).toMatchObject({ state: 'failed', error: 'disk full' });
  });

  it('cancels queued jobs at once and aborts the running one', async () => {
    const { jobs } = queue();
    let aborted = false;
    const running = jobs.enqueue('index', '/a', (signal) => new Promise((resolve) => signal.addEventListener('abort', () => ((aborted = true), resolve(null)))));
    const queued = jobs.enqueue('index', '/a', async () => RESULT);
    const other = jobs.enqueue('index', '/b', async () => RESULT);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await jobs.cancel((job) => job.folder === '/a');
    expect(aborted).toBe(true);
    await jobs.whenDone(other.id);
    const states = Object.fromEntries(jobs.list().map((j) => [j.id, j.state]));
    expect(states).toEqual({ [running.id]: 'cancelled', [queued.id]: 'cancelled', [other.id]: 'done' });
  });

  it('refuses new jobs once closed', async () => {
    const { jobs, hooks } = queue();
    await jobs.close();
    expect(() => jobs.enqueue('index', '/a', async () => RESULT)).toThrow(/closing/);
    expect(hooks.resume).not.toHaveBeenCalled();
  });
});
