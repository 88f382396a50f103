// Worker-thread entry: owns the ONNX Runtime sessions, because `run()` blocks the thread it
// is called on and the engine's event loop must stay free to decode the next photos.
// Sessions are created on first use and reused for every later batch.
import { parentPort, workerData } from 'node:worker_threads';
import type { InferenceRequest, InferenceResponse, SessionReport, WorkerSetup } from './inference-protocol';
import { loadSession } from './session-loader';
import { TextEncoder, VisionEncoder } from './encoders';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('inference-worker must run as a worker thread');

let vision: Promise<{ encoder: VisionEncoder; report: SessionReport }> | undefined;
let text: Promise<{ encoder: TextEncoder; report: SessionReport }> | undefined;

function loadVision() {
  vision ??= loadSession(setup.visionModelPath, setup).then((s) => ({
    encoder: new VisionEncoder(s.session, setup.visionModelPath),
    report: { provider: s.provider, fallbackReason: s.fallbackReason },
  }));
  return vision;
}

function loadText() {
  text ??= loadSession(setup.textModelPath, setup).then((s) => ({
    encoder: new TextEncoder(s.session, setup.textModelPath),
    report: { provider: s.provider, fallbackReason: s.fallbackReason },
  }));
  return text;
}

async function handle(req: InferenceRequest): Promise<InferenceResponse> {
  if (req.op === 'image') {
    const { encoder, report } = await loadVision();
    const out = await encoder.run(req.pixels, req.count, req.size);
    return { id: req.id, ok: true, data: out.data, dim: out.dim, session: report };
  }
  if (req.op === 'text') {
    const { encoder, report } = await loadText();
    const out = await encoder.run(req.rows, req.mask);
    return { id: req.id, ok: true, data: out.data, dim: out.dim, session: report };
  }
  const { report } = await (req.model === 'vision' ? loadVision() : loadText());
  return { id: req.id, ok: true, data: new Float32Array(0), dim: 0, session: report };
}

port.on('message', (req: InferenceRequest) => {
  handle(req).then(
    (res) => port.postMessage(res, res.ok ? [res.data.buffer as ArrayBuffer] : []),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      port.postMessage({ id: req.id, ok: false, errorName: e.name, message: e.message } satisfies InferenceResponse);
    },
  );
});
