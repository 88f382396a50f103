// Messages between the engine and its inference worker. Pixel and embedding buffers are
// transferred, not copied.
import type { ExecutionProviderName } from '../../shared/api';

export interface WorkerSetup {
  visionModelPath: string;
  textModelPath: string;
  providers: ExecutionProviderName[];
  threads?: number;
}

export type InferenceRequest =
  | { id: number; op: 'image'; pixels: Float32Array; count: number; size: number }
  | { id: number; op: 'text'; rows: number[][]; mask: number[][] }
  | { id: number; op: 'warm'; model: 'vision' | 'text' };

export interface SessionReport {
  provider: ExecutionProviderName;
  fallbackReason: string | null;
}

export type InferenceResponse =
  | { id: number; ok: true; data: Float32Array; dim: number; session: SessionReport }
  | { id: number; ok: false; errorName: string; message: string };
