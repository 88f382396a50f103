// Cosines of a batch of photos against a set's prototypes: C = photos · prototypesᵀ.
// Small products run in JavaScript (matmul.ts); large ones in ONNX Runtime on a worker
// thread (matmul-worker.ts), which is 20-40x faster and keeps the event loop free.
import type { Worker } from 'node:worker_threads';
import { siblingModule, spawnModuleWorker } from '../clip/worker-spawn';
import { matmulTransposed } from './matmul';
import type { MatmulRequest, MatmulResponse } from './matmul-protocol';

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export interface MatrixScorer {
  /** Fixes the prototypes (l×d, row-major) for the following `scores` calls. */
  load(prototypes: Float32Array, l: number, d: number): Promise<void>;
  /** n×l cosines of `photos` (n×d, row-major) with the loaded prototypes. */
  scores(photos: Float32Array, n: number): Promise<Float32Array>;
  close(): Promise<void>;
}

/** Multiply-adds below which JavaScript wins (worker and session start-up cost ~0.2 s). */
export const ONNX_MIN_WORK = 2 ** 28;

export function jsScorer(): MatrixScorer {
  let protos: Float32Array = new Float32Array(0);
  let labels = 0;
  let depth = 0;
  return {
    async load(prototypes, l, d) {
      protos = prototypes;
      labels = l;
      depth = d;
    },
    async scores(photos, n) {
      return matmulTransposed(photos, n, protos, labels, depth);
    },
    async close() {},
  };
}

/**
 * Posting a view clones its whole underlying buffer: a block of a 100k x 512 array cost a
 * 200 MB copy per call (the similar-shots scan spent most of its time there). Views are
 * copied to their own buffer first.
 */
function ownBuffer(a: Float32Array): Float32Array {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : a.slice();
}

export function onnxScorer(): MatrixScorer {
  let worker: Worker | undefined;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (c: Float32Array) => void; reject: (e: Error) => void }>();
  const fail = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  const request = (msg: DistributiveOmit<MatmulRequest, 'id'>): Promise<Float32Array> => {
    if (!worker) {
      worker = spawnModuleWorker(siblingModule(import.meta.url, 'matmul-worker'));
      worker.on('message', (res: MatmulResponse) => {
        const w = waiting.get(res.id);
        waiting.delete(res.id);
        if (res.ok) w?.resolve(res.c);
        else w?.reject(new Error(`matrix product failed: ${res.message}`));
      });
      worker.on('error', (err) => fail(err));
      worker.on('exit', (code) => fail(new Error(`matrix worker exited (${code})`)));
    }
    const id = nextId++;
    const promise = new Promise<Float32Array>((resolve, reject) => waiting.set(id, { resolve, reject }));
    worker.postMessage({ ...msg, id } as MatmulRequest);
    return promise;
  };
  return {
    async load(prototypes, l, d) {
      const bt = new Float32Array(d * l);
      for (let j = 0; j < l; j++) for (let k = 0; k < d; k++) bt[k * l + j] = prototypes[j * d + k]!;
      await request({ op: 'load', bt, d, l });
    },
    scores(photos, n) {
      return request({ op: 'run', a: ownBuffer(photos), n });
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) {
        w.removeAllListeners('exit');
        await w.terminate();
      }
    },
  };
}

/** The scorer for a job of `work` multiply-adds (photos × labels × dimension). */
export function scorerFor(work: number): MatrixScorer {
  return work >= ONNX_MIN_WORK ? withFallback(onnxScorer()) : jsScorer();
}

/** `primary`, or JavaScript if `primary` cannot start (ONNX Runtime missing or broken): slower, never wrong. */
export function withFallback(primary: MatrixScorer): MatrixScorer {
  let active = primary;
  return {
    async load(prototypes, l, d) {
      try {
        await active.load(prototypes, l, d);
      } catch {
        await active.close().catch(() => {});
        active = jsScorer();
        await active.load(prototypes, l, d);
      }
    },
    scores: (photos, n) => active.scores(photos, n),
    close: () => active.close(),
  };
}
