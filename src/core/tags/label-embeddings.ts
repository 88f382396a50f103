// Text embeddings of a label set's labels: label i's row is
//   normalise(mean_t normalise(E(template_t(name))) [+ mean_p normalise(E(prompt_p))])
// i.e. the template ensemble and the label's own prompts count as one group each.
import { normalise } from '../clip/vectors';
import type { LabelSet } from './label-set';
import { labelPrompts } from './prompts';

/** What is needed of the CLIP model (ClipModel.embedTexts; normalised embeddings). */
export interface TextEmbedder {
  embedTexts(texts: readonly string[]): Promise<{ embedding: Float32Array }[]>;
}

/** Texts per request to the text model: bounds the memory of one inference run. */
const TEXT_BATCH = 256;

/** Row-major [labels, dimension] matrix of unit vectors, in the set's label order. */
export async function labelTextEmbeddings(model: TextEmbedder, set: LabelSet): Promise<{ matrix: Float32Array; dimension: number }> {
  const groups = set.labels.map((label) => labelPrompts(label, set));
  const texts = [...new Set(groups.flatMap((g) => [...g.templated, ...g.own]))];
  const embedded = new Map<string, Float32Array>();
  for (let i = 0; i < texts.length; i += TEXT_BATCH) {
    const chunk = texts.slice(i, i + TEXT_BATCH);
    const out = await model.embedTexts(chunk);
    chunk.forEach((text, j) => embedded.set(text, out[j]!.embedding));
  }
  const dimension = embedded.values().next().value!.length;
  const matrix = new Float32Array(set.labels.length * dimension);
  groups.forEach((group, i) => {
    const sum = new Float32Array(dimension);
    for (const texts of [group.templated, group.own]) {
      if (texts.length === 0) continue;
      const mean = meanOf(texts.map((t) => embedded.get(t)!), dimension);
      const unit = normalise(mean);
      for (let k = 0; k < dimension; k++) sum[k]! += unit[k]!;
    }
    matrix.set(normalise(sum), i * dimension);
  });
  return { matrix, dimension };
}

export function meanOf(vectors: readonly Float32Array[], dimension: number): Float32Array {
  const mean = new Float32Array(dimension);
  for (const v of vectors) for (let k = 0; k < dimension; k++) mean[k]! += v[k]!;
  if (vectors.length) for (let k = 0; k < dimension; k++) mean[k]! /= vectors.length;
  return mean;
}
