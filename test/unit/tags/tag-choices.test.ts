// The app's tag filter list is the core's (LibraryApi.tagChoices): one entry per label as the
// tag filter matches it, in every set and in any case, each photo counted once, so the number
// beside "beach" is what `shoebox tags find beach` and `search --tag beach` find.
import { beforeEach, describe, expect, it } from 'vitest';
import { TaggingService } from '../../../src/core/tags/tagging-service';
import { jsScorer } from '../../../src/core/tags/matrix-scorer';
import { tagChoices } from '../../../src/core/api/tag-choices';
import { photosWithTag } from '../../../src/core/search/tag-filter';
import type { SearchLibrary } from '../../../src/core/search/search-library';
import { fakeLibrary, wordVectors, type FakeLibrary } from '../../helpers/fakes/fake-library';
import { photoRecord } from '../../helpers/fakes/fake-store';

const WORDS = { beach: [1, 0, 0, 0], forest: [0, 1, 0, 0], boats: [0, 0, 1, 0] };
const DIR = '/fake-photos';
const [A, B, C, D, E] = ['a', 'b', 'c', 'd', 'e'].map((n) => `${DIR}/${n}.jpg`) as [string, string, string, string, string];

let lib: FakeLibrary;
let tagging: TaggingService;

const choices = async () => tagChoices(lib.store, await tagging.listLabelSets());

beforeEach(async () => {
  lib = fakeLibrary(wordVectors(WORDS, 4));
  tagging = new TaggingService(lib, { scorerFor: () => jsScorer() });
  await lib.store.upsertPhotos([A, B, C, D, E].map((p) => photoRecord(p, [0, 0, 0, 1])));
  // The shipped scenes set's "beach" beside a "keywords" set's "Beach" (description import).
  await tagging.importLabelSet(JSON.stringify({ name: 'scenes', labels: ['beach', 'forest'] }), 'scenes.json');
  await tagging.importLabelSet(JSON.stringify({ name: 'keywords', labels: ['Beach', 'boats'] }), 'keywords.json');
  for (const p of [A, B, C]) await tagging.setTagState(p, 'beach', 'accepted', 'scenes');
  for (const p of [C, D]) await tagging.setTagState(p, 'Beach', 'accepted', 'keywords');
  await tagging.setTagState(D, 'boats', 'accepted', 'keywords');
  await tagging.setTagState(E, 'Beach', 'rejected', 'keywords');
});

describe('the tag filter list', () => {
  it('offers a label spelled differently in two sets once, counting a photo tagged in both once', async () => {
    expect(await choices()).toEqual([
      { label: 'beach', photos: 4 },
      { label: 'boats', photos: 1 },
    ]);
  });

  it('counts what the tag filter and `tags find` find for the label', async () => {
    const beach = (await choices()).find((c) => c.label === 'beach')!;
    expect((await tagging.pathsWithTag('Beach')).length).toBe(beach.photos);
    expect((await photosWithTag(lib as unknown as SearchLibrary, beach.label)).hashes).toHaveLength(beach.photos);
  });
});
