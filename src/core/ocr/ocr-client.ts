// The caller's side of the OCR worker: one photo in, one promise out. The worker (and its
// models) starts on the first photo; an idle worker does not keep the process alive.
import type { Worker } from 'node:worker_threads';
import { siblingModule, spawnModuleWorker } from '../clip/worker-spawn';
import type { OcrResult } from './ocr-engine';
import { OcrError } from './ocr-error';
import type { OcrImage } from './ocr-image';
import type { OcrRequest, OcrResponse, OcrWorkerSetup } from './ocr-protocol';

type Pending = { resolve: (r: OcrResult) => void; reject: (e: Error) => void };

export class OcrWorker {
  private spawned: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly setup: OcrWorkerSetup = {}) {}

  /** Reads the image, turned first by `turns` clockwise quarter turns (a photo the user turned). */
  recognize(image: OcrImage, turns = 0): Promise<OcrResult> {
    if (this.closed) return Promise.reject(new OcrError('OCR worker closed', 'engine'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const worker = this.worker();
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, image, turns } satisfies OcrRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.spawned?.terminate();
  }

  private worker(): Worker {
    if (!this.spawned) {
      const worker = spawnModuleWorker(siblingModule(import.meta.url, 'ocr-worker'), { workerData: this.setup });
      worker.on('message', (res: OcrResponse) => this.settle(res));
      worker.on('error', (err) => this.failAll(worker, err));
      worker.on('exit', (code) => this.failAll(worker, new Error(`OCR worker exited (code ${code})`)));
      worker.unref();
      this.spawned = worker;
    }
    return this.spawned;
  }

  private settle(res: OcrResponse): void {
    const waiter = this.pending.get(res.id);
    if (!waiter) return;
    this.pending.delete(res.id);
    if (this.pending.size === 0) this.spawned?.unref();
    if (res.ok) waiter.resolve(res.result);
    else waiter.reject(res.errorName === 'OcrError' ? new OcrError(res.message, res.kind) : new Error(res.message));
  }

  /** A crashed worker fails what it held; the next photo starts a fresh one. */
  private failAll(worker: Worker, err: Error): void {
    if (this.spawned !== worker) return;
    this.spawned = undefined;
    // Closed: the OCR cannot run. Crashed: perhaps on this photo, so it is tried again later.
    const error = this.closed ? new OcrError('OCR worker closed', 'engine') : new OcrError(`OCR worker stopped: ${err.message}`, 'transient');
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
