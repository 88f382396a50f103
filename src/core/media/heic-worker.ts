// The worker thread HEIC decoding runs on (heic-decoder.ts starts it): libheif in
// WebAssembly is synchronous and takes ~1-2 s for a 12 MP photo, which on the engine's
// own thread would stall every search and API call meanwhile.
import { parentPort } from 'node:worker_threads';
import { decodeHeicHere } from './heic';
import { MediaError } from './errors';
import type { HeicRequest, HeicResponse } from './heic-protocol';

// libheif (Emscripten) prints its complaints about a broken file with console.log, which a
// worker forwards to the process's stdout, breaking `--json` output. They are dropped here
// (the photo's failure carries the reason already). A stdout stream of the worker's own
// would do the same but keep the process alive after the last decode.
console.log = () => {};
console.info = () => {};

const port = parentPort;
if (!port) throw new Error('heic-worker must run as a worker thread');

port.on('message', (request: HeicRequest) => {
  decodeHeicHere(request.buffer).then(
    ({ data, info }) => {
      // Hand the pixels over without a copy when they own their memory; a view on a larger
      // buffer (the decoder's heap) is copied, since transferring would take that away.
      const owned = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : Buffer.from(data);
      const pixels = new Uint8Array(owned.buffer, owned.byteOffset, owned.byteLength);
      const response: HeicResponse = { id: request.id, ok: true, data: pixels, width: info.width, height: info.height };
      port.postMessage(response, [pixels.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const response: HeicResponse =
        error instanceof MediaError
          ? { id: request.id, ok: false, code: error.code, message: error.message }
          : { id: request.id, ok: false, code: 'decode-failed', message: `HEIC decode failed: ${String(error)}` };
      port.postMessage(response);
    },
  );
});
