// Creates ONNX Runtime sessions on the best provider that actually loads, falling back to
// CPU with the reason kept, so `info` can tell the user why their GPU is not used.
import ort from 'onnxruntime-node';
import type { ExecutionProviderName } from '../../shared/api';
import { ModelFolderError } from './model-folder';
import { ortProviderName } from './providers';

export interface SessionOptions {
  /** Providers to try, best first; CPU should be last. */
  providers: ExecutionProviderName[];
  /** Intra-op threads; defaults to ONNX Runtime's own choice (the core count). */
  threads?: number;
}

export interface LoadedSession {
  session: ort.InferenceSession;
  provider: ExecutionProviderName;
  /** Why each better provider was skipped, joined; null when the first choice loaded. */
  fallbackReason: string | null;
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
  const failures: string[] = [];
  let lastError: unknown;
  for (const provider of options.providers) {
    try {
      const session = await ort.InferenceSession.create(modelPath, sessionOptions(provider, options.threads));
      return { session, provider, fallbackReason: failures.length ? failures.join('; ') : null };
    } catch (err) {
      lastError = err;
      failures.push(`${provider} failed to load: ${oneLine(err)}`);
    }
  }
  // Every provider failed, CPU included: the model file itself is the problem.
  throw new ModelFolderError(`${modelPath}: not a loadable ONNX model (${oneLine(lastError)})`);
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

export function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n').map((s) => s.trim()).filter(Boolean).join(' ').slice(0, 400);
}
