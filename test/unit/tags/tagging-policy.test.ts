// Tagging's policy on the in-memory store (test/helpers/fakes): which photos a label set
// tags (the decision rule's threshold and margin), the user's accept/reject decisions and
// how they outlive classifications, label names matched case-insensitively, and the
// indexer's auto-tag hook. The text encoder is a stand-in whose vectors the test chooses;
// real CLIP runs in test/integration/tags.test.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { TaggingService } from '../../../src/core/tags/tagging-service';
import { jsScorer } from '../../../src/core/tags/matrix-scorer';
import { LabelSetError } from '../../../src/core/tags/label-set';
import { fakeLibrary, wordVectors, type FakeLibrary } from '../../helpers/fakes/fake-library';
import { photoRecord } from '../../helpers/fakes/fake-store';

// Axes: red, blue, green, and a fourth for texts naming no colour.
const WORDS = { red: [1, 0, 0, 0], blue: [0, 1, 0, 0], green: [0, 0, 1, 0] };
const COLOURS = JSON.stringify({ name: 'colours', labels: ['Red', 'Blue', 'Green'] });
const DIR = '/fake-photos';
const RED = `${DIR}/red.jpg`; // clearly red: Red wins the softmax, by far more than the margin
const PURPLE = `${DIR}/purple.jpg`; // red and blue alike: both labels at confidence 0.5
const GREY = `${DIR}/grey.jpg`; // no colour at all: every cosine 0, nothing beats the margin
const OUTSIDE = '/elsewhere/blue.jpg';

let lib: FakeLibrary;
let tagging: TaggingService;

const tagsOf = (results: { path: string; tags: { label: string; state: string }[] }[], p: string) =>
  results.find((r) => r.path === p)?.tags.map((t) => `${t.label}:${t.state}`);

beforeEach(async () => {
  lib = fakeLibrary(wordVectors(WORDS, 4));
  tagging = new TaggingService(lib, { scorerFor: () => jsScorer() });
  await lib.store.upsertPhotos([
    photoRecord(RED, [0.95, 0.2, 0.2, 0]),
    photoRecord(PURPLE, [1, 1, 0, 0]),
    photoRecord(GREY, [0, 0, 0, 1]),
    photoRecord(OUTSIDE, [0, 1, 0, 0], { folder: '/elsewhere' }),
  ]);
  await tagging.importLabelSet(COLOURS, 'colours.json');
});

describe('classifying a folder', () => {
  it('tags by the decision rule: a clear winner, two labels that fit alike, nothing for a photo no label fits', async () => {
    const results = await tagging.tagFolder('colours', DIR);
    expect(results.map((r) => r.path)).toEqual([GREY, PURPLE, RED]);
    expect(tagsOf(results, RED)).toEqual(['Red:auto']);
    expect(tagsOf(results, PURPLE)?.sort()).toEqual(['Blue:auto', 'Red:auto']);
    expect(tagsOf(results, GREY)).toEqual([]);
    const red = results.find((r) => r.path === RED)!.tags[0]!;
    expect(red.score).toBeGreaterThan(0.99);
    // Stored for the active model, as automatic tags; the folder is remembered for new photos.
    expect(await lib.store.listTags({ states: ['auto'] })).toHaveLength(3);
    expect((await lib.store.listTags()).every((t) => t.modelId === 'fake-model')).toBe(true);
    expect(await tagging.autoTagFolders()).toEqual([{ folder: DIR, set: 'colours' }]);
  });

  it('shows no decision on a label taken out of the set (it waits for the label to come back)', async () => {
    await tagging.setTagState(GREY, 'Green', 'accepted');
    await tagging.importLabelSet(JSON.stringify({ name: 'colours', labels: ['Red', 'Blue'] }), 'fewer.json');
    expect(tagsOf(await tagging.tagFolder('colours', DIR), GREY)).toEqual([]);
    await tagging.importLabelSet(COLOURS, 'colours.json');
    expect(tagsOf(await tagging.tagFolder('colours', DIR), GREY)).toEqual(['Green:accepted']);
  });

  it("a set's threshold vetoes tags below its confidence", async () => {
    await tagging.importLabelSet(JSON.stringify({ name: 'colours', labels: ['Red', 'Blue', 'Green'], threshold: 0.6 }), 'strict.json');
    const results = await tagging.tagFolder('colours', DIR);
    expect(tagsOf(results, RED)).toEqual(['Red:auto']);
    expect(tagsOf(results, PURPLE)).toEqual([]); // 0.5 each, under 0.6
  });

  it("a set's margin vetoes a label that does not stand out from the others", async () => {
    // Purple's Red beats the mean of Blue and Green by 0.35 in cosine: a margin of 0.4 refuses it.
    await tagging.importLabelSet(JSON.stringify({ name: 'colours', labels: ['Red', 'Blue', 'Green'], margin: 0.4 }), 'strict.json');
    const results = await tagging.tagFolder('colours', DIR);
    expect(tagsOf(results, PURPLE)).toEqual([]);
    expect(tagsOf(results, RED)).toEqual(['Red:auto']);
  });

  it('stores nothing when stopped part-way, and classifies only the folder asked for', async () => {
    const stop = new AbortController();
    stop.abort();
    await expect(tagging.tagFolder('colours', DIR, { signal: stop.signal })).rejects.toThrow();
    expect(await lib.store.listTags()).toEqual([]);
    const results = await tagging.tagFolder('colours', DIR, { remember: false });
    expect(results.map((r) => r.path)).not.toContain(OUTSIDE);
    expect(await tagging.autoTagFolders()).toEqual([]);
  });
});

describe("the user's decisions", () => {
  it('a rejected tag stays rejected through later classifications; an accepted one stays whatever they say', async () => {
    await tagging.tagFolder('colours', DIR);
    const rejected = await tagging.setTagState(RED, 'Red', 'rejected');
    expect(rejected).toMatchObject({ path: RED, set: 'colours', label: 'Red', state: 'rejected' });
    const accepted = await tagging.setTagState(GREY, 'Green', 'accepted');
    expect(accepted).toMatchObject({ label: 'Green', state: 'accepted', score: 1 }); // no score was ever computed
    const again = await tagging.tagFolder('colours', DIR);
    expect(tagsOf(again, RED)).not.toContain('Red:auto');
    expect(tagsOf(again, GREY)).toEqual(['Green:accepted']);
    const shown = await tagging.photoTags({ folder: DIR });
    expect(tagsOf(shown, RED)).toEqual([]);
    expect(tagsOf(shown, GREY)).toEqual(['Green:accepted']);
  });

  it("accepting an automatic tag keeps its score; 'auto' forgets the decision and the classifier's tag shows again", async () => {
    await tagging.tagFolder('colours', DIR);
    const auto = (await lib.store.listTags({ label: 'Red', hashes: [`hash-of-${RED}`] }))[0]!;
    expect((await tagging.setTagState(RED, 'Red', 'accepted')).score).toBe(auto.score);
    await tagging.setTagState(RED, 'Red', 'rejected');
    expect(tagsOf(await tagging.photoTags({ folder: DIR }), RED)).toEqual([]);
    await tagging.setTagState(RED, 'Red', 'auto');
    expect(tagsOf(await tagging.photoTags({ folder: DIR }), RED)).toEqual(['Red:auto']);
  });

  it('refuses a photo outside the library and a label no set has, in one line', async () => {
    await expect(tagging.setTagState(`${DIR}/nope.jpg`, 'Red', 'accepted')).rejects.toThrow(/^not in the library: /);
    await expect(tagging.setTagState(RED, 'Purple', 'accepted')).rejects.toThrow(LabelSetError);
  });
});

describe('labels are matched case-insensitively', () => {
  it('a decision names the label in any case and is stored under the set\'s own spelling', async () => {
    const decision = await tagging.setTagState(GREY, 'rED', 'accepted');
    expect(decision.label).toBe('Red');
    expect(await lib.store.listTags({ label: 'Red', states: ['accepted'] })).toHaveLength(1);
  });

  it("a set saved with only a label's case changed keeps that label's automatic tags, shown under the new spelling", async () => {
    await tagging.tagFolder('colours', DIR);
    await tagging.importLabelSet(JSON.stringify({ name: 'colours', labels: ['RED', 'Blue'] }), 'respelled.json');
    const shown = await tagging.photoTags({ folder: DIR });
    expect(tagsOf(shown, RED)).toEqual(['RED:auto']);
    expect(await tagging.pathsWithTag('red')).toEqual([PURPLE, RED]);
    // The stored rows are kept as written (reads show them under the set's spelling).
    expect((await lib.store.listTags({ states: ['auto'] })).map((t) => t.label).sort()).toEqual(['Blue', 'Red', 'Red']);
  });

  it('finding photos by label ignores case and spaces around it, in every set that has it', async () => {
    await tagging.tagFolder('colours', DIR);
    expect(await tagging.pathsWithTag('  red ')).toEqual([PURPLE, RED]);
    expect(await tagging.pathsWithTag('RED', 'colours')).toEqual([PURPLE, RED]);
    await expect(tagging.pathsWithTag('mauve')).rejects.toThrow(LabelSetError);
  });

  it('a label in two sets must be given its set', async () => {
    await tagging.importLabelSet(JSON.stringify({ name: 'warm', labels: ['red', 'orange'] }), 'warm.json');
    await expect(tagging.setTagState(RED, 'Red', 'accepted')).rejects.toThrow(/in several sets \(colours, warm\)/);
    expect((await tagging.setTagState(RED, 'Red', 'accepted', 'warm')).label).toBe('red');
  });
});

describe('photos indexed later', () => {
  it('are tagged under the folders tagged before, and only there, and only for the active model', async () => {
    await tagging.tagFolder('colours', DIR);
    const fresh = photoRecord(`${DIR}/new-red.jpg`, [1, 0, 0, 0]);
    const away = photoRecord('/elsewhere/new-red.jpg', [1, 0, 0, 0], { folder: '/elsewhere' });
    const otherModel = photoRecord(`${DIR}/other-model.jpg`, [1, 0, 0, 0], { modelId: 'another-model' });
    await lib.store.upsertPhotos([fresh, away, otherModel]);
    await tagging.tagNewPhotos([fresh, away, otherModel]);
    const hashes = new Set((await lib.store.listTags({ label: 'Red' })).map((t) => t.hash));
    expect(hashes.has(fresh.hash)).toBe(true);
    expect(hashes.has(away.hash)).toBe(false);
    expect(hashes.has(otherModel.hash)).toBe(false);
  });

  it('keep the tags their content has: a photo moved into the folder is not scored again with the prototypes decisions have shifted since', async () => {
    const twin = photoRecord(`${DIR}/purple-2.jpg`, [1, 1, 0, 0]);
    await lib.store.upsertPhotos([twin]);
    await tagging.tagFolder('colours', DIR);
    expect((await lib.store.listTags({ hashes: [twin.hash] })).map((t) => `${t.label} ${t.score.toFixed(2)}`).sort()).toEqual(['Blue 0.50', 'Red 0.50']);
    // Rejecting Blue on the other purple photo takes Blue from photos like it, at once (the
    // decision re-scores the set's tagged photos, as `tag` would: decision-rescore.ts)...
    await tagging.setTagState(PURPLE, 'Blue', 'rejected');
    const before = await lib.store.listTags({ hashes: [twin.hash] });
    expect(before.map((t) => t.label)).toEqual(['Red']);
    // ...and the twin, moved to a subfolder (same content, new path), keeps its tags as they are.
    const moved = { ...twin, path: `${DIR}/sub/purple-2.jpg`, folder: `${DIR}/sub` };
    await lib.store.upsertPhotos([moved]);
    await tagging.tagNewPhotos([moved]);
    expect(await lib.store.listTags({ hashes: [twin.hash] })).toEqual(before);
    // An explicit run scores everything again, with what was learned: the same.
    await tagging.tagFolder('colours', DIR);
    expect((await lib.store.listTags({ hashes: [twin.hash] })).map((t) => t.label)).toEqual(['Red']);
  });

  it('are tagged by a model whose tags they lack, though a decision made under another model holds', async () => {
    const decided = photoRecord(`${DIR}/decided-red.jpg`, [1, 0, 0, 0]);
    await lib.store.upsertPhotos([decided]);
    await tagging.tagFolder('colours', DIR);
    // A decision, then the automatic tags gone (as after `models use` of a model that has not tagged it).
    await tagging.setTagState(decided.path, 'Blue', 'rejected');
    await lib.store.replaceAutoTags('colours', [decided.hash], []);
    await tagging.tagNewPhotos([decided]);
    expect((await lib.store.listTags({ hashes: [decided.hash], states: ['auto'] })).map((t) => t.label)).toEqual(['Red']);
  });
});
