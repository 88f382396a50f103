// The search's tag filter (`search --tag`, album tag filters) sees a photo's tags as the photo
// shows them: a decision recorded on "green" holds once the set spells the label "Green", and a
// rejection hides the model's tag in any spelling.
import { describe, expect, it } from 'vitest';
import { TaggingService } from '../../../src/core/tags/tagging-service';
import { jsScorer } from '../../../src/core/tags/matrix-scorer';
import { photosWithTag } from '../../../src/core/search/tag-filter';
import type { SearchLibrary } from '../../../src/core/search/search-library';
import { fakeLibrary, wordVectors } from '../../helpers/fakes/fake-library';
import { photoRecord } from '../../helpers/fakes/fake-store';

const WORDS = { red: [1, 0, 0, 0], blue: [0, 1, 0, 0], green: [0, 0, 1, 0] };
const DIR = '/fake-photos';
const RED = `${DIR}/red.jpg`;
const RED2 = `${DIR}/red2.jpg`;

describe('the tag filter and decisions on another spelling of the label', () => {
  it('finds a photo accepted as "green" under "Green", and leaves out one rejected as "red" under "Red"', async () => {
    const lib = fakeLibrary(wordVectors(WORDS, 4));
    const tagging = new TaggingService(lib, { scorerFor: () => jsScorer() });
    const red = photoRecord(RED, [0.95, 0.2, 0.2, 0]);
    const red2 = photoRecord(RED2, [0.9, 0.1, 0.25, 0]);
    await lib.store.upsertPhotos([red, red2]);
    await tagging.importLabelSet(JSON.stringify({ name: 'colours', labels: ['red', 'blue', 'green'] }), 'colours.json');
    await tagging.tagFolder('colours', DIR);
    await tagging.setTagState(RED, 'green', 'accepted'); // not green to the model: only the decision tags it
    await tagging.setTagState(RED, 'red', 'rejected');
    await tagging.importLabelSet(JSON.stringify({ name: 'colours', labels: ['Red', 'blue', 'Green'] }), 'colours.json');
    await tagging.tagFolder('colours', DIR);
    const search = lib as unknown as SearchLibrary;
    expect((await photosWithTag(search, 'Green')).hashes).toEqual([red.hash]);
    expect((await photosWithTag(search, 'red')).hashes).toEqual([red2.hash]);
  });
});
