// Creates ONNX Runtime sessions on the best provider that loads and, for a GPU provider
// chosen by `auto`, is measured faster than the CPU (provider-verdict.ts), falling back to
// CPU with the reason kept, so `info` can tell the user why their GPU is not used.
import ort from 'onnxruntime-node';
import type { ExecutionProviderName, ProviderAdapter, ProviderMeasurement } from '../../shared/api';
import { ModelFolderError } from './model-folder';
import { ortProviderName } from './providers';
import { VerdictCache, chooseSession, modelFingerprint, oneLine } from './provider-verdict';
import { guessWebgpuAdapter } from './webgpu-adapter';

export { oneLine };

export interface SessionOptions {
  /** Providers to try, best first; CPU should be last. */
  providers: ExecutionProviderName[];
  /** 'auto': a GPU provider must beat the CPU; 'forced': the user's choice, used if it runs. */
  mode?: 'auto' | 'forced';
  /** Intra-op threads; defaults to ONNX Runtime's own choice (the core count). */
  threads?: number;
  /** How to build timing inputs where the model leaves dimensions open. */
  probe?: ProbeShape;
  /** provider-verdicts.json; without it every start measures again. */
  verdictCache?: string;
}

export interface ProbeShape {
  batch: number;
  imageSize?: number;
  contextLength?: number;
}

export interface LoadedSession {
  session: ort.InferenceSession;
  provider: ExecutionProviderName;
  /** Why each better provider was skipped, joined; null when the first choice loaded. */
  fallbackReason: string | null;
  adapter: ProviderAdapter | null;
  measured: ProviderMeasurement | null;
}

/**
 * ONNX Runtime prints provider-load failures straight to stderr; we report them once, as a
 * fallback reason, so its own logging is limited to fatal errors.
 */
export function quietOrt(): void {
  ort.env.logLevel = 'fatal';
}

export async function loadSession(modelPath: string, options: SessionOptions): Promise<LoadedSession> {
  quietOrt();
  const probe = options.probe ?? { batch: 1 };
  try {
    return await chooseSession(options.providers, options.mode ?? 'auto', {
      load: (provider) => createSession(modelPath, provider, options.threads),
      measure: (session) => measureRate(session, probe),
      release: (session) => session.release(),
      adapterOf: (provider) => (provider === 'webgpu' ? guessWebgpuAdapter() : null),
      cache: options.verdictCache ? new VerdictCache(options.verdictCache) : null,
      modelKey: modelFingerprint(modelPath),
    });
  } catch (err) {
    // Every provider failed, CPU included: the model file itself is the problem.
    throw new ModelFolderError(`${modelPath}: not a loadable ONNX model (${oneLine(err)})`);
  }
}

export function createSession(modelPath: string, provider: ExecutionProviderName, threads?: number): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(modelPath, sessionOptions(provider, threads));
}

function sessionOptions(provider: ExecutionProviderName, threads?: number): ort.InferenceSession.SessionOptions {
  return {
    executionProviders: provider === 'cpu' ? ['cpu'] : [ortProviderName(provider), 'cpu'],
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    interOpNumThreads: 1,
    ...(threads ? { intraOpNumThreads: threads } : {}),
    // Spinning threads would steal the cores that decode the next photos meanwhile.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
}

/** Timed runs stop after this many, or this long, whichever comes first (at least one). */
const TIMED_RUNS = 3;
const TIMED_BUDGET_MS = 2000;

/**
 * Items per second on synthetic input of the model's own shape. The first run is not timed:
 * a GPU provider compiles its shaders there, once per session.
 */
export async function measureRate(session: ort.InferenceSession, probe: ProbeShape): Promise<number> {
  const feeds = syntheticFeeds(session, probe);
  await session.run(feeds);
  let runs = 0;
  const start = performance.now();
  while (runs < TIMED_RUNS && (runs === 0 || performance.now() - start < TIMED_BUDGET_MS)) {
    await session.run(feeds);
    runs++;
  }
  const seconds = Math.max((performance.now() - start) / 1000, 1e-6);
  return (runs * probe.batch) / seconds;
}

type Meta = { name: string; isTensor: true; type: ort.Tensor.Type; shape: ReadonlyArray<number | string> };

/** Inputs named and typed as the session declares them; open dimensions from the probe. */
function syntheticFeeds(session: ort.InferenceSession, probe: ProbeShape): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {};
  for (const meta of session.inputMetadata.filter((m): m is Meta => m.isTensor)) {
    const dims = meta.shape.map((d, i) => {
      if (typeof d === 'number' && d > 0) return d;
      if (i === 0) return probe.batch;
      return meta.shape.length === 4 ? (probe.imageSize ?? 224) : (probe.contextLength ?? 77);
    });
    const size = dims.reduce((a, b) => a * b, 1);
    const isMask = /mask/i.test(meta.name);
    if (meta.type === 'float32') feeds[meta.name] = new ort.Tensor('float32', Float32Array.from({ length: size }, (_, i) => Math.sin(i)), dims);
    else if (meta.type === 'int64') feeds[meta.name] = new ort.Tensor('int64', new BigInt64Array(size).fill(isMask ? 1n : 0n), dims);
    else if (meta.type === 'int32') feeds[meta.name] = new ort.Tensor('int32', new Int32Array(size).fill(isMask ? 1 : 0), dims);
    else throw new Error(`input ${meta.name} is ${meta.type}, which the provider timing cannot feed`);
  }
  return feeds;
}
