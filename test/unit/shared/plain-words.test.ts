// Which queries are "plain words" (src/shared/query-syntax.ts isPlainWords): the app offers
// "Photos described as …" above the results only for them. The parser's marks decide it, so
// a query the search reads with its syntax (a Unicode minus, a curly quote) gets no offer that
// would find the very words the search leaves out ("beach −people" excludes people; the
// offer found descriptions containing "people").
import { describe, expect, it } from 'vitest';
import { isPlainWords } from '../../../src/shared/query-syntax';
import { tokenize } from '../../../src/core/search/query-parser';

describe('plain words', () => {
  it('are words, emoji or digits a description can say, signs inside words included', () => {
    for (const query of ['grandma birthday', 'beach', 't-shirt', 'c++', 'rock & roll', '🎂 party', '2024', 'café au lait', 'fish—chips']) expect(isPlainWords(query), query).toBe(true);
  });

  it('are not a query with the search syntax: signs, quotes, weights, text:, paths', () => {
    const syntax = ['beach -people', 'beach \u2212people', '\u2212people beach', 'beach \u2212 people', 'dog + beach', '+dog', '"rock + roll"', '\u201crock roll\u201d', '\u201erock roll\u201d', '2:forest', 'text:open', './pool.jpg', 'C:\\x'];
    for (const query of syntax) expect(isPlainWords(query), query).toBe(false);
  });

  it('are not marks alone', () => {
    for (const query of ['', '   ', '...', '-', '!!!']) expect(isPlainWords(query), JSON.stringify(query)).toBe(false);
  });

  it('agree with the parser: plain words are one unquoted run of words, no sign read', () => {
    const queries = ['beach \u2212people', 'beach -people', '\u201crock roll\u201d', 'grandma birthday', 't-shirt c++', 'a + b', 'x \u2212 y'];
    for (const query of queries) {
      const tokens = tokenize(query);
      const read = tokens.every((t) => t.type === 'word' && !t.quoted);
      expect(isPlainWords(query), query).toBe(read);
    }
  });
});
