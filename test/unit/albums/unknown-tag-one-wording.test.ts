// A tag whose label set was removed, refused by the filter bar's search and by the album
// editor's save: both app screens say it in one wording (shared/app-wording.ts), the command
// line in its own. The core's refusal carries what it is (code 'unknown-tag') and the label, so
// the album editor's line is made from them, not from the command line's text.
import { beforeEach, describe, expect, it } from 'vitest';
import { AlbumService } from '../../../src/core/albums/album-service';
import { QueryError } from '../../../src/core/search/query-error';
import { photosWithTag } from '../../../src/core/search/tag-filter';
import { searchErrorText } from '../../../src/renderer/lib/filters';
import { appErrorText, unknownTagAppText, unknownTagOf } from '../../../src/shared/app-wording';
import { fakeLibrary, wordVectors, type FakeLibrary } from '../../helpers/fakes/fake-library';

const APP_LINE = 'No label set has the tag “mauve” (any more): choose another tag.';
const CLI_LINE = '--tag mauve: no label set has the label "mauve" (shoebox labels list)';

let lib: FakeLibrary;
beforeEach(async () => {
  lib = fakeLibrary(wordVectors({ red: [1, 0, 0] }, 3));
  await lib.store.putLabelSet({ name: 'colours', json: JSON.stringify({ name: 'colours', labels: ['Red', 'Blue'] }), updatedAt: 0 });
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('not refused'),
    (error: unknown) => error as Error & { cliText?: string; detail?: unknown },
  );

describe('a tag no label set has', () => {
  it('is refused by search with its code and label, in the command line’s words', async () => {
    const error = await refusal(photosWithTag(lib, 'mauve'));
    expect(error).toBeInstanceOf(QueryError);
    expect(error.message).toBe(CLI_LINE);
    expect(error.detail).toEqual({ code: 'unknown-tag', label: 'mauve' });
  });

  it('is said alike by the filter bar and the album editor', async () => {
    const search = await refusal(photosWithTag(lib, 'mauve'));
    const save = await refusal(new AlbumService(lib).save({ name: 'Mauve', query: 'red', filters: { tag: 'mauve' } }));
    // The filter bar shows searchErrorText of the search's message; the album editor the save's message as it is.
    expect(searchErrorText(search.message)).toBe(APP_LINE);
    expect(save.message).toBe(APP_LINE);
    // The CLI's `albums create --tag` keeps its own words.
    expect(save.cliText).toBe(CLI_LINE);
  });

  it('its app wording reads only the exact line the core writes', () => {
    expect(unknownTagAppText('mauve')).toBe(APP_LINE);
    expect(unknownTagOf(CLI_LINE)).toBe('mauve');
    expect(unknownTagOf('--tag a: b: no label set has the label "a: b" (shoebox labels list)')).toBe('a: b');
    expect(unknownTagOf('no label set has the label "purple" (shoebox labels list)')).toBeNull();
    expect(appErrorText('--place: no town or country is called "Qwzxv" (shoebox places lists the places of your photos)')).toBe('no town or country is called "Qwzxv"');
  });
});
