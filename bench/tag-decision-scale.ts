// One tag decision (accept / reject, as `shoebox tags accept` and a click on the review screen
// make) on a library whose N photos one label set has auto-tagged: a decision re-scores the
// set's suggestions (decision-rescore.ts), so its cost is what grows with the library. A real
// library store (LanceDB) of N synthetic photos, 512-d, each leaning towards one of the set's
// 20 labels (a shipped set's size), tagged by `tagFolder` over the whole library; then a few
// decisions on different photos, each timed from the call to its return (TaggingService.
// setTagState, the path the CLI and the app share). Reported: the median of the decisions after
// the first, and the first apart: it reads the scope and keeps it for the session's next ones
// (decision-rescore-cache.ts), as the first click of a review did. Then a second session as
// the app has it: the review screen readies the set as it opens (prepareDecisions, in the
// background: its time is reported apart), and its first decision is timed.
// Standalone: `npx tsx bench/tag-decision-scale.ts [sizes, e.g. 10000,100000] [decisions]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openLibraryStore, type PhotoRecord } from '../src/core/store';
import { TaggingService } from '../src/core/tags/tagging-service';
import type { TagState } from '../src/core/store/types';
import { median, printTable, round } from './stats';
import { rng } from '../test/helpers/seeded-random';

const DIMENSION = 512;
const MODEL = { id: 'bench-tag-decision-512', dimension: DIMENSION };
const LABELS = 20;
const WRITE_BATCH = 5000;

export interface TagDecisionFigures {
  photos: number;
  labels: number;
  /** Wall milliseconds of each decision, in the order made. */
  decisionMs: number[];
  /** The session's first decision (a full re-score, reading every vector). */
  firstMs: number;
  /** Median of the ones after it. */
  p50Ms: number;
  /** The review screen's readying of the set as it opens (in the background). */
  prepareMs: number;
  /** A readied session's first decision. */
  preparedFirstMs: number;
  /** The first `tag` over the library (what the decisions' re-score is compared with). */
  tagSeconds: number;
}

function unit(v: Float32Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  const inv = 1 / Math.sqrt(s);
  for (let k = 0; k < v.length; k++) v[k]! *= inv;
  return v;
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
}

const labelName = (j: number) => `label${String(j).padStart(2, '0')}`;

function photo(i: number, vector: Float32Array): PhotoRecord {
  const folder = `/bench/f${i % 10}`;
  return {
    path: `${folder}/IMG_${String(i).padStart(7, '0')}.jpg`,
    folder,
    size: 2_000_000 + i,
    mtimeMs: 1_600_000_000_000 + i * 1000,
    hash: i.toString(16).padStart(64, '0'),
    width: 4000,
    height: 3000,
    takenAt: 1_500_000_000_000 + i * 60_000,
    cameraMake: null,
    cameraModel: null,
    gpsLat: null,
    gpsLon: null,
    orientation: 1,
    modelId: MODEL.id,
    vector,
    thumbKey: '',
    indexedAt: 1_700_000_000_000,
  };
}

/** The decisions timed: on photos spread over the library, each a change (so each re-scores). */
function decisions(photos: number, count: number): { index: number; label: string; state: TagState }[] {
  return Array.from({ length: count }, (_, k) => {
    const index = Math.floor(((k + 0.5) * photos) / count);
    // Alternately: accept another label than the photo leans to, reject its own.
    return k % 2 === 0 ? { index, label: labelName((index + 1) % LABELS), state: 'accepted' as const } : { index, label: labelName(index % LABELS), state: 'rejected' as const };
  });
}

export async function tagDecisionScale(photos: number, count = 7, log: (line: string) => void = (l) => console.error(l)): Promise<TagDecisionFigures> {
  const rand = rng(23);
  const texts = Array.from({ length: LABELS }, () => unit(Float32Array.from({ length: DIMENSION }, () => gaussian(rand))));
  const noise = 1 / Math.sqrt(DIMENSION);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-tag-decision-'));
  const store = await openLibraryStore(path.join(root, 'library'), { model: MODEL });
  try {
    for (let start = 0; start < photos; start += WRITE_BATCH) {
      const batch = Array.from({ length: Math.min(WRITE_BATCH, photos - start) }, (_, k) => {
        const i = start + k;
        const text = texts[i % LABELS]!;
        return photo(i, unit(Float32Array.from({ length: DIMENSION }, (_, d) => 0.32 * text[d]! + noise * gaussian(rand))));
      });
      await store.upsertPhotos(batch);
    }
    // Every prompt of a label embeds as the label's text vector: the set's prototypes are `texts`.
    const clip = {
      async embedTexts(prompts: readonly string[]) {
        return prompts.map((p) => ({ embedding: texts[Number(/label(\d\d)/.exec(p)![1])]! }));
      },
    };
    const tagging = new TaggingService({ modelId: MODEL.id, writable: async () => store, readable: async () => store, clip: () => clip });
    await tagging.importLabelSet(JSON.stringify({ name: 'bench', labels: Array.from({ length: LABELS }, (_, j) => labelName(j)), threshold: 0.3, margin: 0.05 }), 'bench.json');
    const t0 = performance.now();
    await tagging.tagFolder('bench');
    const tagSeconds = (performance.now() - t0) / 1000;
    log(`  ${photos}: tagged in ${tagSeconds.toFixed(1)} s; deciding`);
    const decisionMs: number[] = [];
    for (const d of decisions(photos, count)) {
      const t = performance.now();
      await tagging.setTagState(photo(d.index, new Float32Array(0)).path, d.label, d.state, 'bench');
      decisionMs.push(performance.now() - t);
    }
    // Another session, as the app opens the review screen: readied first, then a click.
    const app = new TaggingService({ modelId: MODEL.id, writable: async () => store, readable: async () => store, clip: () => clip });
    const p = performance.now();
    await app.prepareDecisions('bench');
    const prepareMs = performance.now() - p;
    const next = decisions(photos, count + 1).at(-1)!;
    const f = performance.now();
    await app.setTagState(photo(next.index, new Float32Array(0)).path, next.label, next.state, 'bench');
    const preparedFirstMs = performance.now() - f;
    return { photos, labels: LABELS, decisionMs, firstMs: decisionMs[0]!, p50Ms: median(decisionMs.slice(1)), prepareMs, preparedFirstMs, tagSeconds };
  } finally {
    await store.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export function tagDecisionRows(figures: readonly TagDecisionFigures[]): [string, string, string][] {
  return figures.flatMap((f): [string, string, string][] => [
    [
      `one tag decision on a library of ${f.photos.toLocaleString('en')} tagged photos`,
      `${f.p50Ms.toFixed(0)} ms`,
      `p50 of ${f.decisionMs.length - 1} accepts/rejects after a session's first (${f.firstMs.toFixed(0)} ms: reads the scope); ${f.labels} labels; the first tag run ${f.tagSeconds.toFixed(1)} s`,
    ],
    [
      `the first decision of a review opened on ${f.photos.toLocaleString('en')} tagged photos`,
      `${f.preparedFirstMs.toFixed(0)} ms`,
      `after the screen readied the set as it opened (${f.prepareMs.toFixed(0)} ms in the background)`,
    ],
  ]);
}

export function tagDecisionJson(figures: readonly TagDecisionFigures[]): Record<string, number> {
  return Object.fromEntries(figures.flatMap((f) => [[`tag_decision_p50_ms_${f.photos}`, round(f.p50Ms, 0)], [`tag_decision_first_ms_${f.photos}`, round(f.firstMs, 0)], [`tag_decision_prepared_first_ms_${f.photos}`, round(f.preparedFirstMs, 0)], [`tag_review_prepare_ms_${f.photos}`, round(f.prepareMs, 0)]]));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
  const count = Number(process.argv[3] ?? 7);
  const figures: TagDecisionFigures[] = [];
  for (const n of sizes) figures.push(await tagDecisionScale(n, count));
  printTable(`Tag decisions (${os.cpus().length} cores)`, tagDecisionRows(figures));
  console.log(JSON.stringify({ bench: 'tag-decision', ...tagDecisionJson(figures) }));
}
