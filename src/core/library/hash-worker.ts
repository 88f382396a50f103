// The worker thread photos are hashed on while indexing (hash-thread.ts starts it).
import crypto from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import type { HashRequest, HashResponse } from './hash-protocol';

const port = parentPort;
if (!port) throw new Error('hash-worker must run as a worker thread');

port.on('message', (request: HashRequest) => {
  let response: HashResponse;
  try {
    response = { id: request.id, ok: true, hex: crypto.createHash('sha256').update(request.bytes).digest('hex') };
  } catch (error) {
    response = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response);
});
