// The similar kind's threshold is the core's rule, for every front end: a CLIP cosine above 0
// and at most 1. Anything else is refused before the library is read, as an argument the
// caller got wrong (InvalidArgumentsError: the CLI's exit 2, `shoebox serve`'s 400), not
// scanned into one huge group of every photo.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIMILAR_THRESHOLD, findDuplicates, similarThreshold } from '../../../src/core/dupes/find-duplicates';
import { folderThumbnails } from '../../../src/core/media';
import type { LibraryStore } from '../../../src/core/store/types';

describe('the similar threshold', () => {
  it('takes a cosine in (0, 1], the default when none is asked for', () => {
    expect(similarThreshold(undefined)).toBe(DEFAULT_SIMILAR_THRESHOLD);
    expect(similarThreshold(0.5)).toBe(0.5);
    expect(similarThreshold(1)).toBe(1);
  });

  it('refuses 0, a negative cosine, more than 1 and NaN before reading the library', async () => {
    let listed = false;
    const store = {
      listPhotos: async () => {
        listed = true;
        return [];
      },
    } as unknown as LibraryStore;
    for (const threshold of [0, -0.5, 1.5, Number.NaN]) {
      await expect(findDuplicates({ store, thumbs: folderThumbnails('/nowhere') }, { kinds: ['similar'], similarThreshold: threshold }), String(threshold)).rejects.toMatchObject({
        name: 'InvalidArgumentsError',
        message: `the similar threshold must be a number in (0, 1], got ${threshold}`,
      });
    }
    expect(listed).toBe(false);
  });
});
