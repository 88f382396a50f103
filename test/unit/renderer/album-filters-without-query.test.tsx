// The album editor never drops what the user set: a folder, tag, place or dates (or a fixed
// threshold) set and the query then cleared is sent as it is, and the core's refusal (a
// hand-picked album has no filters) is said by the query field, the fields still set and in
// view. It used to save an unfiltered hand-picked album, the filters gone without a word.
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { AlbumService } from '../../../src/core/albums/album-service';
import { AlbumQueryField } from '../../../src/renderer/components/albums/AlbumQueryField';
import { emptyForm, formToInput, needsQuery, type AlbumForm } from '../../../src/renderer/components/albums/album-form';
import type { AlbumInput } from '../../../src/shared/api';
import { fakeLibrary, wordVectors } from '../../helpers/fakes/fake-library';

const filtered: AlbumForm = { ...emptyForm(), name: 'Italy', query: '', folder: '/photos/italy', tag: 'beach', place: 'Arezzo', from: '2024-03-01', to: '2024-03-07' };

let albums: AlbumService;
beforeEach(() => {
  albums = new AlbumService(fakeLibrary(wordVectors({ red: [1, 0, 0] }, 3)));
});

describe('filters set, then the query cleared', () => {
  it('are sent with the save, not dropped', () => {
    expect(formToInput(filtered)).toEqual({
      name: 'Italy',
      query: '',
      filters: { folder: '/photos/italy', tag: 'beach', place: 'Arezzo', after: '2024-03-01', before: '2024-03-08', utcOffset: -new Date().getTimezoneOffset() },
    });
    expect(formToInput({ ...emptyForm(), name: 'Fixed', automatic: false, threshold: 0.3 })).toEqual({ name: 'Fixed', query: '', threshold: 0.3 });
  });

  it('make the core refuse the save, so no hand-picked album is made without them', async () => {
    await expect(albums.save(formToInput({ ...filtered, tag: '', place: '' }) as AlbumInput)).rejects.toThrow('a hand-picked album (no query) has no filters: give a query, or leave the filters out');
    expect(await albums.list()).toEqual([]);
  });

  it('keep the editor out of its hand-picked view (their fields stay in view to be cleared)', () => {
    expect(needsQuery(filtered)).toBe(true);
    expect(needsQuery({ ...emptyForm(), name: 'Fixed', automatic: false })).toBe(true);
    expect(needsQuery({ ...filtered, query: 'beach' })).toBe(false);
    expect(needsQuery({ ...emptyForm(), name: 'Picked' })).toBe(false);
  });

  it('the refusal is one line by the query field', () => {
    const refusal = 'a hand-picked album (no query) has no filters: give a query, or leave the filters out';
    const html = renderToStaticMarkup(<AlbumQueryField value="" handPicked={false} refusal={refusal} onChange={() => {}} />);
    const field = /<label class="album-field">.*<\/label>/s.exec(html)?.[0] ?? '';
    expect(field).toContain('<span>Query</span>');
    expect(field).toContain(`role="alert">${refusal}</small>`);
    expect(field).not.toContain('hand-picked album. Its photos');
  });
});

describe('a hand-picked album', () => {
  it('is saved as before: a name and no query', async () => {
    const input = formToInput({ ...emptyForm(), name: 'Picked' });
    expect(input).toEqual({ name: 'Picked', query: '' });
    await expect(albums.save(input as AlbumInput)).resolves.toMatchObject({ name: 'Picked', query: '', filters: {} });
  });

  it('shows no refusal by its query field', () => {
    const html = renderToStaticMarkup(<AlbumQueryField value="" handPicked refusal={null} onChange={() => {}} />);
    expect(html).toContain('No query: a hand-picked album.');
    expect(html).not.toContain('role="alert"');
  });
});
