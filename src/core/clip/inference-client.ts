// The engine's side of the inference worker: one request in, one promise out.
import type { Worker } from 'node:worker_threads';
import type { InferenceRequest, InferenceResponse, SessionReport, WorkerSetup } from './inference-protocol';
import { ModelFolderError } from './model-folder';
import { siblingModule, spawnModuleWorker } from './worker-spawn';

type Pending = { resolve: (r: Extract<InferenceResponse, { ok: true }>) => void; reject: (e: Error) => void };

/** How long close() lets a request still running finish (a batch, a session loading) before it terminates the worker anyway. */
const CLOSE_WAIT_MS = 60_000;
type Request = InferenceRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class InferenceClient {
  private spawned: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | undefined;
  /** Called once no request is pending (close() waits on it). */
  private idle: (() => void) | undefined;
  /** Waiting for no request to be pending (whenSettled). */
  private settledWaiters: (() => void)[] = [];
  /** The provider of the session that answered last, for `info`. */
  lastReport: SessionReport | null = null;

  constructor(private readonly setup: WorkerSetup) {}

  /** The worker starts on the first request: commands that embed nothing never pay for it. */
  private get worker(): Worker {
    if (!this.spawned) {
      const worker = spawnModuleWorker(siblingModule(import.meta.url, 'inference-worker'), { workerData: this.setup });
      worker.on('message', (res: InferenceResponse) => this.settle(res));
      worker.on('error', (err) => this.failAll(err));
      worker.on('exit', (code) => this.failAll(new Error(`inference worker exited (code ${code})`)));
      // Idle workers must not keep the CLI alive; requests ref it while they are pending.
      worker.unref();
      this.spawned = worker;
    }
    return this.spawned;
  }

  request(req: Request, transfer: ArrayBuffer[] = []): Promise<Extract<InferenceResponse, { ok: true }>> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ ...req, id }, transfer);
    });
  }

  /** Resolves once no request is pending (at once when none is); a failed worker counts as settled. */
  whenSettled(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  private wakeSettled(): void {
    const waiters = this.settledWaiters;
    this.settledWaiters = [];
    for (const wake of waiters) wake();
  }

  /**
   * Refuses new requests, lets the ones running finish (up to CLOSE_WAIT_MS), then ends the
   * worker. Terminating it while ONNX Runtime runs there aborted the whole process (a native
   * exception: SIGABRT, no summary, the library lock left), as a Ctrl-C mid-batch did.
   */
  async close(): Promise<void> {
    this.failure ??= new Error('inference worker closed');
    if (this.pending.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise<void>((resolve) => (this.idle = resolve)), new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
      clearTimeout(timer);
    }
    await this.spawned?.terminate();
  }

  private settle(res: InferenceResponse): void {
    const waiter = this.pending.get(res.id);
    if (!waiter) return;
    this.pending.delete(res.id);
    if (this.pending.size === 0) {
      this.worker.unref();
      this.idle?.();
      this.wakeSettled();
    }
    if (res.ok) {
      this.lastReport = res.session;
      waiter.resolve(res);
    } else {
      const err = res.errorName === 'ModelFolderError' ? new ModelFolderError(res.message) : new Error(res.message);
      waiter.reject(err);
    }
  }

  private failAll(err: Error): void {
    this.failure ??= err;
    for (const waiter of this.pending.values()) waiter.reject(this.failure);
    this.pending.clear();
    this.idle?.();
    this.wakeSettled();
  }
}
