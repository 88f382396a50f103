// The filter bar's fields as the engine's SearchFilters: what a user types is what is asked.
import { describe, expect, it } from 'vitest';
import { filterProblem, hasFilters, NO_FILTERS, NO_MODEL_SEARCH, searchErrorText, toSearchFilters } from '../../../src/renderer/lib/filters';

describe('filter fields', () => {
  it('asks nothing when nothing is set', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(toSearchFilters(NO_FILTERS)).toBeUndefined();
  });

  it('a tag typed with spaces around it filters by the label alone; blank is no filter', () => {
    expect(toSearchFilters({ ...NO_FILTERS, tag: '  dog ' })).toEqual({ tag: 'dog' });
    expect(hasFilters({ ...NO_FILTERS, tag: 'dog' })).toBe(true);
    expect(hasFilters({ ...NO_FILTERS, tag: '   ' })).toBe(false);
    expect(toSearchFilters({ ...NO_FILTERS, tag: '   ' })).toBeUndefined();
  });

  it('combines the tag with the other fields; "to" includes its whole day', () => {
    expect(toSearchFilters({ ...NO_FILTERS, from: '2021-06-01', to: '2021-06-15', camera: 'canon', location: 'with', tag: 'beach' })).toEqual({
      after: '2021-06-01',
      before: '2021-06-16',
      camera: 'canon',
      hasGps: true,
      tag: 'beach',
    });
    expect(filterProblem({ ...NO_FILTERS, from: '2021-06-15', to: '2021-06-01' })).toMatch(/after/);
  });
});

describe('search errors in the UI', () => {
  it('never shows command-line wording (flags, shoebox commands)', () => {
    const shown = searchErrorText('--tag re: no label set has the label "re" (shoebox labels list)');
    expect(shown).toBe('No label set has the tag “re” (any more): choose another tag.');
    expect(shown).not.toMatch(/--|shoebox/);
    expect(searchErrorText('--after 2021-13: not a date (shoebox search --help)')).toBe('Not a date');
  });

  it('points a search without a model to the banner, not to command lines', () => {
    const message = "no model: this library's photos are embedded with tiny-immich, which is not in the catalog: bring its folder with shoebox models import DIR, or pass --model-dir DIR";
    expect(searchErrorText(Object.assign(new Error(message), { name: 'NoModelError', detail: { code: 'no-model' } }))).toBe(NO_MODEL_SEARCH);
    expect(NO_MODEL_SEARCH).not.toMatch(/--|shoebox/);
  });

  it('keeps a file name as it is written', () => {
    expect(searchErrorText('labels.tsv: not an image (unrecognised content)')).toBe('labels.tsv: not an image (unrecognised content)');
    expect(searchErrorText('no photo matches')).toBe('No photo matches');
  });
});
