// The worker thread signatures are computed on while indexing (signature-thread.ts starts
// it): ~1.6 ms of JavaScript per photo that would otherwise run on the engine's event loop,
// which every photo's hashing, EXIF, batching and store calls pass through.
import { parentPort } from 'node:worker_threads';
import { perceptualSignature } from './signature';
import type { SignatureRequest, SignatureResponse } from './signature-protocol';

const port = parentPort;
if (!port) throw new Error('signature-worker must run as a worker thread');

port.on('message', (request: SignatureRequest) => {
  let response: SignatureResponse;
  try {
    const sig = perceptualSignature(request.data, request.width, request.height);
    response = { id: request.id, ok: true, version: sig.version, bytes: sig.bytes, sharpness: sig.sharpness };
  } catch (error) {
    response = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response);
});
