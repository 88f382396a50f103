// One worker thread for requests that must not run on the event loop, started on the first
// request and stopped after a quiet spell. It never keeps the process alive while idle; a
// crash fails the requests it held, and the next request starts a fresh worker.
import type { TransferListItem, Worker } from 'node:worker_threads';
import { spawnModuleWorker } from './worker-spawn';

/** What every request and response carries: the id that pairs them. */
export interface WorkerMessage {
  id: number;
}

export class IdleWorker<Request extends WorkerMessage, Response extends WorkerMessage> {
  private worker: Worker | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  /** Requests not answered yet, each with the worker it went to (a crash fails only its own). */
  private readonly waiting = new Map<number, { worker: Worker; resolve: (response: Response) => void; reject: (error: Error) => void }>();

  /**
   * @param moduleUrl the worker's entry (siblingModule(import.meta.url, '<name>'), so builds find it)
   * @param idleMs stop the worker this long after its last answer
   * @param crashError what a request gets when the worker dies under it
   */
  constructor(
    private readonly moduleUrl: URL,
    private readonly idleMs: number,
    private readonly crashError: (cause: Error) => Error,
  ) {}

  /** Sends a request (its id is filled in here) and resolves with the worker's answer. */
  request(message: Omit<Request, 'id'>, transfer: readonly TransferListItem[] = []): Promise<Response> {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    const worker = (this.worker ??= this.start());
    if (this.waiting.size === 0) worker.ref();
    const id = this.nextId++;
    const answer = new Promise<Response>((resolve, reject) => this.waiting.set(id, { worker, resolve, reject }));
    worker.postMessage({ ...message, id }, transfer);
    return answer;
  }

  private start(): Worker {
    const w = spawnModuleWorker(this.moduleUrl);
    w.on('message', (response: Response) => {
      const pending = this.waiting.get(response.id);
      this.waiting.delete(response.id);
      pending?.resolve(response);
      if (this.waiting.size === 0) {
        w.unref();
        this.scheduleStop();
      }
    });
    // A dying worker reports 'error' and then 'exit'; requests sent meanwhile went to its
    // successor and must not be failed with it.
    const crashed = (error: Error) => {
      if (this.worker === w) this.worker = null;
      const failure = this.crashError(error);
      for (const [id, pending] of this.waiting) {
        if (pending.worker !== w) continue;
        this.waiting.delete(id);
        pending.reject(failure);
      }
    };
    w.on('error', crashed);
    w.on('exit', (code) => crashed(new Error(`the worker stopped (exit ${code})`)));
    // Unref'd after the listeners (adding a 'message' listener refs the port again): an idle
    // worker must not keep the CLI alive; a pending request refs it (request()).
    w.unref();
    return w;
  }

  private scheduleStop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.waiting.size > 0 || !this.worker) return;
      const w = this.worker;
      this.worker = null;
      w.removeAllListeners('exit');
      void w.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }
}
