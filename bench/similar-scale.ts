// Similar-duplicates search (`dupes --mode similar`) at library scale, on synthetic CLIP-like
// embeddings with planted bursts and recurring subjects (bench/similar-vectors.ts), 512
// dimensions, threshold 0.93: the time of the search `similarPairs` runs at n photos (the
// partitioned one from 20k up), and its recall against the exact all-pairs answer where that
// is quick to compute (20k), on a family-like library and on a subject-heavy one (the hard
// case: many pairs cut by partition boundaries). Target: well under 30 s at 100k.
// Standalone: `npx tsx bench/similar-scale.ts [n] [--exact-at-scale]` prints a table and one
// JSON line; --exact-at-scale also runs all pairs at n (minutes at 100k) for recall there.
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SIMILAR_THRESHOLD } from '../src/core/dupes/find-duplicates';
import { PARTITION_MIN_VECTORS, similarPairs } from '../src/core/dupes/similar';
import { allSimilarPairs } from '../src/core/dupes/similar-all-pairs';
import { partitionedSimilarPairs, type PartitionStats } from '../src/core/dupes/similar-partitioned';
import { UnionFind } from '../src/core/dupes/union-find';
import { FAMILY_LIBRARY, similarLibrary, SUBJECT_HEAVY_LIBRARY, type SimilarLibrary, type SimilarLibraryShape } from './similar-vectors';
import { measure, printTable, round } from './stats';

/** Where all pairs are still quick (seconds), so recall can be measured against them. */
const RECALL_PHOTOS = 20_000;

export interface RecallFigure {
  photos: number;
  exactPairs: number;
  exactSeconds: number;
  partitionedSeconds: number;
  /** Exact pairs the partitioned search reports. */
  recall: number;
  /** Exact pairs whose two photos end up in one group anyway (through other pairs). */
  groupedRecall: number;
}

export interface SimilarScaleFigures {
  photos: number;
  cores: number;
  threshold: number;
  /** similarPairs at `photos`, as the scan runs it: wall time, and CPU time of all threads (steadier on a shared machine). */
  seconds: number;
  cpuSeconds: number;
  pairs: number;
  stats: PartitionStats | null;
  family: RecallFigure;
  subjectHeavy: RecallFigure;
  /** All pairs at `photos` too, when asked for (--exact-at-scale). */
  atScale: RecallFigure | null;
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** Pairs as i * n + j (exact in a double up to n ~ 9e7). */
async function search(lib: SimilarLibrary, threshold: number, partitioned: boolean, onStats?: (s: PartitionStats) => void): Promise<{ pairs: Set<number>; seconds: number }> {
  const pairs = new Set<number>();
  const sink = (i: number, j: number) => void pairs.add(i * lib.n + j);
  const seconds = await timed(() =>
    partitioned ? partitionedSimilarPairs(lib.vectors, lib.n, lib.dimension, threshold, sink, onStats ? { onStats } : {}) : allSimilarPairs(lib.vectors, lib.n, lib.dimension, threshold, sink),
  );
  return { pairs, seconds };
}

async function recallOn(lib: SimilarLibrary, threshold: number): Promise<RecallFigure> {
  const exact = await search(lib, threshold, false);
  const found = await search(lib, threshold, true);
  const groups = new UnionFind(lib.n);
  for (const p of found.pairs) groups.union(Math.floor(p / lib.n), p % lib.n);
  let hits = 0;
  let grouped = 0;
  for (const p of exact.pairs) {
    if (found.pairs.has(p)) hits++;
    if (groups.find(Math.floor(p / lib.n)) === groups.find(p % lib.n)) grouped++;
  }
  const total = exact.pairs.size || 1;
  return { photos: lib.n, exactPairs: exact.pairs.size, exactSeconds: exact.seconds, partitionedSeconds: found.seconds, recall: hits / total, groupedRecall: grouped / total };
}

export async function similarScale(n = 100_000, options: { exactAtScale?: boolean } = {}): Promise<SimilarScaleFigures> {
  const threshold = DEFAULT_SIMILAR_THRESHOLD;
  const recallPhotos = Math.min(n, RECALL_PHOTOS);
  const library = (photos: number, shape: SimilarLibraryShape) => similarLibrary(photos, shape);
  const family = await recallOn(library(recallPhotos, FAMILY_LIBRARY), threshold);
  const subjectHeavy = await recallOn(library(recallPhotos, SUBJECT_HEAVY_LIBRARY), threshold);

  const lib = library(n, FAMILY_LIBRARY);
  let stats: PartitionStats | null = null;
  let pairs = 0;
  const sink = () => void pairs++;
  // What the scan runs (similarPairs picks the search by size), with the partitioned search's stats.
  const { wall: seconds, cpu: cpuSeconds } = await measure(() =>
    n >= PARTITION_MIN_VECTORS
      ? partitionedSimilarPairs(lib.vectors, lib.n, lib.dimension, threshold, sink, { onStats: (s) => (stats = s) })
      : similarPairs(lib.vectors, lib.n, lib.dimension, threshold, sink),
  );
  const atScale = options.exactAtScale ? await recallOn(lib, threshold) : null;
  return { photos: n, cores: os.availableParallelism(), threshold, seconds, cpuSeconds, pairs, stats, family, subjectHeavy, atScale };
}

function recallRow(label: string, r: RecallFigure): [string, string, string] {
  return [
    `${label}, ${r.photos} photos: recall / grouped`,
    `${r.recall.toFixed(4)} / ${r.groupedRecall.toFixed(4)}`,
    `of ${r.exactPairs} exact pairs; all pairs ${r.exactSeconds.toFixed(1)} s, partitioned ${r.partitionedSeconds.toFixed(1)} s`,
  ];
}

export function similarScaleRows(f: SimilarScaleFigures): [string, string, string?][] {
  const s = f.stats;
  return [
    [`similar search, ${f.photos} photos (cosine >= ${f.threshold})`, `${f.seconds.toFixed(1)} s`, `target well under 30 s at 100k; ${f.pairs} pairs; ${f.cpuSeconds.toFixed(1)} CPU s`],
    ...(s ? [['  partitions / probes / pairs scored per photo', `${s.partitions} / ${s.probesPerVector.toFixed(2)} / ${s.candidatesPerVector.toFixed(0)}`, `largest partition ${s.largestPartition}; all pairs: ${((f.photos - 1) / 2).toFixed(0)}`] as [string, string, string]] : []),
    recallRow('  vs all pairs, family-like', f.family),
    recallRow('  vs all pairs, subject-heavy', f.subjectHeavy),
    ...(f.atScale ? [recallRow('  vs all pairs, family-like', f.atScale)] : []),
  ];
}

export function printSimilarScale(f: SimilarScaleFigures): void {
  printTable(`Similar-duplicates search at scale, ${f.photos} photos, ${f.cores} cores`, similarScaleRows(f));
}

export function similarScaleJson(f: SimilarScaleFigures): Record<string, number> {
  return {
    similar_photos: f.photos,
    similar_s: round(f.seconds),
    similar_cpu_s: round(f.cpuSeconds),
    similar_recall: round(f.family.recall, 4),
    similar_recall_subject_heavy: round(f.subjectHeavy.recall, 4),
    similar_recall_photos: f.family.photos,
    similar_all_pairs_s_at_recall_photos: round(f.family.exactSeconds),
    ...(f.atScale ? { similar_recall_at_scale: round(f.atScale.recall, 4), similar_all_pairs_s: round(f.atScale.exactSeconds) } : {}),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 100_000);
  const figures = await similarScale(n, { exactAtScale: process.argv.includes('--exact-at-scale') });
  printSimilarScale(figures);
  console.log(JSON.stringify({ bench: 'shoebox-similar', ...similarScaleJson(figures) }));
}
