// Which words of a text query a photo's text holds (src/core/text/text-match.ts): misreads
// within a few edits on longer words, exact short words, accents and case folded, Chinese
// split into words, most of the query required, and each word's box cut from its line's.
import { describe, expect, it } from 'vitest';
import { findText, matchText, queryWords, wordBox, wordsRequired, type StoredLine } from '../../../src/core/text';
import type { PhotoTextHit } from '../../../src/core/store/types';

const line = (text: string, box: [number, number][] = [[0, 0], [130, 0], [130, 10], [0, 10]]): StoredLine => ({ text, score: 0.9, box });
const photo = (...lines: StoredLine[]) => ({ text: lines.map((l) => l.text).join('\n'), lines, width: 200, height: 100 });

describe('matchText', () => {
  it('finds every query word, allowing one misread letter in a word of four or more', () => {
    const m = matchText(queryWords('open 24 hours'), photo(line('0PEN 24 HOURS')))!;
    expect(m.found).toBe(3);
    expect(m.match.words.map((w) => w.text)).toEqual(['0PEN', '24', 'HOURS']);
  });

  it('does not take one real word for another: only glyphs the OCR confuses are forgiven on short words', () => {
    const pairs = [['cafe', 'CASE'], ['cafe', 'CARE'], ['exit', 'EDIT'], ['open', 'OVEN'], ['sale', 'SALT'], ['hotel', 'MOTEL'], ['hours', 'HOURZ']];
    for (const [query, read] of pairs) expect(matchText(queryWords(query!), photo(line(read!))), `${query} in ${read}`).toBeNull();
    const misreads = [['open', '0PEN'], ['hotel', 'H0TE1'], ['sale', '5ALE'], ['modern', 'rnodern'], ['bread', '8READ'], ['hours', 'HOVRS']];
    for (const [query, read] of misreads) expect(matchText(queryWords(query!), photo(line(read!)))?.found, `${query} in ${read}`).toBe(1);
  });

  it('forgives one other misread letter in a word of seven or more, and counts the edits', () => {
    expect(matchText(queryWords('platform'), photo(line('PLATFPRM')))).toMatchObject({ found: 1, edits: 1 });
    expect(matchText(queryWords('open platform'), photo(line('OPEN PLATFORM')))).toMatchObject({ found: 2, edits: 0 });
    expect(matchText(queryWords('open platform'), photo(line('0PEN PLATF0RM')))).toMatchObject({ found: 2, edits: 2 });
  });

  it('requires short words exactly: "25" is not "24"', () => {
    expect(matchText(queryWords('24'), photo(line('OPEN 25 HOURS')))).toBeNull();
  });

  it('folds accents and case, both ways', () => {
    expect(matchText(queryWords('cafe creme'), photo(line('Café Crème')))?.found).toBe(2);
    expect(matchText(queryWords('CAFÉ'), photo(line('cafe')))?.found).toBe(1);
  });

  it('splits Chinese into words as the full-text index does', () => {
    expect(matchText(queryWords('营业时间'), photo(line('营业时间 早上九点')))?.found).toBe(2);
    expect(matchText(queryWords('营业时间'), photo(line('早上九点')))).toBeNull();
  });

  it('counts two query words read glued together (small text loses its spaces)', () => {
    const m = matchText(queryWords('emergency exit keep clear'), photo(line('Emergency exitkeep clear')))!;
    expect(m.found).toBe(4);
    expect(m.match.words.map((w) => w.text)).toEqual(['Emergency', 'exitkeep', 'clear']);
  });

  it('counts a word read with a number run into it as its parts, split only between letters and 2+ digits', () => {
    for (const query of ['hours', 'open 24', 'open hours', '24 hours']) expect(matchText(queryWords(query), photo(line('OPEN 24HOURS'))), query).not.toBeNull();
    expect(matchText(queryWords('hours'), photo(line('OPEN 24H0URS')))).toMatchObject({ found: 1, edits: 1 });
    expect(matchText(queryWords('vitamin 12'), photo(line('VITAMIN B12')))?.found).toBe(2);
    // A lone digit among letters is a misread letter ("0PEN" is OPEN), and letters never split from letters.
    for (const [query, read] of [['pen', '0PEN'], ['read', '8READ'], ['cat', 'CATEGORY'], ['20', '2024']]) expect(matchText(queryWords(query!), photo(line(read!))), `${query} in ${read}`).toBeNull();
  });

  it('takes a ß read as B (the recogniser has no ß) for the ß or ss typed, one way only', () => {
    for (const query of ['straße', 'strasse', 'große']) expect(matchText(queryWords(query), photo(line('Große StraBe', [[0, 0], [120, 0], [120, 10], [0, 10]]))), query).not.toBeNull();
    expect(matchText(queryWords('straße'), photo(line('StraBe')))).toMatchObject({ found: 1, edits: 1 });
    // A B typed is not a ß read as SS: "grobe" is not GROSSE.
    expect(matchText(queryWords('grobe'), photo(line('GROSSE')))).toBeNull();
  });

  it('finds an amount with either decimal separator, and run into the word before or after it', () => {
    expect(matchText(queryWords('3,50'), photo(line('Total 3.50')))).toMatchObject({ found: 1, edits: 1 });
    for (const query of ['3.50', '3,50', 'total', 'eur', 'total 3.50 eur']) expect(matchText(queryWords(query), photo(line('Total3.50EUR'))), query).not.toBeNull();
    for (const query of ['35.0', '3.60', '350']) expect(matchText(queryWords(query), photo(line('Total3.50EUR'))), query).toBeNull();
  });

  it('takes no one- or two-letter piece beside an apostrophe or a point for a word: "s" is not in "It\'s"', () => {
    for (const [query, read] of [['s', "It's open"], ['it', "It's"], ['t', "DON'T"], ['a', 'U.S.A.'], ['l', "L'EAU"], ['s open', "It's open"]]) expect(matchText(queryWords(query!), photo(line(read!))), `${query} in ${read}`).toBeNull();
    // Joined, or three letters or more, a piece still finds its word.
    for (const [query, read] of [['its', "It's"], ['dont', "DON'T"], ['eau', "L'EAU"], ['mcdonald', "McDonald's"], ['dogs', '321Dogs.com'], ['com', '321Dogs.com']]) expect(matchText(queryWords(query!), photo(line(read!))), `${query} in ${read}`).not.toBeNull();
  });

  it('needs most of the query: all of one or two words, two of three, three of four', () => {
    expect([1, 2, 3, 4, 5, 6].map(wordsRequired)).toEqual([1, 2, 2, 3, 4, 4]);
    expect(matchText(queryWords('museum closed mondays'), photo(line('MUSEUM CL0SFD ON MONDAYS')))?.found).toBe(2);
    expect(matchText(queryWords('museum closed mondays'), photo(line('MUSEUM SHOP')))).toBeNull();
  });

  it('boxes each matched word within its line, in proportion to its characters\' widths', () => {
    // OPEN (4 capitals) + space (0.45) + 24 (2 x 0.9) + space (0.45) = 6.7 of 11.7 before HOURS.
    const m = matchText(queryWords('hours'), photo(line('OPEN 24 HOURS', [[0, 0], [117, 0], [117, 10], [0, 10]])))!;
    expect(m.match.words[0]!.box).toEqual([[67, 0], [117, 0], [117, 10], [67, 10]]);
  });
});

describe('findText ranking', () => {
  const row = (hash: string, text: string, score: number): PhotoTextHit => ({ hash, text, lines: JSON.stringify([line(text)]), width: 200, height: 100, model: 'm', error: null, readAt: 0, score });
  const rank = async (query: string, rows: PhotoTextHit[]) => (await findText({ searchPhotoText: async () => rows }, query)).map((h) => h.hash);

  it('ranks the photos holding more of the words first, then fewer edits, then BM25', async () => {
    // BM25 favours the rare, misread "0PEN" and "H0URS": the exact match still comes first.
    expect(await rank('open 24 hours', [row('misread', '0PEN 24 H0URS', 9), row('exact', 'OPEN 24 HOURS', 3), row('two', 'OPEN HOURS', 12)])).toEqual(['exact', 'misread', 'two']);
    expect(await rank('exit', [row('a', 'EXIT', 1), row('b', 'EXIT EXIT', 2), row('edit', 'EDIT', 5)])).toEqual(['b', 'a']);
  });
});

describe('wordBox', () => {
  it('slices a line read turned (text running down a tall box) along its length', () => {
    // A 500x1400 photo with "OPEN ALL DAY" running top to bottom in a box 60 wide and 1000 tall:
    // the recogniser reads it down its right side (TR -> BR), so "OPEN" is its top third or so.
    const tall: [number, number][] = [[200, 100], [260, 100], [260, 1100], [200, 1100]];
    const [a, b, c, d] = wordBox(tall, 'OPEN ALL DAY', 0, 4);
    // Along the long side: from the top down to y = 100 + 1000 * 4 / 10.9 (four capitals of 10.9).
    expect(a).toEqual([260, 100]);
    expect(b).toEqual([260, 467]);
    expect(c).toEqual([200, 467]);
    expect(d).toEqual([200, 100]);
    // The whole line's width, not a thin strip of it.
    expect(Math.abs(b![0] - c![0])).toBe(60);
  });

  it('follows a tilted line', () => {
    expect(wordBox([[0, 0], [100, 10], [99, 30], [-1, 20]], 'ABCDEFGHIJ', 5, 10)).toEqual([[50, 5], [100, 10], [99, 30], [49, 25]]);
  });
});
