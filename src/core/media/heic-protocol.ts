// Messages between heic-decoder.ts and heic-worker.ts.
import type { MediaErrorCode } from './errors';

export interface HeicRequest {
  id: number;
  buffer: Uint8Array;
}

export type HeicResponse =
  | { id: number; ok: true; data: Uint8Array; width: number; height: number }
  | { id: number; ok: false; code: MediaErrorCode; message: string };
