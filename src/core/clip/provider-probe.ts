// Answers "which provider would CLIP run on here?" without loading CLIP: ONNX Runtime is
// asked to load a one-node model (Identity) on each provider in turn, exactly as a real
// model would be, so `shoebox info` reports what actually loads, not what should. As `auto`
// does when it loads CLIP (provider-verdict.ts), a software adapter is refused, and a GPU
// provider the active model was measured slower on is passed over, with the figures; the
// timing itself is left to the inference workers, off this thread.
import path from 'node:path';
import ort from 'onnxruntime-node';
import type { ExecutionProviderName, ProviderAdapter, ProviderMeasurement } from '../../shared/api';
import { ortProviderName, providerOrder } from './providers';
import { quietOrt } from './session-loader';
import { PROVIDER_VERDICTS_FILE, VerdictCache, chooseSession, modelFingerprint, verdictKey } from './provider-verdict';
import { guessWebgpuAdapter, type AdapterGuess } from './webgpu-adapter';

export interface ProbeResult {
  provider: ExecutionProviderName;
  fallbackReason: string | null;
  adapter: ProviderAdapter | null;
  measured: ProviderMeasurement | null;
}

export interface ProbeOptions {
  /** The active model's vision model, whose remembered verdicts apply. */
  modelPath?: string;
  /**
   * Its text model: a model only searched so far (`shoebox search`, `embed-text`) was timed on
   * its text session alone, and that measurement is the one to show (see measuredFor).
   */
  textModelPath?: string;
  /** The home's cache folder (provider-verdicts.json). */
  cacheDir?: string;
}

export async function probeProvider(requested: ExecutionProviderName | 'auto', options: ProbeOptions = {}): Promise<ProbeResult> {
  quietOrt();
  const model = identityModel();
  const { modelPath, cacheDir } = options;
  const cache = cacheDir ? new VerdictCache(path.join(cacheDir, PROVIDER_VERDICTS_FILE)) : null;
  const guesses = new Map<ExecutionProviderName, AdapterGuess | null>();
  const chosen = await chooseSession(providerOrder(requested), requested === 'auto' ? 'auto' : 'forced', {
    load: (provider) => ort.InferenceSession.create(model, { executionProviders: [ortProviderName(provider)] }),
    // Timing a one-node graph says nothing about CLIP: here, loading is the test.
    measure: null,
    release: (session) => session.release(),
    adapterOf: (provider) => {
      const guess = provider === 'webgpu' ? guessWebgpuAdapter() : null;
      guesses.set(provider, guess);
      return guess;
    },
    // Without a model, verdicts do not apply, but a provider's load failure on this hardware does.
    cache,
    modelKey: modelPath ? modelFingerprint(modelPath) : 'no-model',
  });
  await chosen.session.release();
  const measured = chosen.measured ?? measuredFor(chosen.provider, options.textModelPath, guesses.get(chosen.provider) ?? null, cache);
  return { provider: chosen.provider, fallbackReason: chosen.fallbackReason, adapter: chosen.adapter, measured };
}

/**
 * The figures of a GPU provider in use that the vision model has none for yet: its text model's,
 * when that was timed (each session is timed on its own model, and a model only searched so far
 * has only its text session's verdict). A forced provider is used even when slower, so what it
 * measured is shown: `info` would otherwise say nothing of it. null where nothing was measured.
 */
function measuredFor(provider: ExecutionProviderName, textModelPath: string | undefined, guess: AdapterGuess | null, cache: VerdictCache | null): ProviderMeasurement | null {
  if (provider === 'cpu' || !textModelPath || !cache) return null;
  try {
    return cache.get(verdictKey(modelFingerprint(textModelPath), provider, guess?.driverKey ?? ''));
  } catch {
    return null; // a text model that cannot be read is reported by the commands that load it
  }
}

// --- a minimal ONNX ModelProto, protobuf-encoded by hand (field numbers from onnx.proto) ---

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
const field = (no: number, bytes: number[]): number[] => [...varint((no << 3) | 2), ...varint(bytes.length), ...bytes];
const int = (no: number, value: number): number[] => [...varint(no << 3), ...varint(value)];
const str = (no: number, s: string): number[] => field(no, [...Buffer.from(s, 'utf8')]);

function valueInfo(name: string): number[] {
  const dim = field(1, int(1, 1)); // TensorShapeProto.dim { dim_value: 1 }
  const tensorType = [...int(1, 1), ...field(2, dim)]; // elem_type FLOAT, shape
  return [...str(1, name), ...field(2, field(1, tensorType))];
}

function identityModel(): Uint8Array {
  const node = [...str(1, 'x'), ...str(2, 'y'), ...str(4, 'Identity')];
  const graph = [...field(1, node), ...str(2, 'probe'), ...field(11, valueInfo('x')), ...field(12, valueInfo('y'))];
  const opset = [...str(1, ''), ...int(2, 13)];
  return Uint8Array.from([...int(1, 8), ...field(8, opset), ...field(7, graph)]);
}
