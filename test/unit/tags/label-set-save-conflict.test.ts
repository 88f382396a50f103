// The core's save of a label set (TaggingService.saveLabelSet), as the editor calls it with the
// revision it loaded: a set changed elsewhere meanwhile (a CLI `labels import` adding "purple")
// is not written over, its label survives, and the refusal is one line saying what to do.
// An import that takes labels out says what went with them (tags, decisions kept).
import { beforeEach, describe, expect, it } from 'vitest';
import { TaggingService } from '../../../src/core/tags/tagging-service';
import { jsScorer } from '../../../src/core/tags/matrix-scorer';
import { LabelSetConflictError, labelSetRevision, parseLabelSet } from '../../../src/core/tags/label-set';
import { fakeLibrary, wordVectors, type FakeLibrary } from '../../helpers/fakes/fake-library';
import { photoRecord } from '../../helpers/fakes/fake-store';

const WORDS = { red: [1, 0, 0, 0], blue: [0, 1, 0, 0], green: [0, 0, 1, 0], purple: [0, 0, 0, 1] };
const COLOURS = { name: 'colours', labels: ['red', 'green', 'blue'], threshold: 0.3, margin: 0.05 };
const DIR = '/fake-photos';

let lib: FakeLibrary;
let tagging: TaggingService;

beforeEach(async () => {
  lib = fakeLibrary(wordVectors(WORDS, 4));
  tagging = new TaggingService(lib, { scorerFor: () => jsScorer() });
  await lib.store.upsertPhotos([photoRecord(`${DIR}/green.jpg`, [0.1, 0.1, 0.95, 0]), photoRecord(`${DIR}/red.jpg`, [0.95, 0.1, 0.1, 0])]);
  await tagging.importLabelSet(JSON.stringify(COLOURS), 'colours.json');
});

describe('saving a label set the editor opened', () => {
  it('refuses, in one line, a save over a set changed since it was loaded: purple survives', async () => {
    const opened = labelSetRevision(await tagging.labelSet('colours'));
    await tagging.importLabelSet(JSON.stringify({ ...COLOURS, labels: [...COLOURS.labels, 'purple'] }), 'col-purple.json');
    const edited = parseLabelSet({ ...COLOURS, threshold: 0.4 }, 'editor');
    const refused = tagging.saveLabelSet(edited, { expectedRevision: opened });
    await expect(refused).rejects.toThrow(LabelSetConflictError);
    await expect(refused).rejects.toThrow(/^colours was changed elsewhere since you opened it \(it now has 4 labels, threshold 0\.3, margin 0\.05\): reload to see it$/);
    const stored = await tagging.labelSet('colours');
    expect(stored.labels.map((l) => l.name)).toEqual(['red', 'green', 'blue', 'purple']);
    expect(stored.threshold).toBe(0.3);
    // Reloaded (the revision it has now), the same change saves.
    await tagging.saveLabelSet(parseLabelSet({ ...COLOURS, labels: [...COLOURS.labels, 'purple'], threshold: 0.4 }, 'editor'), { expectedRevision: labelSetRevision(stored) });
    expect((await tagging.labelSet('colours')).threshold).toBe(0.4);
  });

  it('is no conflict when the set is the same as loaded (imported again unchanged)', async () => {
    const opened = labelSetRevision(await tagging.labelSet('colours'));
    await tagging.importLabelSet(JSON.stringify(COLOURS), 'colours.json');
    await tagging.saveLabelSet(parseLabelSet({ ...COLOURS, threshold: 0.4 }, 'editor'), { expectedRevision: opened });
    expect((await tagging.labelSet('colours')).threshold).toBe(0.4);
  });

  it('refuses a save of a set removed since it was opened', async () => {
    const opened = labelSetRevision(await tagging.labelSet('colours'));
    await tagging.removeLabelSet('colours');
    await expect(tagging.saveLabelSet(parseLabelSet(COLOURS, 'editor'), { expectedRevision: opened })).rejects.toThrow(/^colours was removed elsewhere since you opened it/);
  });
});

describe('an import that takes labels out', () => {
  it('says which labels went and how many photos showed them', async () => {
    await tagging.tagFolder('colours', DIR);
    await tagging.setTagState(`${DIR}/red.jpg`, 'red', 'accepted');
    const { dropped } = await tagging.importLabelSet(JSON.stringify({ ...COLOURS, labels: ['blue', 'purple'] }), 'fewer.json');
    expect(dropped).toEqual({ labels: ['red', 'green'], tags: 2, decisions: 1 });
    const again = await tagging.importLabelSet(JSON.stringify({ ...COLOURS, labels: ['blue', 'purple'] }), 'fewer.json');
    expect(again.dropped).toEqual({ labels: [], tags: 0, decisions: 0 });
  });
});
