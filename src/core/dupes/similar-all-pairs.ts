// The exact similar search (similar.ts uses it for smaller libraries): every pair of CLIP
// embeddings (L2-normalised, one model's) compared, as a blocked matrix product over the
// vectors loaded once. Blocks of 2048 x 2048 go through the tagging feature's matrix scorer:
// ONNX Runtime's MatMul on a worker thread for large jobs (40-100 GFLOP/s on 2 cores), plain
// JavaScript for small ones. O(n^2 d): 3-6 s at 20k photos on 2 cores, 1.5 minutes at 100k
// (hence similar-partitioned.ts for large libraries).
// The vectors are first sorted along their main direction: two vectors with cosine >= t are
// within sqrt(2 - 2t) of each other, so their projections on any unit direction are too, and
// a pair of blocks whose projections lie farther apart is skipped (a saving when the library
// spreads over many subjects, none when it is all one).
import { scorerFor } from '../tags/matrix-scorer';
import { exactDot, FLOAT32_MARGIN } from './similar-cosine';
import type { PairSink, SimilarOptions } from './similar-types';

const BLOCK = 2048;

/** The library's main direction (a few power iterations on the mean-free vectors). */
function principalDirection(vectors: Float32Array, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) mean[c]! += vectors[i * d + c]!;
  for (let c = 0; c < d; c++) mean[c]! /= n;
  let dir = new Float64Array(d).map((_, c) => Math.sin(c + 1)); // deterministic start
  const stride = Math.max(1, Math.floor(n / 4096)); // a sample is plenty for a direction
  for (let iter = 0; iter < 8; iter++) {
    const next = new Float64Array(d);
    for (let i = 0; i < n; i += stride) {
      let dot = 0;
      for (let c = 0; c < d; c++) dot += (vectors[i * d + c]! - mean[c]!) * dir[c]!;
      for (let c = 0; c < d; c++) next[c]! += dot * (vectors[i * d + c]! - mean[c]!);
    }
    const norm = Math.hypot(...next) || 1;
    dir = next.map((x) => x / norm);
  }
  return dir;
}

/** Every pair with cosine >= threshold, exactly (see similarPairs for the contract). */
export async function allSimilarPairs(vectors: Float32Array, n: number, d: number, threshold: number, onPair: PairSink, options: SimilarOptions = {}): Promise<void> {
  if (n < 2) return;
  options.signal?.throwIfAborted();
  const dir = principalDirection(vectors, n, d);
  const projection = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let p = 0;
    for (let c = 0; c < d; c++) p += vectors[i * d + c]! * dir[c]!;
    projection[i] = p;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => projection[a]! - projection[b]!);
  // Rows in projection order, contiguous, so the inner loop reads memory in sequence.
  const sorted = new Float32Array(n * d);
  for (let r = 0; r < n; r++) sorted.set(vectors.subarray(order[r]! * d, order[r]! * d + d), r * d);
  const window = Math.sqrt(Math.max(0, 2 - 2 * threshold)) + 1e-6;
  const floor = threshold - FLOAT32_MARGIN;
  const blocks = Math.ceil(n / BLOCK);
  const total = (blocks * (blocks + 1)) / 2;
  let done = 0;
  const scorer = scorerFor((n * n * d) / 2);
  try {
    for (let cb = 0; cb < blocks; cb++) {
      const c0 = cb * BLOCK;
      const c1 = Math.min(n, c0 + BLOCK);
      options.signal?.throwIfAborted();
      await scorer.load(sorted.subarray(c0 * d, c1 * d), c1 - c0, d);
      for (let rb = 0; rb <= cb; rb++) {
        options.signal?.throwIfAborted();
        const r0 = rb * BLOCK;
        const r1 = Math.min(n, r0 + BLOCK);
        options.onProgress?.(++done, total);
        // Rows project no higher than columns: skip when even the closest two are too far apart.
        if (projection[order[c0]!]! - projection[order[r1 - 1]!]! > window) continue;
        // A copy, not a view: posting a view to the scorer's worker would clone all n rows.
        const scores = await scorer.scores(sorted.slice(r0 * d, r1 * d), r1 - r0);
        const cols = c1 - c0;
        for (let r = r0; r < r1; r++) {
          const row = (r - r0) * cols;
          for (let c = rb === cb ? r + 1 : c0; c < c1; c++) {
            if (scores[row + c - c0]! < floor) continue;
            const cosine = exactDot(sorted, r * d, c * d, d);
            if (cosine >= threshold) {
              const a = order[r]!;
              const b = order[c]!;
              onPair(Math.min(a, b), Math.max(a, b), cosine);
            }
          }
        }
      }
    }
  } finally {
    await scorer.close();
  }
}
