// Text search for what the recogniser reads, or ICU keeps, other than as a user types it, in a
// real library (LanceDB's full-text index and the store's scan): a number with a digit read as
// its look-alike letter ("BATCH NUMBER 1O"), a word with an apostrophe ("McDonald's") and a
// web address ("321Dogs.com"), each of which the index holds as one word.
import { describe, expect, it } from 'vitest';
import { findText } from '../../src/core/text/photo-text-search';
import type { PhotoTextRecord } from '../../src/core/store/types';
import { tempDir } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';

/** A photo's text as the OCR stores it: one line per entry, boxes stacked down the photo. */
function read(hash: string, lines: string[]): PhotoTextRecord {
  const boxes = lines.map((text, i) => ({ text, score: 0.99, box: [[10, 10 + 40 * i], [300, 10 + 40 * i], [300, 40 + 40 * i], [10, 40 + 40 * i]] }));
  return { hash, text: lines.join('\n'), lines: JSON.stringify(boxes), width: 320, height: 40 * lines.length + 20, model: 'test-ocr@0', error: null, readAt: 0 };
}

async function library(records: PhotoTextRecord[]) {
  const store = await testLibrary(tempDir()).writable();
  await store.putPhotoText(records);
  return async (query: string) => (await findText(store, query)).map((hit) => hit.hash);
}

describe('text search for digit look-alikes, apostrophes and web addresses', () => {
  it('finds a number read with an O for a 0 by the number typed, the photo read right first', async () => {
    const found = await library([read('misread', ['BATCH NUMBER 1O']), read('exact', ['BATCH NUMBER 10']), read('other', ['BATCH NUMBER 12']), read('ward', ['WARD 1O5']), read('lab', ['LAB 1l0'])]);
    expect(await found('10')).toEqual(['exact', 'misread']);
    expect(await found('batch 10')).toEqual(['exact', 'misread']);
    expect((await found('BATCH NUMBER 10')).slice(0, 2)).toEqual(['exact', 'misread']);
    expect(await found('105')).toEqual(['ward']);
    expect(await found('110')).toEqual(['lab']);
  });

  it('finds a number read with two or more O\'s for its 0s, beyond the index\'s one edit', async () => {
    const found = await library([read('room', ['ROOM 1OO']), read('year', ['YEAR 2OO5']), read('tel', ['TEL 1OOO']), read('mixed', ['TEL 1O0O']), read('exact', ['ROOM 100']), read('loo', ['LOO'])]);
    expect(await found('100')).toEqual(['exact', 'room']);
    expect(await found('2005')).toEqual(['year']);
    expect((await found('1000')).sort()).toEqual(['mixed', 'tel']);
    // Typed with O's, the number read with 0s too; a word of letters is never a number.
    expect(await found('1oo')).toEqual(['room', 'exact']);
  });

  it('keeps short words and units apart: only a number\'s look-alikes are digits', async () => {
    const found = await library([read('laptop', ['Core i7']), read('bottle', ['WATER 2L']), read('oven', ['OVEN']), read('sign', ['OPEN 10s'])]);
    expect(await found('17')).toEqual([]);
    expect(await found('21')).toEqual([]);
    expect(await found('105')).toEqual([]);
    expect(await found('i7')).toEqual(['laptop']);
  });

  it('finds a word with an apostrophe typed without it, or without its ending', async () => {
    const found = await library([read('brands', ["iPhone McDonald's eBay"]), read('curly', ['McDonald’s']), read('plain', ['MCDONALD FARM'])]);
    // Both apostrophes as read, first; "MCDONALD" is one letter off (a word of seven or more may be).
    for (const query of ['mcdonalds', "mcdonald's", 'mcdonald’s']) {
      const hits = await found(query);
      expect(hits.slice(0, 2).sort(), query).toEqual(['brands', 'curly']);
      expect(hits[2], query).toBe('plain');
    }
    expect((await found('mcdonald'))[0]).toBe('plain');
    expect((await found('mcdonald')).sort()).toEqual(['brands', 'curly', 'plain']);
  });

  it('does not find a word by a one- or two-letter piece beside its apostrophe or point', async () => {
    const found = await library([read('shop', ["It's open"]), read('sign', ["DON'T WALK"]), read('flag', ['MADE IN U.S.A.']), read('cafe', ["L'EAU VIVE"])]);
    for (const query of ['s', 'it', 't', 'u', 'a', 'l', 's open', 'a made']) expect(await found(query), query).toEqual([]);
    // The word itself, as typed with or without its apostrophe or points, and longer pieces still find it.
    for (const query of ["it's", 'its', 'its open']) expect(await found(query), query).toEqual(['shop']);
    for (const query of ["don't", 'dont', 'dont walk']) expect(await found(query), query).toEqual(['sign']);
    expect(await found('u.s.a')).toEqual(['flag']);
    for (const query of ['eau', "l'eau", 'leau']) expect(await found(query), query).toEqual(['cafe']);
  });

  it('finds a web address by its parts, and keeps an amount whole', async () => {
    const found = await library([read('web', ['321Dogs.com']), read('site', ['www.example.com']), read('receipt', ['TOTAL 19.53']), read('cats', ['CATS'])]);
    for (const query of ['dogs', 'dogs.com', '321dogs', '321', '321dogs.com']) expect(await found(query), query).toEqual(['web']);
    expect((await found('com')).sort()).toEqual(['site', 'web']);
    for (const query of ['example', 'example.com', 'www.example']) expect(await found(query), query).toEqual(['site']);
    expect(await found('19,53')).toEqual(['receipt']);
    expect(await found('53')).toEqual([]);
    expect(await found('cats.com')).toEqual([]);
  });
});
