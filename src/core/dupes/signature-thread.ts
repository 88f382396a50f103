// Perceptual signatures off the event loop, for indexing: one worker (signature-worker.ts),
// started on the first photo and stopped after a quiet spell. On many cores the engine's one
// JavaScript thread is what bounds an index run (each photo's hash, EXIF, batching and store
// calls pass through it), so the signature's ~2.5 ms per photo runs beside it.
import { SharedBuffers } from '../../base/shared-buffers';
import { IdleWorker } from '../clip/idle-worker';
import { siblingModule } from '../clip/worker-spawn';
import type { PerceptualSignature } from './signature';
import type { SignatureRequest, SignatureResponse } from './signature-protocol';

const IDLE_MS = 10_000;

const worker = new IdleWorker<SignatureRequest, SignatureResponse>(
  siblingModule(import.meta.url, 'signature-worker'),
  IDLE_MS,
  (error) => new Error(`signature worker failed: ${error.message}`),
);

// Thumbnails in flight to the worker, copied into reused shared memory: sharp's buffers are
// native memory, not ours to move, and a fresh copy transferred per photo cost ~0.1-0.8 ms of
// the engine's thread (allocation, page faults, detaching) against ~0.03 ms for this.
const slots = new SharedBuffers(8);

/** The signature of a thumbnail's packed RGB pixels, computed on the worker. */
export async function signatureOffThread(thumbnail: { data: Uint8Array; width: number; height: number }): Promise<PerceptualSignature> {
  const slot = slots.take(thumbnail.data.byteLength);
  try {
    const pixels = slot.subarray(0, thumbnail.data.byteLength);
    pixels.set(thumbnail.data);
    const res = await worker.request({ data: pixels, width: thumbnail.width, height: thumbnail.height });
    if (!res.ok) throw new Error(res.message);
    return { version: res.version, bytes: res.bytes, sharpness: res.sharpness };
  } finally {
    slots.give(slot); // answered (or the worker died): nothing reads it any more
  }
}
