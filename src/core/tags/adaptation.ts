// Learning from the user's accept/reject decisions, conservatively. A label keeps its text
// embedding t as its prototype (its anchor: the decisions never replace it), and the decisions
// add a bounded shift to its score on photos that look like the decided ones:
//
//   s_j(x) = x·t_j + min(max(β·x·â, 0), β·max_a a·â) − min(max(γ·x·r̂, 0), γ·max_r r·r̂)
//
// with â = normalise(mean(accepted) − μ) and r̂ = normalise(mean(rejected) − μ) (Rocchio's
// directions, centred on the library's mean photo μ: CLIP's image embeddings share a common
// direction that text embeddings lack, the "modality gap", so an uncentred mean would raise
// the label's score on every photo). β is the smallest lift that gives every accepted photo
// the label by the set's rule as far as the two nearest terms go (it beats the best other
// label by LEARNING_STEP and the others' mean by the set's margin; the confidence threshold is
// not aimed at, so with many labels scoring alike it may stay under it), γ the smallest drop
// that takes it from every rejected photo, measured on its score as the lift left it (a photo
// that got the label only from the accepted ones is taken back from there); each is capped by
// a weight that grows with the number of examples (1 example: 1/3, 2: 1/2, many: towards BETA
// or GAMMA).
//
// Why so, and not `p = t + 1.0·(mean(accepted) − μ) − 0.5·(mean(rejected) − μ)` as before:
// that prototype's example term was as long as the text embedding itself (|mean − μ| is about
// 1 on the tiny colour model, 0.6 on CLIP) and unrelated to how far apart the set's labels
// score (0.5 in cosine on the tiny model, a few hundredths on CLIP), so two accepted orange
// photos lifted "red" by ~0.9 on every yellow photo, past yellow's own text by 0.3: "red"
// won them all at confidence 1.00. Fitted to the examples' own gap and clamped to the lift
// the examples got, a photo gets at most what the accepted photos needed: one that is
// further from the label (relative to another label's text) than every accepted photo was
// keeps its tag, while photos like the examples cross the boundary with them. Accepting
// never lowers a label anywhere and rejecting never raises one (both shifts are ≥ 0).
import { LOGIT_SCALE, type DecisionRule } from './zero-shot';
import { meanOf } from './label-embeddings';

/** The most an accepted example's direction may weigh, however many there are (the old Rocchio β). */
export const BETA = 1;
/** The most a rejected example's direction may weigh (the old Rocchio γ). */
export const GAMMA = 0.5;
/** Examples worth of prior trust in the text: the cap is BETA·n/(n + PRIOR_EXAMPLES). */
export const PRIOR_EXAMPLES = 2;
/** How far past the boundary the fitted shift puts the examples: 2 logits at CLIP's scale (~88% against one rival). */
export const LEARNING_STEP = 2 / LOGIT_SCALE;

export interface LabelExamples {
  accepted: Float32Array[];
  rejected: Float32Array[];
}

/** A learned shift of one label's score: sign · min(max(weight · x·direction, 0), cap). */
export interface ScoreShift {
  label: number;
  /** Unit vector (a centred mean of decided photos). */
  direction: Float32Array;
  weight: number;
  /** The shift the decided photos themselves got: no photo gets more. */
  cap: number;
  sign: 1 | -1;
}

/** The text prototypes of a set: row-major [labels, dimension]. */
export interface TextRows {
  matrix: Float32Array;
  labels: number;
  dimension: number;
}

/** The shifts the decisions on label `label` make (none, one or two). */
export function learnShifts(text: TextRows, label: number, examples: LabelExamples, centre: Float32Array, rule: DecisionRule): ScoreShift[] {
  const shifts: ScoreShift[] = [];
  const lift = fit(text, label, examples.accepted, centre, BETA, (a) => {
    // Enough for the accepted photo to get the label: above the best rival, and the others' mean by the margin.
    const { own, best, mean } = scoresOf(text, label, a);
    return Math.max(best - own + LEARNING_STEP, mean + rule.margin - own);
  });
  if (lift) shifts.push({ label, ...lift, sign: 1 });
  const drop = fit(text, label, examples.rejected, centre, GAMMA, (r) => {
    // Enough for the rejected photo to lose it: below the best rival, or under the margin
    // (whichever is less), measured on its score as the lift left it: a photo that got the
    // label only from the accepted ones must be taken back from that, not from its text score
    // (else rejecting what learning over-reached does nothing).
    const scores = scoresOf(text, label, r);
    const own = scores.own + (lift ? shiftOf({ ...lift, sign: 1 }, dot(r, lift.direction, 0, text.dimension)) : 0);
    return Math.min(own - scores.best + LEARNING_STEP, own - scores.mean - rule.margin + LEARNING_STEP);
  });
  if (drop) shifts.push({ label, ...drop, sign: -1 });
  return shifts;
}

/** What a shift adds to its label's score on a photo whose cosine to its direction is `projection`. */
export function shiftOf(shift: Pick<ScoreShift, 'weight' | 'cap' | 'sign'>, projection: number): number {
  return shift.sign * Math.min(Math.max(shift.weight * projection, 0), shift.cap);
}

function fit(text: TextRows, label: number, examples: readonly Float32Array[], centre: Float32Array, most: number, need: (x: Float32Array) => number): Omit<ScoreShift, 'label' | 'sign'> | null {
  if (examples.length === 0) return null;
  const direction = centred(examples, centre, text.dimension);
  if (!direction) return null;
  let weight = 0;
  let reach = 0;
  for (const x of examples) {
    const projection = dot(x, direction, 0, text.dimension);
    if (projection <= 0) continue; // the direction cannot move this one; the others decide
    weight = Math.max(weight, need(x) / projection);
    reach = Math.max(reach, projection);
  }
  weight = Math.min(weight, (most * examples.length) / (examples.length + PRIOR_EXAMPLES));
  return weight > 0 ? { direction, weight, cap: weight * reach } : null;
}

/** normalise(mean(examples) − centre), or null when they sit on the centre. */
function centred(examples: readonly Float32Array[], centre: Float32Array, d: number): Float32Array | null {
  const mean = meanOf(examples, d);
  let norm = 0;
  for (let k = 0; k < d; k++) {
    mean[k]! -= centre[k]!;
    norm += mean[k]! * mean[k]!;
  }
  norm = Math.sqrt(norm);
  if (norm < 1e-6) return null;
  for (let k = 0; k < d; k++) mean[k]! /= norm;
  return mean;
}

/** x's cosine to the label's text, to its best rival's, and the mean of the others' (as zero-shot.ts's margin reads it). */
function scoresOf(text: TextRows, label: number, x: Float32Array): { own: number; best: number; mean: number } {
  const { labels, dimension } = text;
  let best = -Infinity;
  let sum = 0;
  for (let k = 0; k < labels; k++) {
    if (k === label) continue;
    const s = dot(x, text.matrix, k * dimension, dimension);
    best = Math.max(best, s);
    sum += s;
  }
  return { own: dot(x, text.matrix, label * dimension, dimension), best: labels > 1 ? best : -Infinity, mean: labels > 1 ? sum / (labels - 1) : 0 };
}

function dot(x: Float32Array, matrix: Float32Array, offset: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += x[k]! * matrix[offset + k]!;
  return s;
}
