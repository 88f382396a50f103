// Why a search found nothing, as the core decides it once for `shoebox search` and the app
// (src/core/search/empty-reason.ts): the library's state is faked, the order of the reasons is
// the behaviour. Above all: text read before "Text in photos" was switched off is still
// searched, so the setting being off is the reason only when no text was ever read, and
// filters that admit no photo are said before any reason about the text.
import { describe, expect, it } from 'vitest';
import { emptyReason, termsText, type EmptySearch } from '../../../src/core/search/empty-reason';
import { parseQueryParts } from '../../../src/core/search/query-parser';
import type { SearchRequestOptions, SearchResult } from '../../../src/shared/search';

interface Library {
  /** Embedded photos, and those the filters admit. */
  embedded: number;
  admitted: number;
  text: { on: boolean; contents: number; left: number };
  /** What the same query finds again: without filters, with them (no cut-off). */
  holdingAnywhere: number;
  holdingFiltered: number;
}

const HIT = { path: '/p.jpg', score: 0.1 };
const library = (over: Partial<Library> = {}): Library => ({ embedded: 5, admitted: 5, text: { on: true, contents: 5, left: 0 }, holdingAnywhere: 1, holdingFiltered: 1, ...over });

function asked(query: string, lib: Library, options: SearchRequestOptions, result: SearchResult = { hits: [], minScore: null }): EmptySearch {
  return {
    parsed: parseQueryParts(query),
    options,
    result,
    searchAgain: async (again) => {
      const found = Object.keys(again.filters ?? {}).length > 0 ? lib.holdingFiltered : lib.holdingAnywhere;
      return { hits: Array.from({ length: Math.min(found, again.limit ?? 20) }, () => HIT), minScore: null };
    },
    countSearchable: async (filters) => (Object.keys(filters).length > 0 ? lib.admitted : lib.embedded),
    textState: async () => lib.text,
  };
}

const FOLDER = { filters: { folder: '/elsewhere' } };

describe('why a search for text in photos found nothing', () => {
  it('blames the setting only when no text was ever read', async () => {
    expect(await emptyReason(asked('text:"zzz"', library({ text: { on: false, contents: 5, left: 5 }, holdingAnywhere: 0 }), {}))).toEqual({ reason: 'text-not-read' });
    // Read before, then switched off: the text read is searched; none holds the words.
    expect(await emptyReason(asked('text:"zzz"', library({ text: { on: false, contents: 5, left: 1 }, holdingAnywhere: 0 }), {}))).toEqual({ reason: 'no-text', text: { on: false, read: 4, left: 1, contents: 5 } });
  });

  it('says the filters admit no photo before anything about the text', async () => {
    const off = library({ text: { on: false, contents: 5, left: 0 }, admitted: 0, holdingAnywhere: 0, holdingFiltered: 0 });
    expect(await emptyReason(asked('text:"zzz"', off, FOLDER))).toEqual({ reason: 'filters' });
    const unread = library({ text: { on: true, contents: 5, left: 3 }, admitted: 0, holdingAnywhere: 0, holdingFiltered: 0 });
    expect(await emptyReason(asked('text:"zzz"', unread, FOLDER))).toEqual({ reason: 'filters' });
  });

  it('tells filters that leave none of the photos holding the text', async () => {
    expect(await emptyReason(asked('text:"open"', library({ holdingFiltered: 0 }), FOLDER))).toEqual({ reason: 'filters-among-text' });
  });

  it('knows a text term however it is written: a sign glued to it, any case, curly quotes', async () => {
    for (const query of ['dog +text:open', 'TEXT:"open"', 'dog + text:\u201copen\u201d']) {
      expect(await emptyReason(asked(query, library({ text: { on: false, contents: 5, left: 5 } }), {})), query).toEqual({ reason: 'text-not-read' });
    }
    // Not a text term: no word about the text.
    expect(await emptyReason(asked('context:open', library({ text: { on: false, contents: 5, left: 5 } }), {}))).toBeUndefined();
  });

  it('counts the photos holding the text that the other terms left below the cut-off', async () => {
    const closest: SearchResult = { hits: [HIT], minScore: 0.21, closest: true };
    expect(await emptyReason(asked('green text:"open 24"', library({ holdingAnywhere: 3, holdingFiltered: 3 }), {}, closest))).toEqual({
      reason: 'cut-off',
      minScore: 0.21,
      held: { photos: 3, atLeast: false, text: ['open 24'], terms: 'green' },
    });
  });
});

describe('why any search found nothing', () => {
  it('says nothing is embedded first, then filters, then the cut-off', async () => {
    expect(await emptyReason(asked('red', library({ embedded: 0, admitted: 0 }), FOLDER))).toEqual({ reason: 'not-embedded' });
    expect(await emptyReason(asked('red', library({ admitted: 0 }), FOLDER))).toEqual({ reason: 'filters' });
    expect(await emptyReason(asked('red', library(), {}, { hits: [HIT], minScore: 0.2, closest: true }))).toEqual({ reason: 'cut-off', minScore: 0.2 });
  });

  it('gives no reason for a page with photos, or a later page', async () => {
    expect(await emptyReason(asked('red', library(), {}, { hits: [HIT], minScore: 0.2 }))).toBeUndefined();
    expect(await emptyReason(asked('red', library({ embedded: 0 }), { offset: 20 }))).toBeUndefined();
  });

  it('writes the other terms back in the query language', () => {
    expect(termsText(parseQueryParts('red -people + 2:"blue sky" text:open').terms)).toBe('red - people + 2:blue sky');
  });
});
