// `text:"…"` terms in the query language (src/core/search/query-parser.ts): taken apart from
// the CLIP terms, quoted or not, combinable, and refused where they cannot mean anything.
import { describe, expect, it } from 'vitest';
import { parseQuery, parseQueryParts } from '../../../src/core/search/query-parser';
import { QueryError } from '../../../src/core/search/query-error';

const noFiles = { probe: () => null };

describe('text: terms', () => {
  it('takes a quoted text: term apart from the CLIP terms', () => {
    const parsed = parseQueryParts('text:"open 24 hours" + night - people', noFiles);
    expect(parsed.photoText).toEqual(['open 24 hours']);
    expect(parsed.terms.map((t) => [t.text, t.sign])).toEqual([['night', 1], ['people', -1]]);
  });

  it('reads an unquoted text: term as its one word, and several terms', () => {
    expect(parseQueryParts('TEXT:open + text: "caf\u00e9 cr\u00e8me"', noFiles)).toEqual({ terms: [], photoText: ['open', 'café crème'] });
  });

  it('binds text: to its own word or quoted phrase: the words beside it are CLIP terms', () => {
    const before = parseQueryParts('neon text:"open"', noFiles);
    expect(before.photoText).toEqual(['open']);
    expect(before.terms.map((t) => [t.text, t.sign, t.weight])).toEqual([['neon', 1, 1]]);
    const after = parseQueryParts('text:"open" neon sign', noFiles);
    expect(after.photoText).toEqual(['open']);
    expect(after.terms.map((t) => t.text)).toEqual(['neon sign']);
    const unquoted = parseQueryParts('text:open late', noFiles);
    expect(unquoted).toMatchObject({ photoText: ['open'], terms: [{ text: 'late' }] });
    const signed = parseQueryParts('- people text:"open" 2:neon', noFiles);
    expect(signed.photoText).toEqual(['open']);
    expect(signed.terms.map((t) => [t.text, t.sign, t.weight])).toEqual([['people', -1, 1], ['neon', 1, 2]]);
  });

  it('refuses a weight on text: in one line', () => {
    for (const q of ['2:text:"open"', 'neon + 2:text:"open"', '2: text:"open"', '"0.5:text:open"']) {
      expect(() => parseQueryParts(q, noFiles), q).toThrow(/^a weight on text:.* means nothing/);
    }
    expect(() => parseQueryParts('text:', noFiles)).toThrow(/text: needs the words/);
    expect(() => parseQueryParts('text: + dog', noFiles)).toThrow(/text: needs the words/);
  });

  it('refuses an empty or subtracted text: term, and text: where only CLIP terms make sense', () => {
    expect(() => parseQueryParts('text:""', noFiles)).toThrow(/text: needs the words/);
    expect(() => parseQueryParts('dog - text:"open"', noFiles)).toThrow(/can be required, not subtracted/);
    expect(() => parseQuery('text:"open"', noFiles)).toThrow(QueryError);
  });

  it('leaves words that only contain "text" alone', () => {
    expect(parseQueryParts('context: a sign', noFiles).photoText).toEqual([]);
  });
});
