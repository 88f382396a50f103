// HEIC decoding off the calling thread: one worker (heic-worker.ts), started on the first
// HEIC photo and stopped after a quiet spell, since libheif's WebAssembly heap keeps the
// memory of the largest photo it decoded (hundreds of MB for 12 MP) for as long as it lives.
// One worker is enough: on the reference machine's 2 cores, inference and JPEG decoding use
// the other one. The worker never keeps the process alive.
import { IdleWorker } from '../clip/idle-worker';
import { siblingModule } from '../clip/worker-spawn';
import { MediaError } from './errors';
import type { HeicRequest, HeicResponse } from './heic-protocol';
import type { RawImage } from './heic';

/** Stop the worker this long after its last photo. */
const IDLE_MS = 20_000;

// A crash of the decoder (out of memory on a huge file) fails the photos it was given; the
// next HEIC photo starts a fresh worker.
const decoder = new IdleWorker<HeicRequest, HeicResponse>(
  siblingModule(import.meta.url, 'heic-worker'),
  IDLE_MS,
  (error) => new MediaError('decode-failed', `HEIC decode failed: ${error.message}`),
);

/** Decodes a HEIC/HEIF file to upright RGBA on the decoder thread. */
export async function decodeHeicOffThread(buffer: Uint8Array): Promise<RawImage> {
  const res = await decoder.request({ buffer });
  if (!res.ok) throw new MediaError(res.code, res.message);
  return { data: Buffer.from(res.data.buffer, res.data.byteOffset, res.data.byteLength), info: { width: res.width, height: res.height, channels: 4 } };
}
