// A decision belongs to its label in any case: rejected as "red", it holds once the set spells
// the label "Red" (the set validator's comparison, labelKey), in tagging, the tags a photo
// shows, `tags find`, the review list and the counts; a later decision replaces it where it is
// stored, and the stored decision is never rewritten by a read.
import { beforeEach, describe, expect, it } from 'vitest';
import { TaggingService } from '../../../src/core/tags/tagging-service';
import { jsScorer } from '../../../src/core/tags/matrix-scorer';
import { labelKey, parseLabelSet } from '../../../src/core/tags/label-set';
import { countTags, reviewPage } from '../../../src/core/api/tags-review';
import { fakeLibrary, wordVectors, type FakeLibrary } from '../../helpers/fakes/fake-library';
import { photoRecord } from '../../helpers/fakes/fake-store';

const WORDS = { red: [1, 0, 0, 0], blue: [0, 1, 0, 0], green: [0, 0, 1, 0] };
const LOWER = JSON.stringify({ name: 'colours', labels: ['red', 'blue', 'green'] });
const UPPER = JSON.stringify({ name: 'colours', labels: ['Red', 'blue', 'green'] });
const DIR = '/fake-photos';
const RED = `${DIR}/red.jpg`;
const RED2 = `${DIR}/red2.jpg`;

let lib: FakeLibrary;
let tagging: TaggingService;

const tagsOf = (results: { path: string; tags: { label: string; state: string }[] }[], p: string) => results.find((r) => r.path === p)?.tags.map((t) => `${t.label}:${t.state}`);
/** The decisions as stored (listTags gives each row's own label). */
const decisions = async () => (await lib.store.listTags({ states: ['accepted', 'rejected'] })).map((t) => `${t.label}:${t.state}`);

beforeEach(async () => {
  lib = fakeLibrary(wordVectors(WORDS, 4));
  tagging = new TaggingService(lib, { scorerFor: () => jsScorer() });
  await lib.store.upsertPhotos([photoRecord(RED, [0.95, 0.2, 0.2, 0]), photoRecord(RED2, [0.9, 0.1, 0.25, 0])]);
  await tagging.importLabelSet(LOWER, 'colours.json');
  expect(tagsOf(await tagging.tagFolder('colours', DIR), RED)).toEqual(['red:auto']);
  await tagging.setTagState(RED, 'red', 'rejected');
  await tagging.importLabelSet(UPPER, 'colours.json');
});

describe('decisions match their label in any case', () => {
  it('the set validator and decisions share one comparison', () => {
    expect(labelKey(' Red ')).toBe(labelKey('red'));
    expect(() => parseLabelSet({ name: 'x', labels: ['red', 'Red'] }, 'x')).toThrow(/repeats/);
  });

  it('a rejection on "red" holds for "Red": not tagged again, not shown, not found', async () => {
    const results = await tagging.tagFolder('colours', DIR);
    expect(tagsOf(results, RED)).toEqual([]);
    expect(tagsOf(results, RED2)).toEqual(['Red:auto']);
    expect(tagsOf(await tagging.photoTags(), RED)).toEqual([]);
    expect(await tagging.pathsWithTag('red')).toEqual([RED2]);
    // The stored decision is as it was recorded.
    expect(await decisions()).toEqual(['red:rejected']);
  });

  it('shows in the review list and counts under the set\'s spelling', async () => {
    await tagging.tagFolder('colours', DIR);
    const set = await tagging.labelSet('colours');
    const rejected = await reviewPage(lib.store, { set, label: 'Red', state: 'rejected', offset: 0, limit: 10 });
    expect(rejected.photos.map((p) => [p.path, p.tag.label])).toEqual([[RED, 'Red']]);
    const auto = await reviewPage(lib.store, { set, label: 'Red', state: 'auto', offset: 0, limit: 10 });
    expect(auto.photos.map((p) => p.path)).toEqual([RED2]);
    expect((await countTags(lib.store, [set])).find((c) => c.label === 'Red')).toEqual({ set: 'colours', label: 'Red', count: 1 });
  });

  it('a later decision replaces the stored one; forgetting hands the photo back', async () => {
    const accepted = await tagging.setTagState(RED, 'Red', 'accepted');
    expect(accepted).toMatchObject({ label: 'Red', state: 'accepted', was: 'rejected' });
    expect(await decisions()).toEqual(['red:accepted']);
    expect(tagsOf(await tagging.photoTags(), RED)).toEqual(['Red:accepted']);
    expect(tagsOf(await tagging.tagFolder('colours', DIR), RED)).toEqual(['Red:accepted']);
    expect((await tagging.setTagState(RED, 'RED', 'auto')).was).toBe('accepted');
    expect(await decisions()).toEqual([]);
    expect(tagsOf(await tagging.tagFolder('colours', DIR), RED)).toEqual(['Red:auto']);
  });
});
