// A POST /api body over 1 MB takes one of the server's big-message slots (the WebSocket's), read
// only once it has one and held until answered; a chunked body (its length not said) is found
// to be big while it arrives.
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BigMessageSlots } from '../../../src/server/message-budget';
import { BodyTooLargeError, readBody } from '../../../src/server/request-body';

const MB = 1024 * 1024;

function request(headers: Record<string, string> = {}) {
  const stream = new PassThrough();
  return Object.assign(stream, { headers }) as unknown as IncomingMessage & PassThrough;
}

/** Whether `promise` has settled after the stream has had its turns. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true), () => (done = true));
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('readBody and the big-message slots', () => {
  it('needs no slot for a small body', async () => {
    const slots = new BigMessageSlots(0);
    const req = request();
    const read = readBody(req, 10 * MB, slots);
    req.end(Buffer.alloc(MB - 10, 0x20));
    expect((await read).body.length).toBe(MB - 10);
  });

  it('reads a chunked big body only once a slot frees, and holds the slot until answered', async () => {
    const slots = new BigMessageSlots(1);
    const giveBackOther = slots.acquire(() => {}); // someone else's big message
    const req = request();
    const read = readBody(req, 10 * MB, slots);
    req.write(Buffer.alloc(MB, 0x20));
    req.end(Buffer.alloc(MB, 0x20));
    expect(await settled(read)).toBe(false); // past 1 MB with no slot: not read on
    giveBackOther();
    const { body, answered } = await read;
    expect(body.length).toBe(2 * MB);
    let third = false;
    slots.acquire(() => (third = true));
    expect(third).toBe(false); // still this body's until answered
    answered();
    expect(third).toBe(true);
  });

  it('waits for a slot before reading a body whose length says it is big', async () => {
    const slots = new BigMessageSlots(1);
    const giveBackOther = slots.acquire(() => {});
    const req = request({ 'content-length': String(2 * MB) });
    const read = readBody(req, 10 * MB, slots);
    req.end(Buffer.alloc(2 * MB, 0x20));
    expect(await settled(read)).toBe(false);
    giveBackOther();
    expect((await read).body.length).toBe(2 * MB);
  });

  it('gives the slot back when the body turns out too large after taking it', async () => {
    const slots = new BigMessageSlots(1);
    const tooLarge = request();
    const read = readBody(tooLarge, 3 * MB, slots);
    tooLarge.write(Buffer.alloc(1.5 * MB, 0x20)); // past 1 MB: the slot is taken
    tooLarge.end(Buffer.alloc(2 * MB, 0x20)); // past 3 MB: too large
    await expect(read).rejects.toBeInstanceOf(BodyTooLargeError);
    let granted = false;
    slots.acquire(() => (granted = true));
    expect(granted).toBe(true);
  });

  it('leaves the queue when the client goes away while waiting for a slot', async () => {
    const slots = new BigMessageSlots(1);
    const giveBackOther = slots.acquire(() => {});
    const gone = request({ 'content-length': String(2 * MB) });
    const waiting = readBody(gone, 10 * MB, slots);
    expect(await settled(waiting)).toBe(false);
    gone.destroy();
    await expect(waiting).rejects.toThrow(/closed before its body was complete/);
    giveBackOther();
    // The freed slot goes to the next asker, not to the request that left.
    let granted = false;
    slots.acquire(() => (granted = true));
    expect(granted).toBe(true);
  });
});
