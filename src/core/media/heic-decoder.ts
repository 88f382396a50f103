// HEIC decoding off the calling thread: one worker (heic-worker.ts), started on the first
// HEIC photo and stopped after a quiet spell, since libheif's WebAssembly heap keeps the
// memory of the largest photo it decoded (hundreds of MB for 12 MP) for as long as it lives.
// One worker is enough: on the reference machine's 2 cores, inference and JPEG decoding use
// the other one. The worker never keeps the process alive.
import type { Worker } from 'node:worker_threads';
import { siblingModule, spawnModuleWorker } from '../clip/worker-spawn';
import { MediaError } from './errors';
import type { HeicRequest, HeicResponse } from './heic-protocol';
import type { RawImage } from './heic';

/** Stop the worker this long after its last photo. */
const IDLE_MS = 20_000;

let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (image: RawImage) => void; reject: (error: Error) => void }>();

function failAll(error: Error): void {
  for (const w of waiting.values()) w.reject(error);
  waiting.clear();
}

function start(): Worker {
  const w = spawnModuleWorker(siblingModule(import.meta.url, 'heic-worker'));
  w.on('message', (res: HeicResponse) => {
    const pending = waiting.get(res.id);
    waiting.delete(res.id);
    if (!pending) return;
    if (res.ok) pending.resolve({ data: Buffer.from(res.data.buffer, res.data.byteOffset, res.data.byteLength), info: { width: res.width, height: res.height, channels: 4 } });
    else pending.reject(new MediaError(res.code, res.message));
    if (waiting.size === 0) {
      w.unref();
      scheduleStop();
    }
  });
  // A crash of the decoder (out of memory on a huge file) fails the photos it was given;
  // the next HEIC photo starts a fresh worker.
  const crashed = (error: Error) => {
    if (worker === w) worker = null;
    failAll(new MediaError('decode-failed', `HEIC decode failed: ${error.message}`));
  };
  w.on('error', crashed);
  w.on('exit', (code) => crashed(new Error(`the decoder stopped (exit ${code})`)));
  // Unref'd after the listeners (adding a 'message' listener refs the port again): an idle
  // decoder must not keep the CLI alive for IDLE_MS; a pending decode refs it (below).
  w.unref();
  return w;
}

function scheduleStop(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    idleTimer = null;
    if (waiting.size > 0 || !worker) return;
    const w = worker;
    worker = null;
    w.removeAllListeners('exit');
    void w.terminate();
  }, IDLE_MS);
  idleTimer.unref();
}

/** Decodes a HEIC/HEIF file to upright RGBA on the decoder thread. */
export function decodeHeicOffThread(buffer: Uint8Array): Promise<RawImage> {
  if (idleTimer) {
    clearTimeout(idleTimer);
    idleTimer = null;
  }
  worker ??= start();
  if (waiting.size === 0) worker.ref();
  const id = nextId++;
  const promise = new Promise<RawImage>((resolve, reject) => waiting.set(id, { resolve, reject }));
  const request: HeicRequest = { id, buffer };
  worker.postMessage(request);
  return promise;
}
