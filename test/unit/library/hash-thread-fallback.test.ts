// A hash worker that dies under a photo costs speed, not the photo: it is hashed on libuv's
// pool instead and gets its true SHA-256, never a failure the library would keep until the
// file changes.
import crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { SharedBuffers } from '../../../src/base/shared-buffers';

vi.mock('../../../src/core/clip/idle-worker', () => ({
  IdleWorker: class {
    request(): Promise<never> {
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
});
