// The similar search for large libraries (IVF-style blocking): train ~sqrt(n) k-means centroids
// on a sample, give every vector a home partition and the partitions it lies close to
// (similar-partitions.ts), then compare, partition by partition, its home vectors with each
// other and with the vectors probing it, through the matrix scorer. About O(n^1.5 d) instead
// of O(n^2 d): 6-10 s at 100k photos on 2 cores, where all pairs take 1.5 minutes. Only the
// choice of candidate pairs is approximate (a pair whose vectors lie on either side of a
// boundary, both unusually far from it, is missed: recall 1.0000 against all pairs in
// bench/similar-scale.ts, 0.35-0.83 without the probes); every pair reported has its exact
// cosine, decided in double precision as in the all-pairs search. Deterministic: the same
// vectors give the same partitions, so the same pairs, on every run.
import { scorerFor, type MatrixScorer } from '../tags/matrix-scorer';
import { gatherRows, SCORE_CHUNK, trainCentroids } from './kmeans';
import { exactDot, FLOAT32_MARGIN } from './similar-cosine';
import { assignPartitions, probes, type Partitions, type ProbeTuning } from './similar-partitions';
import type { PairSink, SimilarOptions } from './similar-types';

const BLOCK = 2048;

export interface PartitionTuning extends ProbeTuning {
  /** Centroids per sqrt(n). */
  centroidsPerRoot: number;
  /** Training vectors per centroid. */
  samplePerCentroid: number;
  iterations: number;
  seed: number;
}

export const DEFAULT_PARTITION_TUNING: PartitionTuning = {
  centroidsPerRoot: 1,
  samplePerCentroid: 32,
  iterations: 6,
  seed: 1,
  reach: 0.5,
  maxProbes: 8,
};

/** What a search did, for the benchmark. */
export interface PartitionStats {
  partitions: number;
  largestPartition: number;
  probesPerVector: number;
  /** Pairs whose cosine was computed, per vector (all pairs would be (n - 1) / 2). */
  candidatesPerVector: number;
}

export interface PartitionedOptions extends SimilarOptions {
  tuning?: Partial<PartitionTuning>;
  onStats?: (stats: PartitionStats) => void;
}

export async function partitionedSimilarPairs(vectors: Float32Array, n: number, d: number, threshold: number, onPair: PairSink, options: PartitionedOptions = {}): Promise<void> {
  if (n < 2) return;
  const { signal } = options;
  signal?.throwIfAborted();
  const tuning = { ...DEFAULT_PARTITION_TUNING, ...options.tuning };
  const k = Math.max(1, Math.min(n, Math.round(Math.sqrt(n) * tuning.centroidsPerRoot)));
  const sampleSize = Math.min(n, k * tuning.samplePerCentroid);
  const assignChunks = Math.ceil(n / SCORE_CHUNK);
  const total = tuning.iterations + assignChunks + k;
  let done = 0;
  const step = () => options.onProgress?.(++done, total);
  // Roughly the work of training and assigning; the partition blocks add about as much again.
  const scorer = scorerFor(2 * (sampleSize * tuning.iterations + n) * k * d);
  try {
    const trained = await trainCentroids(vectors, n, d, { k, iterations: tuning.iterations, sampleSize, seed: tuning.seed, ...(signal ? { signal } : {}), onIteration: step }, scorer);
    const pairDistance = Math.sqrt(Math.max(0, 2 - 2 * threshold));
    const partitions = await assignPartitions(vectors, n, d, trained.centroids, trained.k, pairDistance, tuning, scorer, signal, step);
    let candidates = 0;
    let largest = 0;
    for (let p = 0; p < partitions.k; p++) {
      signal?.throwIfAborted();
      largest = Math.max(largest, partitions.homes.start[p + 1]! - partitions.homes.start[p]!);
      candidates += await comparePartition(vectors, d, threshold, partitions, p, scorer, onPair, signal);
      step();
    }
    options.onStats?.({ partitions: partitions.k, largestPartition: largest, probesPerVector: partitions.probes.items.length / n, candidatesPerVector: candidates / n });
  } finally {
    await scorer.close();
  }
}

/**
 * Partition p's home vectors against each other and against its probers, in blocks; returns
 * the number of pairs compared. A pair found in two partitions (each vector probing the
 * other's home) is reported from the lower-numbered one only.
 */
async function comparePartition(
  vectors: Float32Array,
  d: number,
  threshold: number,
  partitions: Partitions,
  p: number,
  scorer: MatrixScorer,
  onPair: PairSink,
  signal?: AbortSignal,
): Promise<number> {
  const { homes, probers, home } = partitions;
  const h = homes.start[p + 1]! - homes.start[p]!;
  if (h === 0) return 0;
  // Rows: the home vectors, then the probers; columns: the home vectors (the rows' prefix).
  const rows = new Int32Array(h + probers.start[p + 1]! - probers.start[p]!);
  rows.set(homes.items.subarray(homes.start[p]!, homes.start[p + 1]!));
  rows.set(probers.items.subarray(probers.start[p]!, probers.start[p + 1]!), h);
  const m = rows.length;
  if (m < 2) return 0;
  const block = gatherRows(vectors, rows, d);
  const floor = threshold - FLOAT32_MARGIN;
  let compared = 0;
  for (let c0 = 0; c0 < h; c0 += BLOCK) {
    const c1 = Math.min(h, c0 + BLOCK);
    signal?.throwIfAborted();
    await scorer.load(block.subarray(c0 * d, c1 * d), c1 - c0, d);
    for (let r0 = 0; r0 < m; r0 += BLOCK) {
      const r1 = Math.min(m, r0 + BLOCK);
      // Home rows only pair with later home columns: nothing to do when every row is past them.
      if (r1 <= h && r0 >= c1 - 1) continue;
      signal?.throwIfAborted();
      // A copy, not a view, unless it is the whole block: posting a view to the scorer's worker clones its whole buffer.
      const scores = await scorer.scores(r0 === 0 && r1 === m ? block : block.slice(r0 * d, r1 * d), r1 - r0);
      const cols = c1 - c0;
      for (let r = r0; r < r1; r++) {
        const first = r < h ? Math.max(c0, r + 1) : c0;
        compared += Math.max(0, c1 - first);
        const b = rows[r]!;
        for (let c = first; c < c1; c++) {
          if (scores[(r - r0) * cols + c - c0]! < floor) continue;
          const a = rows[c]!;
          if (r >= h && home[b]! < p && probes(partitions, a, home[b]!)) continue;
          const cosine = exactDot(vectors, a * d, b * d, d);
          if (cosine >= threshold) onPair(Math.min(a, b), Math.max(a, b), cosine);
        }
      }
    }
  }
  return compared;
}
