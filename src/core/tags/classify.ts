// Tagging as matrix work: photo vectors arrive in batches (rows of one flat Float32Array),
// each batch is multiplied by the set's prototype matrix in one product, and the decision
// rule runs over the rows of the result. While the main thread decides one batch, the
// scorer (a worker for large jobs) already multiplies the next.
import type { VectorBatch } from '../store/types';
import type { MatrixScorer } from './matrix-scorer';
import { decide, type DecisionRule, type LabelDecision } from './zero-shot';

export interface Prototypes {
  /** Row-major [labels, dimension]. */
  matrix: Float32Array;
  labels: number;
  dimension: number;
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
  await scorer.load(prototypes.matrix, labels, dimension);
  let photos = 0;
  const consume = (batch: VectorBatch, scores: Float32Array) => {
    for (let i = 0; i < batch.paths.length; i++) onPhoto(batch.paths[i]!, batch.hashes[i]!, decide(scores, i * labels, labels, rule));
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
