// Spherical k-means over unit vectors (unit centroids; nearest = highest dot product), to cut a
// library's embeddings into partitions for the similar search (similar-partitioned.ts). It is
// trained on a sample for a few iterations: the partitions only need to be coherent, not
// optimal, since multi-probe covers the pairs that straddle a boundary. The products go through
// the matrix scorer (ONNX Runtime on a worker for large jobs). Deterministic: a seeded sample
// and seeded starting centroids, ties going to the lowest centroid.
import type { MatrixScorer } from '../tags/matrix-scorer';
import { rng } from '../../base/seeded-random';

/** Rows scored per product: 4096 x k floats stays a few MB. */
export const SCORE_CHUNK = 4096;

export interface KMeansSetup {
  k: number;
  iterations: number;
  /** Vectors the centroids are trained on (all of them when the library is smaller). */
  sampleSize: number;
  seed: number;
  signal?: AbortSignal;
  /** Called after each iteration. */
  onIteration?: () => void;
}

/** `size` distinct indices of 0..n-1 in seeded random order (partial Fisher-Yates). */
function seededSample(n: number, size: number, seed: number): Int32Array {
  const random = rng(seed);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const m = Math.min(n, size);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order.slice(0, m);
}

/** The rows `indices` of `vectors`, contiguous. */
export function gatherRows(vectors: Float32Array, indices: ArrayLike<number>, d: number): Float32Array {
  const out = new Float32Array(indices.length * d);
  for (let r = 0; r < indices.length; r++) out.set(vectors.subarray(indices[r]! * d, indices[r]! * d + d), r * d);
  return out;
}

/**
 * Scores every row of `rows` (m x d) against the centroids loaded in `scorer`, a chunk at a time:
 * `visit(row, scores, offset)` sees the row's k scores at scores[offset .. offset + k).
 */
export async function scoreRows(
  scorer: MatrixScorer,
  rows: Float32Array,
  m: number,
  d: number,
  visit: (row: number, scores: Float32Array, offset: number) => void,
  signal?: AbortSignal,
  onChunk?: () => void,
): Promise<void> {
  for (let r0 = 0; r0 < m; r0 += SCORE_CHUNK) {
    signal?.throwIfAborted();
    const r1 = Math.min(m, r0 + SCORE_CHUNK);
    // A copy, not a view: posting a view to the scorer's worker would clone its whole buffer.
    const scores = await scorer.scores(rows.slice(r0 * d, r1 * d), r1 - r0);
    const k = scores.length / (r1 - r0);
    for (let r = r0; r < r1; r++) visit(r, scores, (r - r0) * k);
    onChunk?.();
  }
}

/** Index of the highest of k scores at `offset` (the lowest index on ties). */
export function argmax(scores: Float32Array, offset: number, k: number): number {
  let best = 0;
  let top = scores[offset]!;
  for (let c = 1; c < k; c++) {
    if (scores[offset + c]! > top) {
      top = scores[offset + c]!;
      best = c;
    }
  }
  return best;
}

/** k unit centroids (k x d, row-major) of the n unit vectors; k is capped by the sample size. */
export async function trainCentroids(vectors: Float32Array, n: number, d: number, setup: KMeansSetup, scorer: MatrixScorer): Promise<{ centroids: Float32Array; k: number }> {
  const sampleIndices = seededSample(n, setup.sampleSize, setup.seed);
  const sample = gatherRows(vectors, sampleIndices, d);
  const m = sampleIndices.length;
  const k = Math.max(1, Math.min(setup.k, m));
  // Sample rows are already in random order: the first k are k random distinct vectors.
  const centroids = sample.slice(0, k * d);
  const assignment = new Int32Array(m);
  for (let iter = 0; iter < setup.iterations; iter++) {
    setup.signal?.throwIfAborted();
    await scorer.load(centroids, k, d);
    await scoreRows(scorer, sample, m, d, (row, scores, offset) => (assignment[row] = argmax(scores, offset, k)), setup.signal);
    const sums = new Float64Array(k * d);
    for (let r = 0; r < m; r++) {
      const c = assignment[r]! * d;
      for (let j = 0; j < d; j++) sums[c + j]! += sample[r * d + j]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let j = 0; j < d; j++) norm += sums[c * d + j]! ** 2;
      // A centroid left without members keeps its place: it may still win vectors outside the sample.
      if (norm === 0) continue;
      const scale = 1 / Math.sqrt(norm);
      for (let j = 0; j < d; j++) centroids[c * d + j] = sums[c * d + j]! * scale;
    }
    setup.onIteration?.();
  }
  return { centroids, k };
}
