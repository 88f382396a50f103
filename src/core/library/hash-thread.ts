// SHA-256 of a photo's bytes for indexing, off the event loop and without a copy: one worker
// (hash-worker.ts) reads the bytes where the indexer read them, in shared memory
// (base/shared-buffers.ts). Why not crypto.subtle.digest, which also runs on libuv's pool:
// it copies its input first, into fresh memory (~1.7 ms of the engine's own thread per
// 2.7 MB photo while indexing, page faults included, against ~0.03 ms to post the view).
// One worker hashes ~700 photos/s, more than a 16-core machine indexes.
import crypto from 'node:crypto';
import { isShared } from '../../base/shared-buffers';
import { IdleWorker } from '../clip/idle-worker';
import { siblingModule } from '../clip/worker-spawn';
import type { HashRequest, HashResponse } from './hash-protocol';

const IDLE_MS = 10_000;

const worker = new IdleWorker<HashRequest, HashResponse>(
  siblingModule(import.meta.url, 'hash-worker'),
  IDLE_MS,
  (error) => new Error(`hash worker failed: ${error.message}`),
);

/**
 * Failed answers in a row after which the pool hashes for the rest of the process: a worker
 * that cannot start (a broken install) would otherwise cost a thread start per photo. (One
 * crash fails every photo it held at once, so this may also follow a single crash: the cost
 * is the pool's speed, as before the worker.)
 */
const GIVE_UP_AFTER = 3;
let failuresInARow = 0;

/**
 * Lower-case hex SHA-256 of `bytes`. The caller must not reuse the memory before this
 * settles. Bytes outside shared memory (a buffer that had to grow) are hashed on libuv's
 * pool, and so is a photo whose worker died under it: a crash of the helper thread costs
 * speed, never a photo recorded as failed (failures are retried only once the file changes).
 */
export async function sha256OffThread(bytes: Uint8Array): Promise<string> {
  if (!isShared(bytes)) return onPool(bytes);
  if (failuresInARow < GIVE_UP_AFTER) {
    const res = await worker.request({ bytes }).catch(() => null);
    if (res?.ok) {
      failuresInARow = 0;
      return res.hex;
    }
    failuresInARow++;
  }
  return onPool(new Uint8Array(bytes)); // WebCrypto takes no shared memory: a copy
}

async function onPool(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

/**
 * The same lower-case hex SHA-256 as sha256OffThread, on this thread and reading `bytes` where
 * they are (no copy, unlike WebCrypto): for a caller holding one file's bytes in ordinary
 * memory, now and then (a served original whose mtime moved), not for indexing.
 */
export function sha256InPlace(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
