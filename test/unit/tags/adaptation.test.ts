// Learning from accept/reject decisions (src/core/tags/adaptation.ts) on synthetic vectors,
// through TaggingService on the in-memory store. The geometry is the tiny colour model's:
// "red" and "yellow" texts share a component (cosine 0.45), orange photos sit between them,
// a shade nearer yellow, and the pure-yellow photos sit on the yellow text itself. Two
// accepted "red" on orange photos must move the red/yellow boundary past the orange photos,
// and never hand "red" the photos that are the yellow text. Dark photos, opposite the warm
// ones, put the library's mean photo near the origin, as a varied library does (|μ| is 0.28
// on the tiny model's colour photos).
import { beforeEach, describe, expect, it } from 'vitest';
import { TaggingService } from '../../../src/core/tags/tagging-service';
import { jsScorer } from '../../../src/core/tags/matrix-scorer';
import { fakeLibrary, wordVectors, type FakeLibrary } from '../../helpers/fakes/fake-library';
import { photoRecord } from '../../helpers/fakes/fake-store';

const unit = (v: number[]) => {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};
const RED = [1, 0, 0, 0];
const YELLOW = unit([0.45, 0.89, 0, 0]);
const BLUE = [0, 0, 1, 0];
/** a·red + b·yellow, normalised: b > a leans yellow. */
const between = (a: number, b: number) => unit(RED.map((r, k) => a * r + b * YELLOW[k]!));

const WORDS = { red: RED, yellow: YELLOW, blue: BLUE };
const SET = JSON.stringify({ name: 'colours', labels: ['red', 'yellow', 'blue'], threshold: 0.3, margin: 0.05 });
const DIR = '/fake-photos';
const P = {
  red: `${DIR}/red.jpg`,
  yellow1: `${DIR}/yellow-1.jpg`,
  yellow2: `${DIR}/yellow-2.jpg`,
  blue: `${DIR}/blue.jpg`,
  orange1: `${DIR}/orange-1.jpg`, // accepted as red
  orange2: `${DIR}/orange-2.jpg`, // accepted as red
  amber: `${DIR}/amber.jpg`, // like the orange ones, never decided on
};
const DARK = Array.from({ length: 5 }, (_, i) => photoRecord(`${DIR}/dark-${i}.jpg`, unit([-1, -1, 0, 0])));

let lib: FakeLibrary;
let tagging: TaggingService;

const labelsOf = async (): Promise<Record<string, string[]>> => {
  const results = await tagging.tagFolder('colours', DIR);
  return Object.fromEntries(results.map((r) => [r.path, r.tags.map((t) => t.label)]));
};

beforeEach(async () => {
  lib = fakeLibrary(wordVectors(WORDS, 4));
  tagging = new TaggingService(lib, { scorerFor: () => jsScorer() });
  await lib.store.upsertPhotos([
    photoRecord(P.red, RED),
    photoRecord(P.yellow1, YELLOW),
    photoRecord(P.yellow2, YELLOW),
    photoRecord(P.blue, BLUE),
    photoRecord(P.orange1, between(0.95, 1)),
    photoRecord(P.orange2, between(0.96, 1)),
    photoRecord(P.amber, between(0.94, 1)),
    ...DARK,
  ]);
  await tagging.importLabelSet(SET, 'colours.json');
});

describe('learning from accepted tags', () => {
  it('two accepts near the boundary do not flip the photos sitting on another label\'s text', async () => {
    const zeroShot = await labelsOf();
    expect(zeroShot[P.orange1]).toEqual(['yellow']); // the orange photos lean yellow: the user disagrees
    await tagging.setTagState(P.orange1, 'red', 'accepted');
    await tagging.setTagState(P.orange2, 'red', 'accepted');
    const learned = await labelsOf();
    // The yellow photos are the yellow text: much closer to it than to either orange photo.
    expect(learned[P.yellow1]).toEqual(['yellow']);
    expect(learned[P.yellow2]).toEqual(['yellow']);
    expect(learned[P.red]).toEqual(['red']);
    expect(learned[P.blue]).toEqual(['blue']);
    // Confident still: the learning did not even bring red close on them.
    const yellow = (await tagging.photoTags({ folder: DIR })).find((r) => r.path === P.yellow1)!.tags[0]!;
    expect(yellow.score).toBeGreaterThan(0.99);
  });

  it('moves the boundary for the photos near the accepted examples', async () => {
    expect((await labelsOf())[P.amber]).toEqual(['yellow']);
    await tagging.setTagState(P.orange1, 'red', 'accepted');
    await tagging.setTagState(P.orange2, 'red', 'accepted');
    const learned = await labelsOf();
    expect(learned[P.amber]).toEqual(['red']);
    expect(learned[P.orange1]).toEqual(['red']);
    // Forgetting the decisions hands everything back to the text.
    await tagging.setTagState(P.orange1, 'red', 'auto');
    await tagging.setTagState(P.orange2, 'red', 'auto');
    expect((await labelsOf())[P.amber]).toEqual(['yellow']);
  });
});

describe('accepting, then rejecting what the learning over-reached', () => {
  it('takes the label back from the rejected photo and its near twins', async () => {
    const twin = `${DIR}/amber-twin.jpg`;
    await lib.store.upsertPhotos([photoRecord(twin, between(0.935, 1))]);
    await tagging.setTagState(P.orange1, 'red', 'accepted');
    await tagging.setTagState(P.orange2, 'red', 'accepted');
    expect((await labelsOf())[twin]).toContain('red');
    // Amber turned red only through the accepted orange photos; the user says no.
    await tagging.setTagState(P.amber, 'red', 'rejected');
    const learned = await labelsOf();
    expect(learned[twin]).toEqual(['yellow']);
    expect(learned[P.orange1]).toContain('red');
    expect(learned[P.yellow1]).toEqual(['yellow']);
  });
});

describe('learning from rejected tags', () => {
  it('takes the label from photos like the rejected one, and raises it nowhere', async () => {
    await tagging.setTagState(P.orange1, 'yellow', 'rejected');
    const learned = await labelsOf();
    expect(learned[P.amber]).not.toContain('yellow');
    expect(learned[P.yellow1]).toEqual(['yellow']);
    expect(learned[P.blue]).toEqual(['blue']);
  });
});
