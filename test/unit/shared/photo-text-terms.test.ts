// The one reading of a query's `text:` terms (src/shared/photo-text-terms.ts) that the core's
// parser and the app's search box share: which words are terms, their words, their sign.
import { describe, expect, it } from 'vitest';
import { onlyPhotoText, photoTextTerms, queryParts } from '../../../src/shared/photo-text-terms';
import { queryTokens } from '../../../src/shared/query-tokens';

describe('query tokens', () => {
  it('join a word\'s quoted parts to it, and read on past a quote not closed yet', () => {
    expect(queryTokens('text:"open"late')).toEqual([{ type: 'word', text: 'text:openlate', quoted: true, start: 0, end: 15 }]);
    expect(queryTokens('a "b c')).toEqual([
      { type: 'word', text: 'a', quoted: false, start: 0, end: 1 },
      { type: 'word', text: 'b c', quoted: true, start: 2, end: 6, unclosedAt: 2 },
    ]);
  });
});

describe('text: terms', () => {
  it('are words starting with text:, quoted or not, in any case', () => {
    expect(photoTextTerms('"text:sale"').map((t) => t.words)).toEqual(['sale']);
    expect(photoTextTerms('TEXT:\u201copen late\u201d').map((t) => t.words)).toEqual(['open late']);
    expect(photoTextTerms('context:24 t-text:24')).toEqual([]);
  });

  it('take the next word after a bare text:, none after a sign', () => {
    expect(queryParts('text: "open" neon').map((p) => p.type)).toEqual(['photoText', 'word']);
    expect(photoTextTerms('text: "open" neon')[0]).toMatchObject({ words: 'open', start: 0, end: 12 });
    expect(photoTextTerms('text: + neon')[0]?.words).toBe('');
  });

  it('are kept out by a minus right before them, the span taking the sign', () => {
    expect(photoTextTerms('beach - text:sale')).toEqual([{ words: 'sale', negated: true, start: 6, end: 17 }]);
    expect(photoTextTerms('beach \u2212text:sale')[0]?.negated).toBe(true);
    expect(photoTextTerms('-beach text:sale')[0]?.negated).toBe(false);
  });

  it('make a text-only query when one required term stands alone', () => {
    expect(onlyPhotoText('+ text:"open 24 "')).toBe('open 24 ');
    for (const query of ['white text:"24"', '-text:"sale"', 'text:""', 'text:', 'text:"a" text:"b"']) expect(onlyPhotoText(query), query).toBeNull();
  });
});
