// Learning from the user's accept/reject decisions (Rocchio relevance feedback, as in
// Tip-Adapter's training-free few-shot CLIP): a label's prototype moves towards the photos
// accepted for it and away from the photos rejected for it,
//
//   p = ALPHA * t + BETA * (mean(accepted) - mu) - GAMMA * (mean(rejected) - mu)
//
// with t the label's text embedding and mu the mean image embedding of the library.
// Centring on mu matters: CLIP's image embeddings share a common direction that text
// embeddings lack (the "modality gap"), so an uncentred mean of accepted photos would raise
// the label's score on every photo and tag everything with it. Centred, the example terms
// add nothing for a typical photo and only lift (or lower) photos that look like the
// examples. p is not renormalised for the same reason: its text part stays on the scale of
// the set's other, unadapted labels, so the softmax between them stays fair.
import { meanOf } from './label-embeddings';

export const ALPHA = 1;
export const BETA = 1;
export const GAMMA = 0.5;

export interface LabelExamples {
  accepted: Float32Array[];
  rejected: Float32Array[];
}

/** The adapted prototype of one label; the text embedding itself when there are no examples. */
export function adaptPrototype(text: Float32Array, examples: LabelExamples, centre: Float32Array): Float32Array {
  const d = text.length;
  const out = new Float32Array(d);
  for (let k = 0; k < d; k++) out[k] = ALPHA * text[k]!;
  const terms: [Float32Array[], number][] = [
    [examples.accepted, BETA],
    [examples.rejected, -GAMMA],
  ];
  for (const [vectors, weight] of terms) {
    if (vectors.length === 0) continue;
    const mean = meanOf(vectors, d);
    for (let k = 0; k < d; k++) out[k]! += weight * (mean[k]! - centre[k]!);
  }
  return out;
}
