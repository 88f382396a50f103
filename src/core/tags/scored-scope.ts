// What a set's last re-score saw, kept in memory so the next decision re-scores only what it
// changes (decision-rescore.ts). Exact, not approximate: a photo's score for label k is
//
//   s_k(x) = x·t_k + Σ (shifts of label k)(x)          (adaptation.ts)
//
// and a decision on label j changes the shifts of label j only (learnShifts reads that label's
// examples alone). So only the column s_j moves; a photo whose s_j comes out bit for bit as
// before decides as before (decide() reads nothing else), and one whose s_j moved is decided
// again from its whole row, as classify.ts would: the softmax and the margin couple its other
// labels to s_j. Which photos moved needs x·direction for the new shifts, so the scope's
// vectors stay here (one small product per decision: photos × 1-2 directions), with the
// labels' text cosines and the shifted rows as classify computed them.
//
// The tags stored for each photo are mirrored (`shown`) as replaceAutoTags keeps them (a
// confidence that moved by 1e-6 or less is not written): a decision writes exactly the photos
// whose stored tags a full re-score would change.
import { shiftOf, type ScoreShift } from './adaptation';
import type { Prototypes } from './classify';
import { matmulTransposed } from './matmul';
import type { MatrixScorer } from './matrix-scorer';
import { decide, type DecisionRule, type LabelDecision } from './zero-shot';

/** A confidence that moved by this much or less is not written again (tags-repository.ts's replaceAuto). */
const SCORE_EPSILON = 1e-6;

interface Chunk {
  /** n×d, the photos' vectors. */
  vectors: Float32Array;
  n: number;
  /** n×labels, the text cosines x·t_k. */
  text: Float32Array;
  /** n×labels, the scores with the shifts, as classify.ts adds them (float32 after each step). */
  rows: Float32Array;
}

/** What one classification run fed its scorer, to build a ScoredScope from. */
export interface ScoreRecording {
  scorer: MatrixScorer;
  /** The batches' vectors and scores, in the order classify consumed them. */
  take(): Promise<{ vectors: Float32Array; n: number; scores: Float32Array }[]>;
}

/** Wraps `inner` to keep what it was asked and answered (vectors copied: the batch may be a view). */
export function recordingScorer(inner: MatrixScorer): ScoreRecording {
  const calls: { vectors: Float32Array; n: number; scores: Promise<Float32Array> }[] = [];
  return {
    scorer: {
      load: (prototypes, l, d) => inner.load(prototypes, l, d),
      scores(photos, n) {
        const scores = inner.scores(photos, n);
        calls.push({ vectors: photos.slice(), n, scores });
        return scores;
      },
      close: () => inner.close(),
    },
    take: async () => Promise.all(calls.map(async (c) => ({ vectors: c.vectors, n: c.n, scores: await c.scores }))),
  };
}

/** Bytes a scope of `photos` would hold (vectors, text cosines and shifted rows). */
export function scopeBytes(photos: number, prototypes: Prototypes): number {
  return 4 * photos * (prototypes.dimension + 2 * prototypes.labels);
}

export class ScoredScope {
  private constructor(
    /** The set's prototypes the stored tags were scored with. */
    private prototypes: Prototypes,
    private readonly chunks: Chunk[],
    /** Each photo's content, in chunk order. */
    readonly hashes: readonly string[],
    /** Each photo's automatic tags as stored. */
    private readonly shown: LabelDecision[][],
  ) {}

  private members: ReadonlySet<string> | undefined;

  /** Whether the content is one of the scope's photos. */
  has(hash: string): boolean {
    this.members ??= new Set(this.hashes);
    return this.members.has(hash);
  }

  /** From a full run: its recording, and the tags it found for each photo, in the same order. */
  static async fromRun(recording: ScoreRecording, prototypes: Prototypes, hashes: readonly string[], found: LabelDecision[][]): Promise<ScoredScope> {
    const { labels } = prototypes;
    const shifts = prototypes.shifts ?? [];
    const width = labels + shifts.length;
    const chunks = (await recording.take()).map(({ vectors, n, scores }): Chunk => {
      const text = new Float32Array(n * labels);
      const rows = new Float32Array(n * labels);
      for (let i = 0; i < n; i++) {
        text.set(scores.subarray(i * width, i * width + labels), i * labels);
        // As classify.ts: the text cosines, then each shift added in turn, in float32.
        const row = rows.subarray(i * labels, (i + 1) * labels);
        row.set(scores.subarray(i * width, i * width + labels));
        shifts.forEach((s, r) => (row[s.label]! += shiftOf(s, scores[i * width + labels + r]!)));
      }
      return { vectors, n, text, rows };
    });
    const total = chunks.reduce((sum, c) => sum + c.n, 0);
    if (total !== hashes.length || found.length !== hashes.length) throw new Error(`scored scope: ${total} rows for ${hashes.length} photos`);
    return new ScoredScope(prototypes, chunks, hashes, found.map((f) => [...f]));
  }

  /**
   * Scores the scope with `next` (the same text prototypes, other shifts) and returns the
   * photos whose stored tags change, with their tags; the scope then holds `next`. Null when
   * `next` is not these prototypes with other shifts: the caller re-scores in full.
   */
  rescore(next: Prototypes, rule: DecisionRule): { hashes: string[]; found: LabelDecision[][] } | null {
    const before = this.prototypes;
    if (!sameText(before, next)) return null;
    const moved = movedLabels(before.shifts ?? [], next.shifts ?? []);
    this.prototypes = next;
    const changed: { hashes: string[]; found: LabelDecision[][] } = { hashes: [], found: [] };
    if (moved.length === 0) return changed;
    const { labels, dimension } = next;
    // The moved labels' shifts, in prototype order (the order classify adds them in), as
    // rows of one product padded to 4 (matmul.ts's register tile: ~4x a dot at a time).
    const shifts = (next.shifts ?? []).filter((s) => moved.includes(s.label));
    const width = Math.max(4, Math.ceil(shifts.length / 4) * 4);
    const directions = new Float32Array(width * dimension);
    shifts.forEach((s, r) => directions.set(s.direction, r * dimension));
    const rowsOf = moved.map((label) => shifts.flatMap((s, r) => (s.label === label ? [r] : [])));
    // float32 after each step, as classify's Float32Array row.
    const fresh = new Float32Array(moved.length);
    let photo = 0;
    for (const chunk of this.chunks) {
      const projections = matmulTransposed(chunk.vectors, chunk.n, directions, width, dimension);
      for (let i = 0; i < chunk.n; i++, photo++) {
        const offset = i * labels;
        let same = true;
        for (let q = 0; q < moved.length; q++) {
          fresh[q] = chunk.text[offset + moved[q]!]!;
          for (const r of rowsOf[q]!) fresh[q]! += shiftOf(shifts[r]!, projections[i * width + r]!);
          if (fresh[q] !== chunk.rows[offset + moved[q]!]) same = false;
        }
        if (same) continue;
        for (let q = 0; q < moved.length; q++) chunk.rows[offset + moved[q]!] = fresh[q]!;
        const found = decide(chunk.rows, offset, labels, rule);
        const kept = asStored(this.shown[photo]!, found);
        if (kept === null) continue;
        this.shown[photo] = kept;
        changed.hashes.push(this.hashes[photo]!);
        changed.found.push(found);
      }
    }
    return changed;
  }
}

/**
 * The photo's tags as they will be stored after writing `found` over `stored` (replaceAutoTags
 * keeps a confidence that moved by SCORE_EPSILON or less), or null when nothing is written.
 */
function asStored(stored: readonly LabelDecision[], found: readonly LabelDecision[]): LabelDecision[] | null {
  const old = new Map(stored.map((t) => [t.label, t]));
  let writes = found.length !== stored.length;
  const kept = found.map((t) => {
    const was = old.get(t.label);
    if (was && Math.abs(was.confidence - t.confidence) <= SCORE_EPSILON) return was;
    writes = true;
    return t;
  });
  return writes ? kept : null;
}

function sameText(a: Prototypes, b: Prototypes): boolean {
  if (a.labels !== b.labels || a.dimension !== b.dimension) return false;
  if (a.matrix === b.matrix) return true;
  return a.matrix.length === b.matrix.length && a.matrix.every((x, i) => x === b.matrix[i]);
}

/** The labels whose shifts differ between `a` and `b` (any field, any element). */
function movedLabels(a: readonly ScoreShift[], b: readonly ScoreShift[]): number[] {
  const byLabel = (shifts: readonly ScoreShift[]) => {
    const map = new Map<number, ScoreShift[]>();
    for (const s of shifts) map.set(s.label, [...(map.get(s.label) ?? []), s]);
    return map;
  };
  const before = byLabel(a);
  const after = byLabel(b);
  const labels = new Set([...before.keys(), ...after.keys()]);
  return [...labels].filter((label) => !sameShifts(before.get(label) ?? [], after.get(label) ?? []));
}

function sameShifts(a: readonly ScoreShift[], b: readonly ScoreShift[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => {
      const t = b[i]!;
      return s.sign === t.sign && s.weight === t.weight && s.cap === t.cap && s.direction.length === t.direction.length && s.direction.every((x, k) => x === t.direction[k]);
    })
  );
}
