// The body of a `POST /api/<method>`, held in memory up to a limit. Past the limit the rest is
// read and dropped, never kept, and the connection is left open: destroying the request would
// reset the connection before the 413 that says why could be read (curl: "(56) Connection
// reset"); Node drains what is left of the body once the answer is sent.
//
// A body over SMALL_MESSAGE_BYTES needs one of the server's big-message slots, the same ones
// its WebSocket messages take (message-budget.ts): without that, eight scripts posting 50 MB
// each took the server from 266 MB to 879 MB. As on the WebSocket, a request that cannot get
// a slot is simply not read until one frees (TCP backpressure: the client waits); it keeps
// the slot until it has been answered.
import type { IncomingMessage } from 'node:http';
import { SMALL_MESSAGE_BYTES, type BigMessageSlots } from './message-budget';

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(limit: number) {
    super(`request body too large: ${Math.floor(limit / 1_000_000)} MB at most`);
  }
}

export interface RequestBody {
  body: Buffer;
  /** Call once the request has been answered: gives back its big-message slot, if it took one. */
  answered(): void;
}

/** The whole body; rejects with BodyTooLargeError as soon as it is known to pass `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number, slots: BigMessageSlots): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    // Said up front: no need to wait for the bytes (nor for a slot).
    if (declared > limit) return reject(new BodyTooLargeError(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    let slot: (() => void) | null = null;
    /** Resolves once the slot is ours; none needed while the body is small. */
    let granted: Promise<void> = Promise.resolve();
    let settled = false;
    const giveBack = () => {
      slot?.();
      slot = null;
    };
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      giveBack();
      reject(error);
    };
    /** Read nothing more until a slot is ours (at once, when one is free). */
    const takeSlot = () => {
      req.pause();
      granted = new Promise((ours) => {
        slot = slots.acquire(() => {
          req.resume();
          ours();
        });
      });
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.off('data', onData);
        req.resume(); // the rest is read and dropped
        return fail(new BodyTooLargeError(limit));
      }
      chunks.push(chunk);
      // A body whose length was not said (chunked) is found to be big while it arrives.
      if (slot === null && size > SMALL_MESSAGE_BYTES) takeSlot();
    };
    req.on('data', onData);
    if (declared > SMALL_MESSAGE_BYTES) takeSlot();
    // Its last chunk may have made it big: it is answered only once it has a slot all the same.
    req.on('end', () => {
      void granted.then(() => {
        if (settled) return;
        settled = true;
        resolve({ body: Buffer.concat(chunks), answered: giveBack });
      });
    });
    req.on('error', fail);
    // The client went away before the whole body came (perhaps while waiting for a slot).
    req.on('close', () => {
      if (!req.readableEnded) fail(new Error('the request was closed before its body was complete'));
    });
  });
}
