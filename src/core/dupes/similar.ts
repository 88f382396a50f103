// Pairs of photos whose CLIP embeddings (L2-normalised, one model's) have a cosine of at least
// the threshold: the similar-duplicates search. Smaller libraries compare all pairs exactly
// (similar-all-pairs.ts: 3-6 s at 20k photos, but O(n^2): 1.5 minutes at 100k); larger ones
// compare only the pairs that share a k-means partition, with multi-probe across boundaries
// (similar-partitioned.ts: 6-10 s at 100k), which may miss a rare pair (none of 2 million in
// bench/similar-scale.ts). Either way each pair reported carries its exact cosine, and the
// same vectors give the same pairs on every run.
import { allSimilarPairs } from './similar-all-pairs';
import { partitionedSimilarPairs } from './similar-partitioned';
import type { PairSink, SimilarOptions } from './similar-types';

export type { PairSink, SimilarOptions } from './similar-types';

/** Below this many vectors all pairs are compared: exact, and still quick (seconds at 20k). */
export const PARTITION_MIN_VECTORS = 20_000;

/**
 * Calls `onPair(i, j, cosine)` for every i < j (indices into the n vectors of `vectors`,
 * d floats each) with cosine >= threshold, each pair once; from PARTITION_MIN_VECTORS up,
 * for every such pair the partitioned search considers (all but rare ones).
 */
export async function similarPairs(vectors: Float32Array, n: number, d: number, threshold: number, onPair: PairSink, options: SimilarOptions = {}): Promise<void> {
  const search = n < PARTITION_MIN_VECTORS ? allSimilarPairs : partitionedSimilarPairs;
  await search(vectors, n, d, threshold, onPair, options);
}
