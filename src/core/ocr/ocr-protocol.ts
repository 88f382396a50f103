// Messages between OcrWorker (ocr-client.ts) and its worker thread (ocr-worker.ts).
import type { OcrEngineOptions, OcrResult } from './ocr-engine';
import type { OcrErrorKind } from './ocr-error';
import type { OcrImage } from './ocr-image';

/** workerData: how the worker's engine is loaded (model paths, provider, threads). */
export type OcrWorkerSetup = OcrEngineOptions;

export interface OcrRequest {
  id: number;
  /** A path, image bytes (they arrive as a Uint8Array) or decoded pixels. */
  image: OcrImage | Uint8Array;
  /** Clockwise quarter turns to read it at (Rotate). */
  turns: number;
}

export type OcrResponse = { id: number; ok: true; result: OcrResult } | { id: number; ok: false; errorName: string; message: string; kind?: OcrErrorKind };
