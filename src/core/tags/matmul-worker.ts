// Worker-thread entry for large tagging jobs: runs the MatMul model on ONNX Runtime's CPU
// provider off the engine's event loop (ONNX Runtime's run() blocks its thread).
import ort from 'onnxruntime-node';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { matmulModelBytes } from './onnx-matmul-model';
import type { MatmulRequest, MatmulResponse } from './matmul-protocol';

const port = parentPort;
if (!port) throw new Error('matmul-worker must run as a worker thread');

ort.env.logLevel = 'fatal';
const session = ort.InferenceSession.create(matmulModelBytes(), {
  executionProviders: ['cpu'],
  intraOpNumThreads: os.cpus().length,
  graphOptimizationLevel: 'all',
});
let right: ort.Tensor | null = null;
let depth = 0;

async function handle(req: MatmulRequest): Promise<MatmulResponse> {
  if (req.op === 'load') {
    await session; // a session that cannot load fails here, where the caller can fall back
    right = new ort.Tensor('float32', req.bt, [req.d, req.l]);
    depth = req.d;
    return { id: req.id, ok: true, c: new Float32Array(0) };
  }
  if (!right) throw new Error('no right operand loaded');
  const out = await (await session).run({ a: new ort.Tensor('float32', req.a, [req.n, depth]), b: right });
  // A copy we own: the tensor may be backed by memory that cannot be transferred.
  const c = (out.c!.data as Float32Array).slice();
  return { id: req.id, ok: true, c };
}

// One request at a time, in order: the engine waits for each product before sending more.
let queue: Promise<void> = Promise.resolve();
port.on('message', (req: MatmulRequest) => {
  queue = queue.then(() =>
    handle(req).then(
      (res) => port.postMessage(res, res.ok && res.c.byteLength ? [res.c.buffer as ArrayBuffer] : []),
      (err: unknown) => port.postMessage({ id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies MatmulResponse),
    ),
  );
});
