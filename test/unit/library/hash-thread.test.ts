// Photos are hashed on a worker while indexing (hash-thread.ts), reading their bytes in
// shared memory: each photo gets its own content's SHA-256, the one sha256sum prints.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SharedBuffers } from '../../../src/base/shared-buffers';
import { sha256OffThread } from '../../../src/core/library/hash-thread';

const reference = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

describe('hashing photos off the event loop', () => {
  it('gives each of many concurrent photos in shared buffers the SHA-256 of its own bytes', async () => {
    const buffers = new SharedBuffers(12);
    const photos = Array.from({ length: 12 }, (_, i) => {
      const bytes = buffers.take(200_000 + i * 1000).subarray(0, 200_000 + i * 1000);
      crypto.randomFillSync(bytes);
      return bytes;
    });
    const hashes = await Promise.all(photos.map((p) => sha256OffThread(p)));
    expect(hashes).toEqual(photos.map(reference));
    expect(new Set(hashes).size).toBe(12);
  });

  it('hashes bytes outside shared memory too (a buffer that had to grow), and an empty file', async () => {
    const plain = crypto.randomBytes(50_000);
    expect(await sha256OffThread(plain)).toBe(reference(plain));
    const empty = new SharedBuffers(1).take(1).subarray(0, 0);
    expect(await sha256OffThread(empty)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
