// Tagging as matrix work: photo vectors arrive in batches (rows of one flat Float32Array),
// each batch is multiplied by the set's prototype matrix in one product, and the decision
// rule runs over the rows of the result. While the main thread decides one batch, the
// scorer (a worker for large jobs) already multiplies the next.
import type { VectorBatch } from '../store/types';
import type { MatrixScorer } from './matrix-scorer';
import { decide, type DecisionRule, type LabelDecision } from './zero-shot';
import { shiftOf, type ScoreShift } from './adaptation';

export interface Prototypes {
  /** Row-major [labels, dimension]: the labels' text embeddings. */
  matrix: Float32Array;
  labels: number;
  dimension: number;
  /** What the user's decisions learned (adaptation.ts): shifts of some labels' scores. */
  shifts?: readonly ScoreShift[];
}

export type PhotoDecisions = (path: string, hash: string, tags: LabelDecision[]) => void;

/** Classifies every photo of `batches`; returns how many there were. */
export async function classifyBatches(
  batches: AsyncIterable<VectorBatch> | Iterable<VectorBatch>,
  prototypes: Prototypes,
  rule: DecisionRule,
  scorer: MatrixScorer,
  onPhoto: PhotoDecisions,
): Promise<number> {
  const { labels, dimension } = prototypes;
  const shifts = prototypes.shifts ?? [];
  // The shifts' directions ride along as extra rows of the same product: one pass over the photos.
  const rows = labels + shifts.length;
  await scorer.load(withDirections(prototypes.matrix, shifts, labels, dimension), rows, dimension);
  let photos = 0;
  const shifted = new Float32Array(labels);
  const consume = (batch: VectorBatch, scores: Float32Array) => {
    for (let i = 0; i < batch.paths.length; i++) {
      const offset = i * rows;
      if (shifts.length === 0) {
        onPhoto(batch.paths[i]!, batch.hashes[i]!, decide(scores, offset, labels, rule));
        continue;
      }
      shifted.set(scores.subarray(offset, offset + labels));
      shifts.forEach((s, r) => (shifted[s.label]! += shiftOf(s, scores[offset + labels + r]!)));
      onPhoto(batch.paths[i]!, batch.hashes[i]!, decide(shifted, 0, labels, rule));
    }
    photos += batch.paths.length;
  };
  let pending: { batch: VectorBatch; scores: Promise<Float32Array> } | null = null;
  try {
    for await (const batch of batches) {
      if (batch.paths.length === 0) continue;
      if (batch.dimension !== dimension) {
        throw new Error(`The library's vectors have dimension ${batch.dimension} but the label embeddings ${dimension}: they come from different models`);
      }
      const next = { batch, scores: scorer.scores(batch.vectors, batch.paths.length) };
      if (pending) consume(pending.batch, await pending.scores);
      pending = next;
    }
    if (pending) consume(pending.batch, await pending.scores);
  } finally {
    // A product still in flight when an error stops the loop must not reject unobserved.
    pending?.scores.catch(() => {});
  }
  return photos;
}

/** The text rows followed by one row per shift's direction. */
function withDirections(matrix: Float32Array, shifts: readonly ScoreShift[], labels: number, dimension: number): Float32Array {
  if (shifts.length === 0) return matrix;
  const out = new Float32Array((labels + shifts.length) * dimension);
  out.set(matrix.subarray(0, labels * dimension));
  shifts.forEach((s, r) => out.set(s.direction, (labels + r) * dimension));
  return out;
}
