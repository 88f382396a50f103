// The decision rule for zero-shot tags. For a photo x and a set's label prototypes t_1..t_L
// (cosines s_j = x·t_j):
//
//   confidence_j = softmax_j(100 · s)                     (CLIP's logit scale, over the set)
//   tag j  iff  confidence_j >= threshold
//          and  s_j - mean_{k≠j} s_k >= margin
//
// The softmax makes the confidence comparable across models and sets (CLIP's own zero-shot
// classifier); a threshold below 0.5 lets a photo carry two labels that fit it about equally
// (beach and sunset). The softmax alone cannot say "none of these": it always hands out the
// whole probability, so a label must also stand out from the rest of its set by `margin`
// in cosine: a photo that fits no label has all cosines close together and gets no tag.
// The confidence is what is stored and printed with every tag.

export const LOGIT_SCALE = 100;
const SKIP_LOGITS = 20;

export interface DecisionRule {
  threshold: number;
  margin: number;
}

export interface LabelDecision {
  /** Index of the label in the set. */
  label: number;
  confidence: number;
  cosine: number;
}

/** Tags of the photo whose cosines are scores[offset .. offset+l), best first. */
export function decide(scores: Float32Array, offset: number, l: number, rule: DecisionRule): LabelDecision[] {
  let max = -Infinity;
  let rowSum = 0;
  for (let j = 0; j < l; j++) {
    const s = scores[offset + j]!;
    rowSum += s;
    if (s > max) max = s;
  }
  // Labels more than 20 logits below the best add under 2e-9 of its weight each: skipped,
  // which saves most of the exp() calls on large sets.
  const floor = max - SKIP_LOGITS / LOGIT_SCALE;
  let expSum = 0;
  for (let j = 0; j < l; j++) {
    const s = scores[offset + j]!;
    if (s > floor) expSum += Math.exp(LOGIT_SCALE * (s - max));
  }
  // confidence >= threshold  <=>  s >= max + ln(threshold * expSum) / scale: one compare per label.
  const cutoff = rule.threshold > 0 ? max + Math.log(rule.threshold * expSum) / LOGIT_SCALE : -Infinity;
  const tags: LabelDecision[] = [];
  for (let j = 0; j < l; j++) {
    const s = scores[offset + j]!;
    if (s < cutoff - 1e-12) continue;
    const othersMean = l > 1 ? (rowSum - s) / (l - 1) : 0;
    if (s - othersMean < rule.margin) continue;
    const confidence = Math.exp(LOGIT_SCALE * (s - max)) / expSum;
    if (confidence < rule.threshold) continue;
    tags.push({ label: j, confidence, cosine: s });
  }
  return tags.sort((x, y) => y.confidence - x.confidence || x.label - y.label);
}
