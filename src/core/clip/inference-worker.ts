// Worker-thread entry: owns the ONNX Runtime sessions, because `run()` blocks the thread it
// is called on and the engine's event loop must stay free to decode the next photos.
// Sessions are created on first use and reused for every later batch. A GPU session whose
// run fails (device lost, driver reset) is replaced by a CPU session and the same batch is
// run again there, so indexing goes on and no photo is lost.
import { parentPort, workerData } from 'node:worker_threads';
import type ort from 'onnxruntime-node';
import type { InferenceRequest, InferenceResponse, SessionReport, WorkerSetup } from './inference-protocol';
import { createSession, loadSession, oneLine, type ProbeShape } from './session-loader';
import { TextEncoder, VisionEncoder } from './encoders';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('inference-worker must run as a worker thread');

interface Loaded<E> {
  encoder: E;
  session: ort.InferenceSession;
  report: SessionReport;
}

/** One model's session in this worker: loaded on first use, swapped for CPU if a GPU run fails. */
class ModelSlot<E> {
  private current: Promise<Loaded<E>> | undefined;
  private fallback: Promise<Loaded<E>> | undefined;
  private gpuRuns = 0;

  constructor(
    private readonly modelPath: string,
    private readonly probe: ProbeShape,
    private readonly make: (s: ort.InferenceSession) => E,
  ) {}

  loaded(): Promise<Loaded<E>> {
    this.current ??= loadSession(this.modelPath, {
      providers: setup.providers,
      mode: setup.mode,
      probe: this.probe,
      ...(setup.threads ? { threads: setup.threads } : {}),
      ...(setup.verdictCache ? { verdictCache: setup.verdictCache } : {}),
    }).then((s) => ({
      encoder: this.make(s.session),
      session: s.session,
      report: { provider: s.provider, fallbackReason: s.fallbackReason, adapter: s.adapter, measured: s.measured },
    }));
    return this.current;
  }

  async run<R>(fn: (encoder: E) => Promise<R>): Promise<{ result: R; report: SessionReport }> {
    const loaded = await this.loaded();
    try {
      if (loaded.report.provider !== 'cpu' && setup.failGpuAfterRuns !== undefined && this.gpuRuns++ >= setup.failGpuAfterRuns) {
        throw new Error('device lost (injected by a test)');
      }
      return { result: await fn(loaded.encoder), report: loaded.report };
    } catch (err) {
      if (loaded.report.provider === 'cpu') throw err;
      // Batches in flight on the lost session all land here; one CPU session serves them all.
      this.fallback ??= this.toCpu(loaded, err);
      this.current = this.fallback;
      const next = await this.fallback;
      return { result: await fn(next.encoder), report: next.report };
    }
  }

  private async toCpu(lost: Loaded<E>, err: unknown): Promise<Loaded<E>> {
    const session = await createSession(this.modelPath, 'cpu', setup.threads);
    await lost.session.release().catch(() => {});
    const before = lost.report.fallbackReason ? `${lost.report.fallbackReason}; ` : '';
    const reason = `${lost.report.provider} failed while running, continued on the CPU: ${oneLine(err)}`;
    return { encoder: this.make(session), session, report: { ...lost.report, provider: 'cpu', fallbackReason: `${before}${reason}` } };
  }
}

const vision = new ModelSlot(setup.visionModelPath, { batch: setup.batchSize, imageSize: setup.imageSize }, (s) => new VisionEncoder(s, setup.visionModelPath));
const text = new ModelSlot(setup.textModelPath, { batch: 1, contextLength: setup.contextLength }, (s) => new TextEncoder(s, setup.textModelPath));

async function handle(req: InferenceRequest): Promise<InferenceResponse> {
  if (req.op === 'image') {
    const { result, report } = await vision.run((e) => e.run(req.pixels, req.count, req.size));
    return { id: req.id, ok: true, data: result.data, dim: result.dim, session: report };
  }
  if (req.op === 'text') {
    const { result, report } = await text.run((e) => e.run(req.rows, req.mask));
    return { id: req.id, ok: true, data: result.data, dim: result.dim, session: report };
  }
  const { report } = await (req.model === 'vision' ? vision : text).loaded();
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
