// Messages between signature-thread.ts and signature-worker.ts.

export interface SignatureRequest {
  id: number;
  /** The thumbnail's packed RGB pixels (transferred: the indexer is done with them). */
  data: Uint8Array;
  width: number;
  height: number;
}

export type SignatureResponse =
  | { id: number; ok: true; version: number; bytes: Uint8Array; sharpness: number }
  | { id: number; ok: false; message: string };
