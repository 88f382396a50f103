// The body of a `POST /api/<method>`, held in memory up to a limit. Past the limit the rest is
// read and dropped, never kept, and the connection is left open: destroying the request would
// reset the connection before the 413 that says why could be read (curl: "(56) Connection
// reset"); Node drains what is left of the body once the answer is sent.
import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(limit: number) {
    super(`request body too large: ${Math.floor(limit / 1_000_000)} MB at most`);
  }
}

/** The whole body; rejects with BodyTooLargeError as soon as it is known to pass `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Said up front: no need to wait for the bytes.
    if (Number(req.headers['content-length'] ?? 0) > limit) return reject(new BodyTooLargeError(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      chunks.length = 0;
      req.off('data', onData);
      req.resume(); // the rest is read and dropped
      reject(new BodyTooLargeError(limit));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
