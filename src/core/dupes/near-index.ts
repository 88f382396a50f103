// Finding near-duplicate pairs among n signatures without comparing all n^2 pairs.
//
// Candidates: multi-index hashing on the 64-bit `low` hashes. Every view of every content is
// filed under each of its four 16-bit chunks; each content's view 0 (its whole centred
// square) then probes the four tables at its own chunk values and at every value one bit
// away. Any view within Hamming distance 7 of the query shares some chunk up to one bit
// (pigeonhole), and most within 8-14 do too; the transitive grouping forgives the rest (one
// found pair out of a photo's many versions is enough to join its group). A probe costs a
// few dozen bucket reads, so the search is ~n * 68 buckets, not n^2.
//
// Verification: a candidate pairs the query's view 0 with view k of the other content, the
// one showing more of the picture. True versions of one picture then also agree view by
// view below it (query view t ~ other view k + t); their `mid` hashes (finer detail) are
// compared along that diagonal for 4 views, at k and k +- 1 (scale steps are 5%), and the
// mean agreement, 1 - 2 * Hamming / 192, must reach NEAR_MATCH_THRESHOLD. Unrelated photos
// score about 0; on the tuning set (160 imagenet photos with their edits, and the strecha
// frames) consecutive frames of one scene from another viewpoint scored at most 0.47, and
// 99.5% of the pairs of edited versions of one picture above 0.68.
import { SIGNATURE_WORDS, VIEW_COUNT, VIEW_WORDS } from './signature';
import type { UnionFind } from './union-find';

/** Largest `low` Hamming distance (of 64) worth verifying: true versions measured <= 12. */
export const NEAR_CANDIDATE_DISTANCE = 14;
/** Verification score needed to call two contents the same picture (tuned on held-in photos). */
export const NEAR_MATCH_THRESHOLD = 0.58;
const VERIFY_VIEWS = 4;
const MID_WORDS = VIEW_WORDS - 2;
const MID_BITS = MID_WORDS * 32;
const CHUNKS = 4;
const CHUNK_BITS = 16;
const BUCKETS = 1 << CHUNK_BITS;

export interface NearLinkOptions {
  candidateDistance?: number;
  threshold?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Whether contents i and j may be joined at all (comparable.ts); default: any two. */
  accept?: (i: number, j: number) => boolean;
}

export interface NearLinkStats {
  /** Bucket entries read (one per probe of a view). */
  probed: number;
  /** Content pairs verified. */
  verified: number;
  /** Pairs that passed and joined two groups. */
  links: number;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Chunk c of view k of content i: bits 16c..16c+15 of its `low` hash. */
function chunkOf(words: Uint32Array, i: number, k: number, c: number): number {
  const w = words[i * SIGNATURE_WORDS + k * VIEW_WORDS + (c >> 1)]!;
  return (c & 1 ? w >>> 16 : w) & 0xffff;
}

/**
 * One table per chunk, as compressed rows: bucket b holds entries start[b]..start[b+1], each
 * an (content * VIEW_COUNT + view) id and a copy of that view's 64-bit `low` hash, so that
 * scanning a bucket reads memory in sequence instead of jumping into every signature.
 */
interface ChunkTable {
  start: Uint32Array;
  ids: Uint32Array;
  /** Two words per entry. */
  low: Uint32Array;
}

function buildTables(words: Uint32Array, n: number): ChunkTable[] {
  const tables: ChunkTable[] = [];
  for (let c = 0; c < CHUNKS; c++) {
    const start = new Uint32Array(BUCKETS + 1);
    for (let i = 0; i < n; i++) for (let k = 0; k < VIEW_COUNT; k++) start[chunkOf(words, i, k, c) + 1]!++;
    for (let b = 0; b < BUCKETS; b++) start[b + 1]! += start[b]!;
    const fill = start.slice(0, BUCKETS);
    const ids = new Uint32Array(n * VIEW_COUNT);
    const low = new Uint32Array(n * VIEW_COUNT * 2);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < VIEW_COUNT; k++) {
        const e = fill[chunkOf(words, i, k, c)]!++;
        const base = i * SIGNATURE_WORDS + k * VIEW_WORDS;
        ids[e] = i * VIEW_COUNT + k;
        low[2 * e] = words[base]!;
        low[2 * e + 1] = words[base + 1]!;
      }
    }
    tables.push({ start, ids, low });
  }
  return tables;
}

/**
 * Mean `mid` agreement of view k + t of `big` with view t of `small` for t < 4, best over
 * k - 1, k, k + 1: in [-1, 1], ~0 for unrelated pictures.
 */
export function verifyScore(words: Uint32Array, big: number, small: number, k: number): number {
  let best = -1;
  for (let kk = Math.max(0, k - 1); kk <= Math.min(VIEW_COUNT - 1, k + 1); kk++) {
    let sum = 0;
    let views = 0;
    for (let t = 0; t < VERIFY_VIEWS && kk + t < VIEW_COUNT; t++) {
      const a = big * SIGNATURE_WORDS + (kk + t) * VIEW_WORDS + 2;
      const b = small * SIGNATURE_WORDS + t * VIEW_WORDS + 2;
      let d = 0;
      for (let w = 0; w < MID_WORDS; w++) d += popcount(words[a + w]! ^ words[b + w]!);
      sum += 1 - (2 * d) / MID_BITS;
      views++;
    }
    best = Math.max(best, sum / views);
  }
  return best;
}

/**
 * Joins, in `groups`, every two of the n contents whose signatures (`words`, SIGNATURE_WORDS
 * per content) show the same picture. Yields to the event loop now and then; honours `signal`.
 */
export async function linkNearDuplicates(words: Uint32Array, n: number, groups: UnionFind, options: NearLinkOptions = {}): Promise<NearLinkStats> {
  const candidateDistance = options.candidateDistance ?? NEAR_CANDIDATE_DISTANCE;
  const threshold = options.threshold ?? NEAR_MATCH_THRESHOLD;
  const stats: NearLinkStats = { probed: 0, verified: 0, links: 0 };
  if (n < 2) return stats;
  const tables = buildTables(words, n);
  // Per query: the closest view of each content met (stamp says "met during query i").
  const stamp = new Int32Array(n).fill(-1);
  const bestDistance = new Uint8Array(n);
  const bestView = new Uint8Array(n);
  const met: number[] = [];
  let lastYield = performance.now();
  for (let i = 0; i < n; i++) {
    const q0 = words[i * SIGNATURE_WORDS]!;
    const q1 = words[i * SIGNATURE_WORDS + 1]!;
    met.length = 0;
    let probed = 0;
    for (let c = 0; c < CHUNKS; c++) {
      const { start, ids, low } = tables[c]!;
      const key = chunkOf(words, i, 0, c);
      for (let flip = -1; flip < CHUNK_BITS; flip++) {
        const probe = flip < 0 ? key : key ^ (1 << flip);
        const end = start[probe + 1]!;
        probed += end - start[probe]!;
        for (let e = start[probe]!; e < end; e++) {
          const d = popcount(q0 ^ low[2 * e]!) + popcount(q1 ^ low[2 * e + 1]!);
          if (d > candidateDistance) continue;
          const entry = ids[e]!;
          const j = (entry / VIEW_COUNT) | 0;
          if (j === i) continue;
          const k = entry - j * VIEW_COUNT;
          if (stamp[j] !== i) {
            stamp[j] = i;
            bestDistance[j] = d;
            bestView[j] = k;
            met.push(j);
          } else if (d < bestDistance[j]!) {
            bestDistance[j] = d;
            bestView[j] = k;
          }
        }
      }
    }
    stats.probed += probed;
    for (const j of met) {
      if (groups.find(i) === groups.find(j) || options.accept?.(i, j) === false) continue;
      stats.verified++;
      if (verifyScore(words, j, i, bestView[j]!) >= threshold && groups.union(i, j)) stats.links++;
    }
    if ((i & 255) === 255 && performance.now() - lastYield > 50) {
      options.onProgress?.(i + 1, n);
      await new Promise((resolve) => setImmediate(resolve));
      options.signal?.throwIfAborted();
      lastYield = performance.now();
    }
  }
  options.onProgress?.(n, n);
  return stats;
}
