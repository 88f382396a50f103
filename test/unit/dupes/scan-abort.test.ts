// A stopped duplicate scan stops promptly: between phases (listing the library, the near
// search, the all-pairs similar search) and inside the long one, at the next block.
import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../../src/core/dupes/find-duplicates';
import { folderThumbnails } from '../../../src/core/media';
import { similarPairs } from '../../../src/core/dupes/similar';
import type { LibraryStore } from '../../../src/core/store/types';

describe('stopping a duplicate scan', () => {
  it('stops right after listing the library when stopped meanwhile', async () => {
    const controller = new AbortController();
    let signaturesRead = false;
    const store = {
      listPhotos: async () => {
        controller.abort();
        return [];
      },
      getSignatures: async () => {
        signaturesRead = true;
        return [];
      },
    } as unknown as LibraryStore;
    await expect(findDuplicates({ store, thumbs: folderThumbnails('/nowhere') }, { kinds: ['exact', 'near'], signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(signaturesRead).toBe(false);
  });

  it('stops the all-pairs search at the next block', async () => {
    const n = 5000; // 3 blocks of 2048: 6 block pairs
    const d = 4;
    const vectors = new Float32Array(n * d).map((_, i) => ((i * 7919) % 13) / 13 - 0.5);
    const controller = new AbortController();
    const progress: number[] = [];
    const search = similarPairs(vectors, n, d, 0.99, () => undefined, {
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        controller.abort();
      },
    });
    await expect(search).rejects.toThrow(/abort/i);
    expect(progress).toEqual([1]);
  });
});
