// A hash worker that dies under a photo costs speed, not the photo: it is hashed on libuv's
// pool instead and gets its true SHA-256, never a failure the library would keep until the
// file changes.
import crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { SharedBuffers } from '../../../src/base/shared-buffers';

const requests = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/core/clip/idle-worker', () => ({
  IdleWorker: class {
    request(): Promise<never> {
      requests.count++;
      return Promise.reject(new Error('hash worker failed: the worker stopped (exit 1)'));
    }
  },
}));

const { sha256OffThread } = await import('../../../src/core/library/hash-thread');

describe('hashing when the hash worker dies', () => {
  it('hashes the photo on the pool instead, and leaves its bytes as they were', async () => {
    const bytes = new SharedBuffers(1).take(300_000).subarray(0, 300_000);
    crypto.randomFillSync(bytes);
    const before = Buffer.from(bytes);
    expect(await sha256OffThread(bytes)).toBe(crypto.createHash('sha256').update(before).digest('hex'));
    expect(Buffer.from(bytes).equals(before)).toBe(true);
  });

  it('stops asking a worker that keeps failing (one that cannot start): every photo is still hashed', async () => {
    const buffers = new SharedBuffers(1);
    for (let i = 0; i < 6; i++) {
      const bytes = buffers.take(1000).subarray(0, 1000);
      crypto.randomFillSync(bytes);
      expect(await sha256OffThread(bytes)).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
      buffers.give(bytes);
    }
    expect(requests.count).toBe(3); // the first test's photo, then two more: given up after 3 in a row
  });
});
