// The app's search box and the core's parser must read a query's `text:` terms the same way
// (src/shared/photo-text-terms.ts is the one reading both use): what the title calls "Text …
// in photos" and what Text mode searches is the text the engine looks for, no other.
import { describe, expect, it } from 'vitest';
import { parseQueryParts } from '../../../src/core/search/query-parser';
import { photoTextWords, textModeOn, textModeWords } from '../../../src/renderer/lib/text-query';

/** The texts the engine looks for in `query` (spacing collapsed, as it searches them). */
const engineReads = (query: string) => parseQueryParts(query, { probe: () => null }).photoText;
const collapsed = (words: string) => words.replace(/\s+/g, ' ').trim();

describe('the app reads text: terms as the engine does', () => {
  it('a quoted "text:sale" is the text "sale" for both', () => {
    expect(engineReads('"text:sale"')).toEqual(['sale']);
    expect(photoTextWords('"text:sale"')).toBe('sale');
    expect(textModeWords('"text:sale"')).toBe('sale');
    expect(textModeOn('"text:sale"').query).toBe('text:"sale"');
  });

  it('text:"open"late is the one word "openlate" for both', () => {
    expect(engineReads('text:"open"late')).toEqual(['openlate']);
    expect(photoTextWords('text:"open"late')).toBe('openlate');
    expect(textModeWords('text:"open"late')).toBe('openlate');
  });

  it('agree on a spread of queries: the title\'s text is the engine\'s only text, Text mode searches the engine\'s texts', () => {
    const queries = [
      'text:"open 24 hours" + night - people',
      'neon text:open',
      'neon text: \u201copen late\u201d',
      'text:"open" text:"24"',
      '"text:open" neon',
      'TEXT:\u201epizza"',
      'text:"pi"zza',
      'te"xt:"sale',
      '+ text:"pizza"',
      'text: "pizza"',
      'text:\u00absale\u00bb',
      'text:pizza',
    ];
    for (const query of queries) {
      const read = engineReads(query);
      const title = photoTextWords(query);
      if (title !== null) expect([collapsed(title)], query).toEqual(read);
      // Text mode searches the texts the engine reads (a query of only them shows as one).
      expect(collapsed(textModeWords(query)), query).toBe(read.join(' '));
    }
  });
});
