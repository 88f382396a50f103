// Background work, one job at a time: LanceDB has one writer, and two indexing runs over
// the same rows would race. Each job reports its state as 'job' events; the running one
// also carries the indexer's progress. Before the first job of a busy spell `pause` runs
// (the folder watcher stops writing) and `resume` once the queue is empty again.
import type { IndexProgress, JobKind, JobResult, JobState } from '../../shared/api';
import { ModelError } from '../models/model-error';

export interface JobQueueHooks {
  onChange: (job: JobState) => void;
  pause: () => Promise<void>;
  resume: () => void;
}

type Work = (signal: AbortSignal) => Promise<JobResult | null>;

interface Entry {
  state: JobState;
  work: Work;
  controller: AbortController;
  done: Promise<void>;
  settle: () => void;
}

/** Finished jobs kept for late-joining UIs. */
const KEEP_FINISHED = 20;

export class JobQueue {
  private readonly queue: Entry[] = [];
  private readonly finished: JobState[] = [];
  private running: Entry | null = null;
  private draining = false;
  private nextId = 1;
  /** Ids differ from one start of the host to the next: a page that kept a job from before a
   *  restart never stops or shows another job under its id. */
  private readonly run = Date.now().toString(36);
  private closed = false;

  constructor(private readonly hooks: JobQueueHooks) {}

  enqueue(kind: JobKind, folder: string, work: Work): JobState {
    if (this.closed) throw new Error('the library is closing');
    let settle!: () => void;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const state: JobState = {
      id: `job-${this.run}-${this.nextId++}`,
      kind,
      folder,
      state: 'queued',
      progress: null,
      result: null,
      error: null,
      queuedAt: Date.now(),
      startedAt: null,
      finishedAt: null,
    };
    this.queue.push({ state, work, controller: new AbortController(), done, settle });
    this.hooks.onChange({ ...state });
    void this.drain();
    return { ...state };
  }

  /** Resolves when the job has finished (whatever its outcome). */
  whenDone(id: string): Promise<void> {
    const entry = [this.running, ...this.queue].find((e) => e?.state.id === id);
    return entry ? entry.done : Promise.resolve();
  }

  /** Cancels queued and running jobs that match; a running one stops after its current batch. */
  cancel(match: (job: JobState) => boolean): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const entry of [...this.queue]) {
      if (!match(entry.state)) continue;
      this.queue.splice(this.queue.indexOf(entry), 1);
      this.finish(entry, 'cancelled');
    }
    if (this.running && match(this.running.state)) {
      this.running.controller.abort();
      waits.push(this.running.done);
    }
    return Promise.all(waits).then(() => undefined);
  }

  /** Progress of the running job; returns its id (null when nothing runs). */
  progress(progress: IndexProgress): string | null {
    if (!this.running) return null;
    this.running.state.progress = progress;
    this.hooks.onChange({ ...this.running.state });
    return this.running.state.id;
  }

  /** The running job goes on to its next step (JobState.step); its progress starts again. */
  step(step: NonNullable<JobState['step']>): void {
    if (!this.running) return;
    this.running.state.step = step;
    this.running.state.progress = null;
    this.hooks.onChange({ ...this.running.state });
  }

  get busy(): boolean {
    return this.running !== null || this.queue.length > 0;
  }

  /** Queued and running first, then the most recent finished ones. */
  list(): JobState[] {
    return [...(this.running ? [this.running.state] : []), ...this.queue.map((e) => e.state), ...this.finished].map((s) => ({ ...s }));
  }

  /** Cancels everything and waits for the running job to stop. */
  async close(): Promise<void> {
    this.closed = true;
    await this.cancel(() => true);
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      // A watcher that fails to stop must not block the queue: it only ever writes between jobs.
      await this.hooks.pause().catch(() => undefined);
      for (let entry = this.queue.shift(); entry; entry = this.queue.shift()) {
        this.running = entry;
        entry.state.state = 'running';
        entry.state.startedAt = Date.now();
        this.hooks.onChange({ ...entry.state });
        try {
          entry.state.result = await entry.work(entry.controller.signal);
          this.finish(entry, entry.controller.signal.aborted ? 'cancelled' : 'done');
        } catch (error) {
          entry.state.error = error instanceof Error ? error.message : String(error);
          // A model download's failure says its kind by code (the app words Try again by it).
          if (error instanceof ModelError) entry.state.errorCode = error.code;
          this.finish(entry, entry.controller.signal.aborted ? 'cancelled' : 'failed');
        }
        this.running = null;
      }
    } finally {
      this.draining = false;
    }
    if (!this.closed) this.hooks.resume();
  }

  private finish(entry: Entry, outcome: 'done' | 'failed' | 'cancelled'): void {
    entry.state.state = outcome;
    entry.state.finishedAt = Date.now();
    this.finished.unshift(entry.state);
    this.finished.length = Math.min(this.finished.length, KEEP_FINISHED);
    this.hooks.onChange({ ...entry.state });
    entry.settle();
  }
}
