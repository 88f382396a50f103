// Which vectors the partitioned similar search compares: each vector lives in the partition of
// its nearest centroid (its home) and also probes the partitions it lies close to.
//
// Why "close" is measured against the bisector: with unit centroids, the home of x is the c
// maximising <x, c>, so the boundary between partitions h and p is the hyperplane
// <x, c_h - c_p> = 0, and x lies (<x, c_h> - <x, c_p>) / |c_h - c_p| from it. Two vectors with
// cosine >= t are at most r = sqrt(2 - 2t) apart; if a's home is p and b's is h, a is on p's
// side of that hyperplane and b on h's, so b is within r of it. Probing every partition whose
// boundary is within r is therefore exact. A near-duplicate's offset is not aimed at one
// boundary, though: in CLIP's hundreds of dimensions its component across any one hyperplane is
// a small fraction of r, so probing within `reach` * r (reach < 1) keeps nearly every pair at a
// fraction of the work, and `maxProbes` bounds the work where many partitions meet.
import type { MatrixScorer } from '../tags/matrix-scorer';
import { matmulTransposed } from '../tags/matmul';
import { argmax, scoreRows } from './kmeans';

export interface ProbeTuning {
  /** Fraction of the pair distance bound r within which a boundary is probed (1: exact). */
  reach: number;
  /** Partitions probed per vector besides its home, at most (the closest boundaries first). */
  maxProbes: number;
}

/** Compressed lists: the items of list i are items[start[i] .. start[i + 1]). */
export interface Lists {
  start: Int32Array;
  items: Int32Array;
}

export interface Partitions {
  k: number;
  home: Int32Array;
  /** Per vector: the partitions it probes besides its home. */
  probes: Lists;
  /** Per partition: the vectors whose home it is, ascending. */
  homes: Lists;
  /** Per partition: the vectors probing it, ascending. */
  probers: Lists;
}

/** Lists 0..k-1 of itemOf(i) for i in 0..count-1, filed under keyOf(i); ascending when itemOf is. */
function listsByKey(k: number, count: number, keyOf: (item: number) => number, itemOf: (item: number) => number): Lists {
  const start = new Int32Array(k + 1);
  for (let i = 0; i < count; i++) start[keyOf(i) + 1]!++;
  for (let c = 0; c < k; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, k);
  const items = new Int32Array(count);
  for (let i = 0; i < count; i++) items[fill[keyOf(i)]!++] = itemOf(i);
  return { start, items };
}

export async function assignPartitions(
  vectors: Float32Array,
  n: number,
  d: number,
  centroids: Float32Array,
  k: number,
  pairDistance: number,
  tuning: ProbeTuning,
  scorer: MatrixScorer,
  signal?: AbortSignal,
  onChunk?: () => void,
): Promise<Partitions> {
  // Distances between unit centroids: |c_h - c_p| = sqrt(2 - 2 <c_h, c_p>).
  const gram = matmulTransposed(centroids, k, centroids, k, d);
  const between = gram.map((g) => Math.sqrt(Math.max(0, 2 - 2 * g)));
  const reach = tuning.reach * pairDistance;
  const home = new Int32Array(n);
  const probeCount = new Int32Array(n);
  const probed = new Int32Array(n * tuning.maxProbes);
  const candidates: { p: number; gap: number }[] = [];
  await scorer.load(centroids, k, d);
  await scoreRows(
    scorer,
    vectors,
    n,
    d,
    (row, scores, offset) => {
      const h = argmax(scores, offset, k);
      home[row] = h;
      const top = scores[offset + h]!;
      candidates.length = 0;
      for (let p = 0; p < k; p++) {
        if (p === h) continue;
        const apart = between[h * k + p]!;
        const gap = (top - scores[offset + p]!) / (apart || 1e-12);
        if (gap <= reach) candidates.push({ p, gap });
      }
      if (candidates.length > tuning.maxProbes) candidates.sort((x, y) => x.gap - y.gap || x.p - y.p).length = tuning.maxProbes;
      candidates.sort((x, y) => x.p - y.p);
      probeCount[row] = candidates.length;
      candidates.forEach((c, j) => (probed[row * tuning.maxProbes + j] = c.p));
    },
    signal,
    onChunk,
  );

  const probeStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) probeStart[i + 1] = probeStart[i]! + probeCount[i]!;
  const probeItems = new Int32Array(probeStart[n]!);
  const prober = new Int32Array(probeStart[n]!);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < probeCount[i]!; j++) {
      probeItems[probeStart[i]! + j] = probed[i * tuning.maxProbes + j]!;
      prober[probeStart[i]! + j] = i;
    }
  }
  return {
    k,
    home,
    probes: { start: probeStart, items: probeItems },
    homes: listsByKey(k, n, (i) => home[i]!, (i) => i),
    probers: listsByKey(k, probeItems.length, (e) => probeItems[e]!, (e) => prober[e]!),
  };
}

/** Whether vector v probes partition p (its probe list is short and sorted). */
export function probes(partitions: Partitions, v: number, p: number): boolean {
  const { start, items } = partitions.probes;
  for (let e = start[v]!; e < start[v + 1]!; e++) if (items[e] === p) return true;
  return false;
}
