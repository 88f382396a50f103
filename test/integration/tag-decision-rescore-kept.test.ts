// A tag decision re-scored the set's suggestions over the whole tagged scope (a read of every
// vector, seconds per click at 100k photos). Now a review session's decisions re-score only
// what they change, from the scope the previous decision kept in memory (scored-scope.ts):
// the stored suggestions must stay exactly those a full re-score gives, after every decision,
// and the kept scope must be let go when anything else writes (another process's decision,
// the indexer's new photos). Real LanceDB store, synthetic 64-d vectors, a stand-in text model.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLibraryStore, type LibraryStore, type PhotoRecord } from '../../src/core/store';
import type { TagState } from '../../src/core/store/types';
import { classifyBatches } from '../../src/core/tags/classify';
import { jsScorer } from '../../src/core/tags/matrix-scorer';
import { TaggingService } from '../../src/core/tags/tagging-service';
import { tempDir } from '../helpers/images';
import { rng } from '../helpers/seeded-random';

const D = 64;
const LABELS = 6;
const MODEL = { id: 'kept-scope-64', dimension: D };
const name = (j: number) => `label${j}`;

const stores: LibraryStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

function unit(v: Float32Array): Float32Array {
  const inv = 1 / Math.hypot(...v);
  return v.map((x) => x * inv);
}

function photo(i: number, vector: Float32Array): PhotoRecord {
  return {
    path: `/kept/IMG_${String(i).padStart(5, '0')}.jpg`, folder: '/kept', size: 1, mtimeMs: 1, hash: i.toString(16).padStart(64, '0'),
    width: 1, height: 1, takenAt: null, cameraMake: null, cameraModel: null, gpsLat: null, gpsLon: null, orientation: 1, modelId: MODEL.id, vector, thumbKey: '', indexedAt: 1,
  };
}

/** `scope`: the folder the set auto-tags (default: the whole library). */
async function library(photos: number, scope?: string) {
  const rand = rng(5);
  const gaussian = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const texts = Array.from({ length: LABELS }, () => unit(Float32Array.from({ length: D }, gaussian)));
  // Each photo between two labels, closer to one: the decisions' learning moves many of them.
  const vectorOf = () => {
    const a = Math.floor(rand() * LABELS);
    const b = (a + 1 + Math.floor(rand() * (LABELS - 1))) % LABELS;
    return unit(Float32Array.from({ length: D }, (_, k) => 0.5 * texts[a]![k]! + 0.3 * texts[b]![k]! + 0.12 * gaussian()));
  };
  const store = await openLibraryStore(path.join(tempDir('shoebox-kept-scope-'), 'library'), { model: MODEL });
  stores.push(store);
  await store.upsertPhotos(Array.from({ length: photos }, (_, i) => photo(i, vectorOf())));
  const clip = { embedTexts: async (prompts: readonly string[]) => prompts.map((p) => ({ embedding: texts[Number(/label(\d)/.exec(p)![1])]! })) };
  // One engine everywhere (the JavaScript one), so "the same" means the same numbers.
  const service = () => new TaggingService({ modelId: MODEL.id, writable: async () => store, readable: async () => store, clip: () => clip }, { scorerFor: () => jsScorer() });
  const tagging = service();
  await tagging.importLabelSet(JSON.stringify({ name: 'kept', labels: Array.from({ length: LABELS }, (_, j) => name(j)), threshold: 0.3, margin: 0.02 }), 'kept.json');
  await tagging.tagFolder('kept', scope);
  return { store, tagging, service, vectorOf };
}

/** The set's suggestions as stored (those no decision hides), "hash label" -> confidence. */
async function stored(store: LibraryStore): Promise<Map<string, number>> {
  return new Map((await store.listTags({ set: 'kept', states: ['auto'] })).map((t) => [`${t.hash} ${t.label}`, t.score]));
}

/** What a full re-score gives now: every photo classified with the set's current prototypes, decisions applied. */
async function fullRescore(store: LibraryStore, fresh: TaggingService): Promise<Map<string, number>> {
  const set = await fresh.labelSet('kept');
  const hidden = new Set((await store.listTags({ set: 'kept', states: ['accepted', 'rejected'] })).map((t) => `${t.hash} ${t.label}`));
  const out = new Map<string, number>();
  await classifyBatches(store.scanVectors(), await fresh.prototypes(set, store), set, jsScorer(), (_p, hash, found) => {
    for (const d of found) if (!hidden.has(`${hash} ${name(d.label)}`)) out.set(`${hash} ${name(d.label)}`, d.confidence);
  });
  return out;
}

function expectSame(actual: Map<string, number>, expected: Map<string, number>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, score] of expected) expect(Math.abs(actual.get(key)! - score)).toBeLessThanOrEqual(1e-6);
}

const DECISIONS: [index: number, label: number, state: TagState][] = [
  [3, 1, 'accepted'],
  [10, 2, 'rejected'],
  [17, 1, 'accepted'],
  [25, 4, 'accepted'],
  [3, 1, 'auto'],
  [40, 0, 'rejected'],
  [41, 4, 'rejected'],
];

describe('a review session re-scores only what each decision changes', () => {
  it('keeps the suggestions a full re-score gives after every decision, without reading the library again', async () => {
    const { store, tagging, service } = await library(400);
    const first = await stored(store);
    const scans = vi.spyOn(store, 'scanVectors');
    for (const [k, [i, label, state]] of DECISIONS.entries()) {
      await tagging.setTagState(photo(i, new Float32Array(0)).path, name(label), state, 'kept');
      // The session's first decision reads the scope; the later ones find it kept.
      const read = scans.mock.calls.length;
      expectSame(await stored(store), await fullRescore(store, service()));
      scans.mockClear();
      if (k > 0) expect(read).toBe(0);
    }
    // The learning changed suggestions beyond the decided ones (else this proves little).
    const now = await stored(store);
    expect([...now].filter(([key, score]) => Math.abs((first.get(key) ?? -1) - score) > 1e-3).length).toBeGreaterThan(10);
  });

  it('lets the kept scope go when something else writes: another decision, new photos', async () => {
    const { store, tagging, service, vectorOf } = await library(300);
    await tagging.setTagState(photo(1, new Float32Array(0)).path, name(2), 'accepted', 'kept');
    await tagging.setTagState(photo(2, new Float32Array(0)).path, name(3), 'rejected', 'kept');
    // Another process (the CLI beside the app) decides on another label, re-scoring on its own.
    await service().setTagState(photo(5, new Float32Array(0)).path, name(0), 'accepted', 'kept');
    await tagging.setTagState(photo(7, new Float32Array(0)).path, name(2), 'accepted', 'kept');
    expectSame(await stored(store), await fullRescore(store, service()));
    // The indexer commits photos (its auto-tagging aside): the next decision tags them too.
    await store.upsertPhotos(Array.from({ length: 40 }, (_, k) => photo(300 + k, vectorOf())));
    await tagging.setTagState(photo(9, new Float32Array(0)).path, name(2), 'rejected', 'kept');
    const after = await stored(store);
    expect([...after.keys()].some((key) => key.startsWith(photo(320, new Float32Array(0)).hash))).toBe(true);
    // As `shoebox tag` in this process gives it (a service measures the library's centre once).
    expectSame(after, await fullRescore(store, tagging));
  });
  it('a decision on a photo outside the kept scope (tagged once, every suggestion decided) re-scores it in full', async () => {
    const { store, service, vectorOf } = await library(200, '/kept');
    // One photo in a folder tagged once (`tag --once`): outside the auto-tagged folders.
    const lone = { ...photo(900, vectorOf()), path: '/once/IMG_00900.jpg', folder: '/once' };
    await store.upsertPhotos([lone]);
    const tagging = service();
    await tagging.tagFolder('kept', '/once', { remember: false });
    const own = async () => (await store.listTags({ set: 'kept', states: ['auto'] })).filter((t) => t.hash === lone.hash).map((t) => t.label);
    const suggested = await own();
    expect(suggested.length).toBeGreaterThan(0);
    // Every suggestion of it rejected: no automatic row of it shows, so a kept scope leaves it out.
    // (A rejection teaches the set, which may suggest another label for it: rejected in turn.)
    const rejected: string[] = [];
    for (let left = suggested; left.length > 0; left = await own()) {
      for (const label of left) await tagging.setTagState(lone.path, label, 'rejected', 'kept');
      rejected.push(...left);
    }
    // A decision the scope's photos learn from (a label shown on one of them, rejected): kept, and it moves that label's scores.
    const shown = (await store.listTags({ set: 'kept', states: ['auto'] })).find((t) => t.label === rejected[0] && t.hash !== lone.hash)!;
    const other = Number.parseInt(shown.hash, 16);
    await tagging.setTagState(photo(other, new Float32Array(0)).path, shown.label, 'rejected', 'kept');
    // Forgetting one rejection brings the photo back into what the set tags: scored as a full run scores it now.
    await tagging.setTagState(lone.path, rejected[0]!, 'auto', 'kept');
    const ofLone = (m: Map<string, number>) => new Map([...m].filter(([key]) => key.startsWith(lone.hash)));
    expectSame(ofLone(await stored(store)), ofLone(await fullRescore(store, tagging)));
  });
});
