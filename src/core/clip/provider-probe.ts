// Answers "which provider would CLIP run on here?" without a CLIP model: ONNX Runtime is
// asked to load a one-node model (Identity) on each provider in turn, exactly as a real
// model would be, so `shoebox info` reports what actually loads, not what should.
import ort from 'onnxruntime-node';
import type { ExecutionProviderName } from '../../shared/api';
import { ortProviderName } from './providers';
import { oneLine, quietOrt } from './session-loader';

export interface ProbeResult {
  provider: ExecutionProviderName;
  fallbackReason: string | null;
}

export async function probeProvider(order: readonly ExecutionProviderName[]): Promise<ProbeResult> {
  quietOrt();
  const model = identityModel();
  const failures: string[] = [];
  for (const provider of order) {
    try {
      const session = await ort.InferenceSession.create(model, { executionProviders: [ortProviderName(provider)] });
      await session.release();
      return { provider, fallbackReason: failures.length ? failures.join('; ') : null };
    } catch (err) {
      failures.push(`${provider} failed to load: ${oneLine(err)}`);
    }
  }
  throw new Error(`no execution provider loads: ${failures.join('; ')}`);
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
