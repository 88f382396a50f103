// Messages between hash-thread.ts and hash-worker.ts.

export interface HashRequest {
  id: number;
  /** The photo's bytes, a view of shared memory: the worker reads them in place. */
  bytes: Uint8Array;
}

export type HashResponse = { id: number; ok: true; hex: string } | { id: number; ok: false; message: string };
