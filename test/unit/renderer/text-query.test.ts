// The search box's "Text in photo" switch (src/renderer/lib/text-query.ts): switched on over a
// query typed as a description it searches the words of the query's own `text:` terms (else the
// whole query), and switched off again with nothing changed it gives back the query exactly as
// typed, quotes and spacing included; words changed in text mode become the description.
import { describe, expect, it } from 'vitest';
import { fromTextQuery, photoTextWords, textModeOff, textModeOn, textModeWords, toTextQuery } from '../../../src/renderer/lib/text-query';

describe('the "Text in photo" switch', () => {
  it('searches the words of the query\'s text: terms, else the whole query', () => {
    expect(textModeWords('white text:"24"')).toBe('24');
    expect(textModeWords('text:"open 24 hours" + night - people')).toBe('open 24 hours');
    expect(textModeWords('neon text:open')).toBe('open');
    expect(textModeWords('neon text: \u201copen late\u201d')).toBe('open late');
    expect(textModeWords('text:"open" text:"24"')).toBe('open 24');
    expect(textModeWords('white text:"24')).toBe('24'); // the closing quote not typed yet
    expect(textModeWords('open 24 hours')).toBe('open 24 hours');
    expect(textModeWords('context:24')).toBe('context:24'); // no text: term, a word that ends so
  });

  it('takes the text: terms the query parser takes, and only those', () => {
    // Any case, a sign glued to the term, the parser's quote marks (a curly quote closed by a straight one).
    expect(textModeWords('TEXT:"open"')).toBe('open');
    expect(textModeWords('dog +text:open')).toBe('open');
    expect(textModeWords('neon text:\u201eopen late"')).toBe('open late');
    // No quote mark the parser opens a phrase with: the guillemets are part of the one word.
    expect(textModeWords('text:\u00absale\u00bb')).toBe('\u00absale\u00bb');
    // A word that merely contains text: is no term, with a sign inside it or a bracket before it.
    expect(textModeWords('t-text:24')).toBe('t-text:24');
    expect(textModeWords('(text:24)')).toBe('(text:24)');
  });

  it('never looks for a text the query keeps out (-text:"sale")', () => {
    expect(textModeWords('beach -text:"sale"')).toBe('beach');
    expect(textModeWords('beach \u2212text:sale text:"open"')).toBe('open');
    expect(textModeWords('-text:"sale" text:"24"')).toBe('24');
  });

  it('shows the text term\'s words in the box, with no quote rewritten into it', () => {
    const { query } = textModeOn('white text:"24"');
    expect(query).toBe('text:"24"');
    expect(fromTextQuery(query)).toBe('24');
  });

  it('gives back the query exactly as typed when switched off unchanged', () => {
    for (const typed of ['white text:"24"', 'text:"24"', 'open 24 hours', ' beach  at night ', 'text:open + neon', '']) {
      const { query, before } = textModeOn(typed);
      expect(textModeOff(query, before), typed).toBe(typed);
    }
  });

  it('makes the words typed in text mode the description when they changed', () => {
    const { before } = textModeOn('white text:"24"');
    expect(textModeOff('text:"open 24"', before)).toBe('open 24');
    expect(textModeOff('', before)).toBe('');
    // Switched on before this page knew what was typed (nothing to give back): the words.
    expect(textModeOff('text:"24"', null)).toBe('24');
  });

  it('knows a search of text mode (a reload, a link) by its one text: term, as the parser reads it', () => {
    // What text mode sends, spaces typed included (the box shows them while typing on).
    expect(photoTextWords(toTextQuery('pizza'))).toBe('pizza');
    expect(photoTextWords(toTextQuery('open 24 '))).toBe('open 24 ');
    expect(fromTextQuery('text:"pizza"')).toBe('pizza');
    // The same term written otherwise: any case, curly quotes, one bare word, a plus.
    expect(photoTextWords('TEXT:\u201cpizza\u201d')).toBe('pizza');
    expect(photoTextWords('text:pizza')).toBe('pizza');
    expect(photoTextWords('+text:"pizza"')).toBe('pizza');
    // Not one text term alone: a description beside it, two terms, a text kept out, none, nothing in it.
    for (const query of ['white text:"24"', 'text:"open" text:"24"', '-text:"sale"', 'pizza', 'context:pizza', 'text:""']) expect(photoTextWords(query), query).toBeNull();
    expect(fromTextQuery('white text:"24"')).toBe('white text:"24"');
  });
});
