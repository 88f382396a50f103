import { describe, expect, it } from 'vitest';
import { linkNearDuplicates } from '../../../src/core/dupes/near-index';
import { SIGNATURE_WORDS, VIEW_COUNT, VIEW_WORDS } from '../../../src/core/dupes/signature';
import { UnionFind } from '../../../src/core/dupes/union-find';
import { rng } from '../../helpers/seeded-random';

/** Random signatures; content `copy` becomes a version of `of` showing a smaller centre (its view 0 = their view `k`). */
function randomSignatures(n: number, seed: number): Uint32Array {
  const random = rng(seed);
  return Uint32Array.from({ length: n * SIGNATURE_WORDS }, () => Math.floor(random() * 2 ** 32));
}

function flip(words: Uint32Array, i: number, view: number, bits: number, random: () => number): void {
  for (let b = 0; b < bits; b++) {
    const bit = Math.floor(random() * VIEW_WORDS * 32);
    words[i * SIGNATURE_WORDS + view * VIEW_WORDS + (bit >>> 5)]! ^= 1 << (bit & 31);
  }
}

function plantVersion(words: Uint32Array, of: number, copy: number, k: number, noiseBits: number, random: () => number): void {
  for (let t = 0; t < VIEW_COUNT; t++) {
    const source = Math.min(VIEW_COUNT - 1, k + t);
    words.copyWithin(copy * SIGNATURE_WORDS + t * VIEW_WORDS, of * SIGNATURE_WORDS + source * VIEW_WORDS, of * SIGNATURE_WORDS + (source + 1) * VIEW_WORDS);
    flip(words, copy, t, noiseBits, random);
  }
}

describe('near index', () => {
  it('finds planted versions among 20k contents without comparing all pairs', async () => {
    const n = 20_000;
    const random = rng(7);
    const words = randomSignatures(n, 1);
    const planted: [number, number][] = [];
    for (let p = 0; p < 500; p++) {
      const of = p * 2;
      const copy = n - 1 - p;
      plantVersion(words, of, copy, p % 8, 10, random); // ~10 of 256 bits per view differ
      planted.push([of, copy]);
    }
    const groups = new UnionFind(n);
    const stats = await linkNearDuplicates(words, n, groups);
    const found = planted.filter(([a, b]) => groups.find(a) === groups.find(b)).length;
    expect(found / planted.length).toBeGreaterThan(0.97);
    expect(stats.links).toBeLessThanOrEqual(planted.length); // nothing unrelated joined
    expect(groups.groups().every((g) => g.length === 2)).toBe(true);
    // Multi-index hashing reads a few dozen entries per content, not n.
    expect(stats.probed / n).toBeLessThan(n / 50);
  });

  it('stops when aborted', async () => {
    const n = 30_000;
    const controller = new AbortController();
    controller.abort();
    await expect(linkNearDuplicates(randomSignatures(n, 2), n, new UnionFind(n), { signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});

describe('union-find', () => {
  it('groups transitively and lists sets of two or more', () => {
    const uf = new UnionFind(6);
    expect(uf.union(0, 1)).toBe(true);
    expect(uf.union(1, 2)).toBe(true);
    expect(uf.union(0, 2)).toBe(false);
    uf.union(4, 5);
    expect(uf.groups()).toEqual([[0, 1, 2], [4, 5]]);
    expect(uf.groups(1)).toHaveLength(3);
  });
});
