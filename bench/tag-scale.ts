// Tagging at library scale as matrix work: N photo vectors (synthetic, unit, 512-d) against
// one label set of L labels, through the same code the library runs (classify.ts: batches of
// 4096 photos, one matrix product each on ONNX Runtime in a worker, the decision rule over
// the rows on the main thread, overlapped). Photos lean towards one label each (cosine ~0.3,
// as CLIP image-text pairs do), so the decision rule does real work. Also timed: the plain
// JavaScript kernel on a slice (the path for small jobs), and writing the resulting tags
// into a library (replaceAutoTags: one merge commit), and one tag decision on a library of
// 10k and 100k tagged photos (tag-decision-scale.ts: the decision re-scores the set's
// suggestions; BENCH_TAG_DECISION_SIZES=10000 limits it, 0 skips it).
// Standalone: `npx tsx bench/tag-scale.ts [photos] [labels]` prints a table and one JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { classifyBatches } from '../src/core/tags/classify';
import { jsScorer, onnxScorer } from '../src/core/tags/matrix-scorer';
import { openLibraryStore } from '../src/core/store';
import type { TagRecord, VectorBatch } from '../src/core/store/types';
import { peakRssMb, printTable, round } from './stats';
import { rng } from '../test/helpers/seeded-random';
import { tagDecisionJson, tagDecisionRows, tagDecisionScale, type TagDecisionFigures } from './tag-decision-scale';

const DIMENSION = 512;
const BATCH = 4096;
const RULE = { threshold: 0.3, margin: 0.05 };

export interface TagScaleFigures {
  photos: number;
  labels: number;
  dimension: number;
  /** Wall seconds for every photo against every label, decisions included (ONNX Runtime path). */
  seconds: number;
  photosPerSecond: number;
  gflops: number;
  /** The same work in plain JavaScript, extrapolated from a slice. */
  jsSecondsEstimate: number;
  tagsPerPhoto: number;
  /** Share of photos whose top tag is the label they were made to lean towards. */
  accuracy: number;
  writeTagsSeconds: number;
  /** One accept/reject on a library of N tagged photos, per N. */
  decisions: TagDecisionFigures[];
  peakRssMb: number;
}

function normaliseRows(m: Float32Array, d: number): void {
  for (let o = 0; o < m.length; o += d) {
    let s = 0;
    for (let k = 0; k < d; k++) s += m[o + k]! * m[o + k]!;
    const inv = 1 / Math.sqrt(s);
    for (let k = 0; k < d; k++) m[o + k]! *= inv;
  }
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
}

/** Label prototypes, and photo batches generated on the fly (photo i leans towards label i % L). */
function synthetic(photos: number, labels: number) {
  const rand = rng(7);
  const prototypes = Float32Array.from({ length: labels * DIMENSION }, () => gaussian(rand));
  normaliseRows(prototypes, DIMENSION);
  const noiseScale = 1 / Math.sqrt(DIMENSION);
  function* batches(count = photos): Generator<VectorBatch> {
    for (let start = 0; start < count; start += BATCH) {
      const n = Math.min(BATCH, count - start);
      const vectors = new Float32Array(n * DIMENSION);
      for (let i = 0; i < n; i++) {
        const label = (start + i) % labels;
        for (let k = 0; k < DIMENSION; k++) vectors[i * DIMENSION + k] = 0.32 * prototypes[label * DIMENSION + k]! + noiseScale * gaussian(rand);
      }
      normaliseRows(vectors, DIMENSION);
      const ids = Array.from({ length: n }, (_, i) => String(start + i));
      yield { paths: ids, hashes: ids, dimension: DIMENSION, vectors };
    }
  }
  return { prototypes: { matrix: prototypes, labels, dimension: DIMENSION }, batches };
}

export async function tagScale(photos = 100_000, labels = 1_000): Promise<TagScaleFigures> {
  const { prototypes, batches } = synthetic(photos, labels);
  // Generate first, so the timing is the tagging and not the test data.
  const all = [...batches()];
  const tags: TagRecord[] = [];
  let right = 0;
  const scorer = onnxScorer();
  const t0 = performance.now();
  try {
    await classifyBatches(all, prototypes, RULE, scorer, (_path, hash, found) => {
      if (found[0]?.label === Number(hash) % labels) right++;
      for (const d of found) tags.push({ hash, set: 'bench', label: `label ${d.label}`, score: d.confidence, state: 'auto', modelId: 'bench-512', updatedAt: 0 });
    });
  } finally {
    await scorer.close();
  }
  const seconds = (performance.now() - t0) / 1000;

  const slice = Math.min(photos, 4096);
  const t1 = performance.now();
  await classifyBatches(all.slice(0, 1), prototypes, RULE, jsScorer(), () => {});
  const jsSecondsEstimate = ((performance.now() - t1) / 1000) * (photos / slice);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-tag-bench-'));
  let writeTagsSeconds: number;
  try {
    const store = await openLibraryStore(path.join(dir, 'library'), { model: { id: 'bench-512', dimension: DIMENSION } });
    const t2 = performance.now();
    await store.replaceAutoTags('bench', 'all', tags);
    writeTagsSeconds = (performance.now() - t2) / 1000;
    await store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const decisions: TagDecisionFigures[] = [];
  for (const n of (process.env.BENCH_TAG_DECISION_SIZES ?? '10000,100000').split(',').map(Number).filter((x) => x > 0)) decisions.push(await tagDecisionScale(n));

  return {
    photos,
    labels,
    dimension: DIMENSION,
    seconds,
    photosPerSecond: photos / seconds,
    gflops: (2 * photos * labels * DIMENSION) / seconds / 1e9,
    jsSecondsEstimate,
    tagsPerPhoto: tags.length / photos,
    accuracy: right / photos,
    writeTagsSeconds,
    decisions,
    peakRssMb: peakRssMb(),
  };
}

export function printTagScale(f: TagScaleFigures): void {
  printTable(`Tagging ${f.photos.toLocaleString('en')} photos against ${f.labels.toLocaleString('en')} labels (${f.dimension}-d, ${os.cpus().length} cores)`, [
    ['matrix tagging, decisions included', `${f.seconds.toFixed(2)} s`, `${Math.round(f.photosPerSecond).toLocaleString('en')} photos/s, ${f.gflops.toFixed(1)} GFLOP/s (ONNX Runtime MatMul in a worker)`],
    ['same work in plain JavaScript (estimate)', `${f.jsSecondsEstimate.toFixed(1)} s`, 'blocked 4x4 kernel, extrapolated from 4096 photos'],
    ['tags per photo / top tag right', `${f.tagsPerPhoto.toFixed(2)} / ${(100 * f.accuracy).toFixed(1)} %`, `threshold ${RULE.threshold}, margin ${RULE.margin}`],
    ['writing the tags into a library', `${f.writeTagsSeconds.toFixed(2)} s`, 'replaceAutoTags, one merge commit'],
    ...tagDecisionRows(f.decisions),
    ['peak RSS', `${f.peakRssMb.toFixed(0)} MB`],
  ]);
}

export function tagScaleJson(f: TagScaleFigures): Record<string, number> {
  return {
    tag_photos: f.photos,
    tag_labels: f.labels,
    tag_seconds: round(f.seconds),
    tag_photos_per_s: Math.round(f.photosPerSecond),
    tag_gflops: round(f.gflops, 1),
    tag_js_seconds_estimate: round(f.jsSecondsEstimate, 1),
    tag_write_seconds: round(f.writeTagsSeconds),
    ...tagDecisionJson(f.decisions),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [photos, labels] = process.argv.slice(2).map(Number);
  const figures = await tagScale(photos || undefined, labels || undefined);
  printTagScale(figures);
  console.log(JSON.stringify({ bench: 'tag-scale', ...tagScaleJson(figures) }));
}
