// The shared buffers photo bytes and thumbnails pass through while indexing: a buffer is
// handed out again only once given back, a worker reads it without a copy, and what the pool
// did not hand out is never taken into it.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { SharedBuffers, isShared } from '../../../src/base/shared-buffers';

describe('SharedBuffers', () => {
  it('hands a buffer out again only after it was given back, and never one it did not hand out', () => {
    const buffers = new SharedBuffers(2);
    const a = buffers.take(1000);
    const b = buffers.take(1000);
    expect(a.length).toBeGreaterThanOrEqual(1000);
    expect(b.buffer).not.toBe(a.buffer); // a is still in use
    buffers.give(Buffer.alloc(4096)); // not one of its own: ignored
    buffers.give(a.subarray(0, 10)); // a view of one counts as the whole buffer
    buffers.give(a); // twice: still only once in the pool
    expect(buffers.take(1000).buffer).toBe(a.buffer);
    expect(buffers.take(1000).buffer).not.toBe(a.buffer);
  });

  it('gives the smallest free buffer that fits, keeps at most `keep`, and lets a too-large one go', () => {
    const buffers = new SharedBuffers(2, 4 * 2 ** 20);
    const small = buffers.take(100_000);
    const medium = buffers.take(3 * 2 ** 20);
    const huge = buffers.take(5 * 2 ** 20);
    buffers.give(huge); // over `largest`: not kept
    buffers.give(medium);
    buffers.give(small);
    expect(buffers.take(50_000).buffer).toBe(small.buffer);
    expect(buffers.take(2 ** 20).buffer).toBe(medium.buffer);
    expect(buffers.take(5 * 2 ** 20).buffer).not.toBe(huge.buffer);
  });

  it('is shared memory: a worker sees what was written, without a copy', async () => {
    const view = new SharedBuffers(1).take(16).subarray(0, 16);
    expect(isShared(view)).toBe(true);
    expect(isShared(Buffer.alloc(16))).toBe(false);
    view.fill(7);
    const worker = new Worker(`const { parentPort } = require('node:worker_threads');
      parentPort.once('message', (v) => { const sum = v.reduce((a, b) => a + b, 0); v.fill(9); parentPort.postMessage(sum); });`, { eval: true });
    const sum = await new Promise<number>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage(view);
    });
    await worker.terminate();
    expect(sum).toBe(16 * 7);
    expect([...view]).toEqual(new Array(16).fill(9)); // the worker wrote into the same memory
  });
});
