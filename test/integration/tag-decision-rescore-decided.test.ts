// Three sides of "a decision re-scores the set's suggestions" (decision-rescore.ts):
// - a folder whose every suggestion was decided still counts as tagged: rejecting the one
//   suggestion a `tag` run made must leave what a fresh `tag` gives (the photo's next label),
//   not nothing until the next run shows it without a word;
// - a decision on a set that tags nothing (never run) costs no label-text embedding and no
//   read of the library;
// - the review screen's readying (prepareDecisions) makes the session's first decision
//   re-score from the kept scope, with the same result as a full re-score.
// Real LanceDB store, synthetic vectors, a stand-in text model.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLibraryStore, type LibraryStore, type PhotoRecord } from '../../src/core/store';
import { classifyBatches } from '../../src/core/tags/classify';
import { jsScorer } from '../../src/core/tags/matrix-scorer';
import { TaggingService } from '../../src/core/tags/tagging-service';
import { tempDir } from '../helpers/images';
import { rng } from '../helpers/seeded-random';

const D = 32;
const LABELS = 4;
const MODEL = { id: 'decided-scope-32', dimension: D };
const name = (j: number) => `label${j}`;
const SET = JSON.stringify({ name: 'decided', labels: Array.from({ length: LABELS }, (_, j) => name(j)), threshold: 0.3, margin: 0.05 });

const stores: LibraryStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

function unit(v: Float32Array): Float32Array {
  const inv = 1 / Math.hypot(...v);
  return v.map((x) => x * inv);
}

const pathOf = (i: number) => `/decided/IMG_${String(i).padStart(4, '0')}.jpg`;

function photo(i: number, vector: Float32Array): PhotoRecord {
  return {
    path: pathOf(i), folder: '/decided', size: 1, mtimeMs: 1, hash: i.toString(16).padStart(64, '0'),
    width: 1, height: 1, takenAt: null, cameraMake: null, cameraModel: null, gpsLat: null, gpsLon: null, orientation: 1, modelId: MODEL.id, vector, thumbKey: '', indexedAt: 1,
  };
}

/**
 * Photo 0 between label0 and label1, closer to label0: a `tag` run gives it label0 alone.
 * The others fit no label (orthogonal to every label's text): they get nothing. So the run
 * makes one suggestion in the whole library.
 */
async function library() {
  const rand = rng(11);
  const gaussian = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  // The labels' texts: the first LABELS axes; the photos' noise lives in the other ones.
  const texts = Array.from({ length: LABELS }, (_, j) => Float32Array.from({ length: D }, (_, k) => (k === j ? 1 : 0)));
  const noise = (scale: number) => Float32Array.from({ length: D }, (_, k) => (k < LABELS ? 0 : scale * gaussian()));
  const between = noise(0.02);
  between[0] = 0.5;
  between[1] = 0.45;
  const store = await openLibraryStore(path.join(tempDir('shoebox-decided-scope-'), 'library'), { model: MODEL });
  stores.push(store);
  await store.upsertPhotos([photo(0, unit(between)), ...Array.from({ length: 40 }, (_, i) => photo(i + 1, unit(noise(1))))]);
  const embedTexts = vi.fn(async (prompts: readonly string[]) => prompts.map((p) => ({ embedding: texts[Number(/label(\d)/.exec(p)![1])]! })));
  const service = () => new TaggingService({ modelId: MODEL.id, writable: async () => store, readable: async () => store, clip: () => ({ embedTexts }) }, { scorerFor: () => jsScorer() });
  const tagging = service();
  await tagging.importLabelSet(SET, 'decided.json');
  return { store, tagging, service, embedTexts };
}

/** The photos' tags as `tags list` shows them: "photo label state". */
async function shown(tagging: TaggingService): Promise<string[]> {
  return (await tagging.photoTags()).flatMap((p) => p.tags.map((t) => `${path.basename(p.path)} ${t.label} ${t.state === 'auto' ? t.score.toFixed(3) : t.state}`)).sort();
}

/** What a full re-score gives now, decisions applied: "hash label" -> confidence. */
async function fullRescore(store: LibraryStore, fresh: TaggingService): Promise<Map<string, number>> {
  const set = await fresh.labelSet('decided');
  const hidden = new Set((await store.listTags({ set: 'decided', states: ['accepted', 'rejected'] })).map((t) => `${t.hash} ${t.label}`));
  const out = new Map<string, number>();
  await classifyBatches(store.scanVectors(), await fresh.prototypes(set, store), set, jsScorer(), (_p, hash, found) => {
    for (const d of found) if (!hidden.has(`${hash} ${name(d.label)}`)) out.set(`${hash} ${name(d.label)}`, d.confidence);
  });
  return out;
}

async function stored(store: LibraryStore): Promise<Map<string, number>> {
  return new Map((await store.listTags({ set: 'decided', states: ['auto'] })).map((t) => [`${t.hash} ${t.label}`, t.score]));
}

function expectSame(actual: Map<string, number>, expected: Map<string, number>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, score] of expected) expect(Math.abs(actual.get(key)! - score)).toBeLessThanOrEqual(1e-6);
}

describe('a decision on a folder whose every suggestion it decides', () => {
  it('re-scores the folder: rejecting the one suggestion shows what a fresh `tag` gives', async () => {
    const { tagging } = await library();
    await tagging.tagFolder('decided');
    expect(await shown(tagging)).toEqual([expect.stringMatching(/^IMG_0000\.jpg label0 /)]);

    await tagging.setTagState(pathOf(0), name(0), 'rejected', 'decided');
    const afterReject = await shown(tagging);
    // The rejection taught label0 to step back on this photo: its next label now shows.
    expect(afterReject).toEqual([expect.stringMatching(/^IMG_0000\.jpg label1 /)]);
    await tagging.tagFolder('decided');
    expect(afterReject).toEqual(await shown(tagging));
  });
});

describe('a decision on a set that tags nothing', () => {
  it('embeds no label text and reads no vectors of the library', async () => {
    const { store, tagging, embedTexts } = await library();
    const scans = vi.spyOn(store, 'scanVectors');
    embedTexts.mockClear();
    // The selection's Tag… on a photo the set never tagged.
    await tagging.setTagState(pathOf(3), name(2), 'accepted', 'decided');
    expect(embedTexts).not.toHaveBeenCalled();
    expect(scans).not.toHaveBeenCalled();
    expect(await shown(tagging)).toEqual(['IMG_0003.jpg label2 accepted']);
  });
});

describe('a review session readied as its screen opens', () => {
  it("makes the first decision re-score from the kept scope, as a full re-score would", async () => {
    const { store, service } = await library();
    await service().tagFolder('decided');
    // Another session (the app opened after the CLI's `tag`): nothing stale, nothing written.
    const tagging = service();
    expect(await tagging.prepareDecisions('decided')).toBe(false);
    const scans = vi.spyOn(store, 'scanVectors');
    await tagging.setTagState(pathOf(0), name(0), 'rejected', 'decided');
    expect(scans).not.toHaveBeenCalled();
    expectSame(await stored(store), await fullRescore(store, service()));
    expect(await shown(tagging)).toEqual([expect.stringMatching(/^IMG_0000\.jpg label1 /)]);
  });

  it('brings suggestions a set edit left behind up to date, and says so', async () => {
    const { store, tagging, service } = await library();
    await tagging.tagFolder('decided');
    // A label's prompt changed: the stored suggestions are the old prompt's until a re-score.
    await tagging.importLabelSet(JSON.stringify({ ...JSON.parse(SET), labels: [{ name: 'label0', prompts: ['label1'] }, 'label1', 'label2', 'label3'] }), 'decided.json');
    expect(await tagging.prepareDecisions('decided')).toBe(true);
    expectSame(await stored(store), await fullRescore(store, service()));
    expect(await tagging.prepareDecisions('decided')).toBe(false);
  });
});
