// The partitioned similar search (what `dupes --mode similar` runs on large libraries) against
// the exact all-pairs answer, on synthetic CLIP-like libraries with planted bursts and
// recurring subjects (bench/similar-vectors.ts): small here, so the exact answer is quick.
import { describe, expect, it } from 'vitest';
import { PARTITION_MIN_VECTORS, similarPairs } from '../../../src/core/dupes/similar';
import { allSimilarPairs } from '../../../src/core/dupes/similar-all-pairs';
import { partitionedSimilarPairs } from '../../../src/core/dupes/similar-partitioned';
import { UnionFind } from '../../../src/core/dupes/union-find';
import { ClusteredVectors } from '../../../bench/clustered-vectors';
import { similarLibrary, type SimilarLibrary } from '../../../bench/similar-vectors';

const THRESHOLD = 0.93;
type Search = typeof allSimilarPairs;

/** Pairs "i,j" -> cosine, each pair reported once. */
async function pairsOf(search: Search, lib: SimilarLibrary, threshold = THRESHOLD): Promise<Map<string, number>> {
  const pairs = new Map<string, number>();
  let misreported = 0;
  await search(lib.vectors, lib.n, lib.dimension, threshold, (i, j, cosine) => {
    const key = `${i},${j}`;
    if (i >= j || pairs.has(key)) misreported++;
    pairs.set(key, cosine);
  });
  expect(misreported).toBe(0);
  return pairs;
}

function recall(found: Map<string, number>, exact: Map<string, number>): number {
  let hits = 0;
  for (const key of exact.keys()) if (found.has(key)) hits++;
  return hits / exact.size;
}

function groups(pairs: Map<string, number>, n: number): number[][] {
  const uf = new UnionFind(n);
  for (const key of pairs.keys()) {
    const [a, b] = key.split(',').map(Number);
    uf.union(a!, b!);
  }
  return uf.groups().map((g) => [...g].sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

describe('partitioned similar search', () => {
  const family = similarLibrary(6000, { subjectShare: 0.15, photosPerSubject: 150 }, 128);
  // Half the photos of five subjects: every subject is cut by partition boundaries.
  const subjectHeavy = similarLibrary(6000, { subjectShare: 0.5, photosPerSubject: 600 }, 128, 5);

  it('finds the planted near-duplicates that all pairs finds (recall >= 0.99), with their exact cosines', async () => {
    for (const lib of [family, subjectHeavy]) {
      const exact = await pairsOf(allSimilarPairs, lib);
      const found = await pairsOf(partitionedSimilarPairs, lib);
      expect(exact.size).toBeGreaterThan(1000);
      expect(recall(found, exact)).toBeGreaterThanOrEqual(0.99);
      expect([...found].filter(([key, cosine]) => exact.get(key) !== cosine)).toEqual([]);
    }
  });

  it('does not pair photos below the threshold, nor distinct photos of one scene', async () => {
    const found = await pairsOf(partitionedSimilarPairs, family);
    expect(found.size).toBeGreaterThan(0);
    for (const [key, cosine] of found) {
      const [a, b] = key.split(',').map(Number);
      let dot = 0;
      for (let k = 0; k < family.dimension; k++) dot += family.vectors[a! * family.dimension + k]! * family.vectors[b! * family.dimension + k]!;
      expect(cosine).toBeGreaterThanOrEqual(THRESHOLD);
      expect(cosine).toBeCloseTo(dot, 6);
    }
    // Distinct photos of the same scenes (cosine ~0.6): nothing to group.
    const scenes = new ClusteredVectors(128, 200, 16, 9);
    const distinct = new Float32Array(5000 * 128);
    for (let i = 0; i < 5000; i++) distinct.set(scenes.photo(), i * 128);
    let pairs = 0;
    await partitionedSimilarPairs(distinct, 5000, 128, THRESHOLD, () => pairs++);
    expect(pairs).toBe(0);
  });

  it('gives the same groups on every run', async () => {
    const first = groups(await pairsOf(partitionedSimilarPairs, subjectHeavy), subjectHeavy.n);
    const second = groups(await pairsOf(partitionedSimilarPairs, subjectHeavy), subjectHeavy.n);
    expect(second).toEqual(first);
  });

  it('reports progress to its total and stops when aborted, in any phase', async () => {
    const seen: [number, number][] = [];
    await partitionedSimilarPairs(family.vectors, family.n, family.dimension, THRESHOLD, () => undefined, { onProgress: (done, total) => seen.push([done, total]) });
    const total = seen[0]![1];
    expect(seen.map(([done]) => done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    // Stopped during training, during assignment, and while comparing partitions.
    for (const stopAt of [1, 7, Math.floor(total / 2)]) {
      const controller = new AbortController();
      let last = 0;
      const search = partitionedSimilarPairs(family.vectors, family.n, family.dimension, THRESHOLD, () => undefined, {
        signal: controller.signal,
        onProgress: (done) => {
          last = done;
          if (done === stopAt) controller.abort();
        },
      });
      await expect(search).rejects.toThrow(/abort/i);
      expect(last).toBe(stopAt);
    }
  });

  it('finds what all pairs finds on a library large enough to be partitioned (20k photos)', async () => {
    const lib = similarLibrary(PARTITION_MIN_VECTORS, { subjectShare: 0.15, photosPerSubject: 150 }, 64, 3);
    const found = await pairsOf(similarPairs, lib);
    const exact = await pairsOf(allSimilarPairs, lib);
    expect(recall(found, exact)).toBeGreaterThanOrEqual(0.99);
  });
});
