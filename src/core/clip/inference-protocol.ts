// Messages between the engine and its inference worker. Pixel and embedding buffers are
// transferred, not copied.
import type { ExecutionProviderName, ProviderAdapter, ProviderMeasurement } from '../../shared/api';

export interface WorkerSetup {
  visionModelPath: string;
  textModelPath: string;
  providers: ExecutionProviderName[];
  /** 'auto': a GPU provider must be a real GPU and beat the CPU; 'forced': the user's choice. */
  mode: 'auto' | 'forced';
  threads?: number;
  /** Shapes for timing a provider against the CPU (provider-verdict.ts). */
  imageSize: number;
  contextLength: number;
  batchSize: number;
  /** provider-verdicts.json in the home's cache folder; absent: measure at every start. */
  verdictCache?: string;
  /**
   * Tests only: runs on a GPU provider fail after this many, as when the device is lost
   * mid-index, to prove the fallback to the CPU loses no photo.
   */
  failGpuAfterRuns?: number;
}

export type InferenceRequest =
  | { id: number; op: 'image'; pixels: Float32Array; count: number; size: number }
  | { id: number; op: 'text'; rows: number[][]; mask: number[][] }
  | { id: number; op: 'warm'; model: 'vision' | 'text' };

export interface SessionReport {
  provider: ExecutionProviderName;
  fallbackReason: string | null;
  adapter?: ProviderAdapter | null;
  measured?: ProviderMeasurement | null;
}

export type InferenceResponse =
  | { id: number; ok: true; data: Float32Array; dim: number; session: SessionReport }
  | { id: number; ok: false; errorName: string; message: string };
