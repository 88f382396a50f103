import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuery, tokenize, type ParseOptions, type QueryTerm } from '../../../src/core/search/query-parser';
import { QueryError } from '../../../src/core/search/query-error';

// A made-up file system: the parser never touches the real one in these tests.
const CWD = '/photos';
const FILES = new Set(['/photos/pool.jpg', '/photos/my pool.jpg', '/home/me/x.png', '/abs/y.webp', '/photos/raw/IMG_0001', '/photos/2:odd.jpg']);
const DIRS = new Set(['/photos/album.jpg']);
const options: ParseOptions = {
  cwd: CWD,
  home: '/home/me',
  probe: (p) => (FILES.has(p) ? 'file' : DIRS.has(p) ? 'directory' : null),
};
const parse = (q: string) => parseQuery(q, options);
const text = (t: string, weight = 1, sign: 1 | -1 = 1): QueryTerm => ({ kind: 'text', text: t, weight, sign });
const image = (t: string, abs: string, weight = 1, sign: 1 | -1 = 1): QueryTerm => ({ kind: 'image', text: t, path: abs, weight, sign });
const error = (q: string) => {
  try {
    parse(q);
  } catch (err) {
    expect(err).toBeInstanceOf(QueryError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`"${q}" parsed without an error`);
};

describe('parseQuery: terms and operators', () => {
  it('reads a single text term, whitespace collapsed', () => {
    expect(parse('dog')).toEqual([text('dog')]);
    expect(parse('  golden \t retriever\n ')).toEqual([text('golden retriever')]);
  });

  it('splits on standalone + and -', () => {
    expect(parse('dog + beach - people')).toEqual([text('dog'), text('beach'), text('people', 1, -1)]);
    expect(parse('golden retriever + sandy beach')).toEqual([text('golden retriever'), text('sandy beach')]);
  });

  it('takes an operator glued to the front of a word', () => {
    expect(parse('dog -people +beach')).toEqual([text('dog'), text('people', 1, -1), text('beach')]);
    expect(parse('dog −cat')).toEqual([text('dog'), text('cat', 1, -1)]); // U+2212 minus
  });

  it('keeps + and - inside words and inside quotes as text', () => {
    expect(parse('t-shirt + c++ code')).toEqual([text('t-shirt'), text('c++ code')]);
    expect(parse('"rock + roll" - "black - white"')).toEqual([text('rock + roll'), text('black - white', 1, -1)]);
    expect(parse('a "big + small" dog')).toEqual([text('a big + small dog')]);
    expect(parse('“salt - pepper”')).toEqual([text('salt - pepper')]); // typographic quotes
  });

  it('allows a leading operator and a query of only negative terms', () => {
    expect(parse('+ dog')).toEqual([text('dog')]);
    expect(parse('- blue')).toEqual([text('blue', 1, -1)]);
    expect(parse('-blue - 2:red')).toEqual([text('blue', 1, -1), text('red', 2, -1)]);
  });

  it('keeps apostrophes as text (they are not quotes)', () => {
    expect(parse("dog's toy + kid's room")).toEqual([text("dog's toy"), text("kid's room")]);
  });
});

describe('parseQuery: weights', () => {
  it('reads N: as the weight, also inside quotes and before paths', () => {
    expect(parse('2:golden retriever + beach')).toEqual([text('golden retriever', 2), text('beach')]);
    expect(parse('"2:forest" + 0.5:city')).toEqual([text('forest', 2), text('city', 0.5)]);
    expect(parse('.5:a + 3.:b + 2: spaced out')).toEqual([text('a', 0.5), text('b', 3), text('spaced out', 2)]);
    expect(parse('1.5:./pool.jpg')).toEqual([image('./pool.jpg', '/photos/pool.jpg', 1.5)]);
  });

  it('rejects zero, negative and malformed weights with one clear line', () => {
    expect(error('0:cat')).toMatch(/weight "0:".*greater than 0/);
    expect(error('dog + 0.0:cat')).toMatch(/greater than 0/);
    expect(error('"-2:cat"')).toMatch(/invalid weight "-2:".*put "-" before it/);
    expect(error('1.2.3:cat')).toMatch(/invalid weight "1\.2\.3:"/);
    expect(error('2:-cat')).toMatch(/sign before the weight/);
    expect(error('2:')).toMatch(/weight "2:" has no term/);
  });

  it('treats a weight-like prefix only at the start of a term', () => {
    expect(parse('sunset at 10:30')).toEqual([text('sunset at 10:30')]);
    expect(parse('ratio a:b')).toEqual([text('ratio a:b')]);
  });
});

describe('parseQuery: image terms', () => {
  it('takes paths written as paths: ./, ../, ~/, absolute, or a photo extension', () => {
    expect(parse('./pool.jpg')).toEqual([image('./pool.jpg', '/photos/pool.jpg')]);
    expect(parse('../photos/pool.jpg')).toEqual([image('../photos/pool.jpg', '/photos/pool.jpg')]);
    expect(parse('~/x.png')).toEqual([image('~/x.png', '/home/me/x.png')]);
    expect(parse('/abs/y.webp')).toEqual([image('/abs/y.webp', '/abs/y.webp')]);
    expect(parse('pool.jpg')).toEqual([image('pool.jpg', '/photos/pool.jpg')]);
  });

  it('mixes image and text terms, with weights and quotes', () => {
    expect(parse('"2:forest" + ./pool.jpg - city')).toEqual([text('forest', 2), image('./pool.jpg', '/photos/pool.jpg'), text('city', 1, -1)]);
    expect(parse('"./my pool.jpg" + night')).toEqual([image('./my pool.jpg', '/photos/my pool.jpg'), text('night')]);
    expect(parse('./my pool.jpg + night')).toEqual([image('./my pool.jpg', '/photos/my pool.jpg'), text('night')]);
  });

  it('takes an existing file named with a separator, and leaves other slashes as text', () => {
    expect(parse('raw/IMG_0001')).toEqual([image('raw/IMG_0001', '/photos/raw/IMG_0001')]);
    expect(parse('AC/DC concert')).toEqual([text('AC/DC concert')]);
  });

  it('names a path that does not exist, or is a folder', () => {
    expect(error('dog + ./nope.jpg')).toBe('image not found: ./nope.jpg');
    expect(error('missing.png')).toBe('image not found: missing.png');
    expect(error('~/gone/x.heic')).toBe('image not found: ~/gone/x.heic');
    expect(error('./album.jpg')).toMatch(/is a folder, not an image/);
  });

  it('refuses URLs (nothing is downloaded)', () => {
    expect(error('https://example.com/cat.jpg')).toMatch(/URLs are not searched/);
  });

  it('probes the real file system and working directory by default', () => {
    const here = path.basename(import.meta.filename);
    expect(parseQuery(`./${here}`, { cwd: import.meta.dirname })).toEqual([image(`./${here}`, import.meta.filename)]);
    expect(() => parseQuery('./no-such-file.jpg')).toThrow('image not found: ./no-such-file.jpg');
  });
});

describe('parseQuery: what is not a query', () => {
  it.each([
    ['', /query is empty/],
    ['   ', /query is empty/],
    ['""', /term is empty/],
    ['+', /only "\+": nothing to search for/],
    ['-', /only "-"/],
    ['dog +', /nothing after the last "\+"/],
    ['dog + - cat', /"\+" is followed by "-"/],
    ['dog - + cat', /"-" is followed by "\+"/],
    ['"unterminated', /unterminated quote/],
  ])('%j is an error', (query, message) => {
    expect(error(query)).toMatch(message);
  });
});

describe('tokenize', () => {
  it('marks quoted words and operators', () => {
    expect(tokenize('a "b c"+ -d')).toEqual([
      { type: 'word', text: 'a', quoted: false },
      { type: 'word', text: 'b c+', quoted: true },
      { type: 'op', sign: -1, symbol: '-' },
      { type: 'word', text: 'd', quoted: false },
    ]);
  });
});
