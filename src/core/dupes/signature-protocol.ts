// Messages between signature-thread.ts and signature-worker.ts.

export interface SignatureRequest {
  id: number;
  /** The thumbnail's packed RGB pixels, a view of shared memory the caller keeps until answered. */
  data: Uint8Array;
  width: number;
  height: number;
}

export type SignatureResponse =
  | { id: number; ok: true; version: number; bytes: Uint8Array; sharpness: number }
  | { id: number; ok: false; message: string };
