// Text search as a user types the words a sign holds, on a real library (LanceDB's full-text
// index and the core's re-check): a word read with letters and digits run together
// ("OPEN24HOURS") is found by any run of its parts ("24hours", "open24"), as a word typed that
// way finds the words read apart ("OPEN 24 HOURS"); "ß" is "ss" both ways; a word read with an
// umlaut is found spelled out ("mueller" for "Müller"), and that spelling finds no other word.
// A photo found only by the store's scan for run-together words ranks by a real full-text
// score, that of the words it holds as read, not 0.
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

const ROWS = [
  read('sign', ['OPEN24HOURS']),
  read('apart', ['OPEN 24 HOURS']),
  read('street', ['Hauptstraße 5']),
  read('upper', ['GOETHESTRASSE']),
  read('bakery', ['Bäckerei Müller', 'Käse 3,50']),
  read('case', ['KASE MULER']),
  read('other', ['CLOSED SUNDAY']),
];

/** A library holding ROWS (closed after each test by testLibrary). */
async function library(): Promise<{ search: (query: string) => ReturnType<typeof findText>; found: (query: string) => Promise<string[]> }> {
  const store = await testLibrary(tempDir()).writable();
  await store.putPhotoText(ROWS);
  const search = (query: string) => findText(store, query);
  return { search, found: async (query) => (await search(query)).map((hit) => hit.hash).sort() };
}

describe('text search: word parts, ß and umlauts as typed', () => {
  it('finds a word read with its number run in by any run of its parts, and words read apart by the word typed run together', async () => {
    const { search, found } = await library();
    for (const query of ['open24hours', 'open', '24', 'hours', 'open 24 hours']) expect(await found(query), query).toEqual(['apart', 'sign']);
    for (const query of ['24hours', 'open24', 'OPEN24', '24HOURS']) expect(await found(query), query).toEqual(['apart', 'sign']);
    // Runs only: the parts in another order, or letters split from letters, are no word of it.
    for (const query of ['hours24', '24open', 'pen24', '24hour']) expect(await found(query), query).toEqual([]);
    // The words boxed are those read.
    expect((await search('24hours')).find((h) => h.hash === 'apart')!.match.words.map((w) => w.text)).toEqual(['24', 'HOURS']);
  });

  it('scores a photo found by its run-together word as the index scores the word it holds', async () => {
    const { search } = await library();
    for (const query of ['24hours', 'open 24 hours', 'open24']) {
      const sign = (await search(query)).find((h) => h.hash === 'sign')!;
      expect(sign.score, query).toBeGreaterThan(0);
    }
  });

  it('takes ß for ss, both ways', async () => {
    const { found } = await library();
    expect(await found('hauptstrasse')).toEqual(['street']);
    expect(await found('Hauptstraße')).toEqual(['street']);
    expect(await found('goethestraße')).toEqual(['upper']);
  });

  it('finds a word read with umlauts spelled out, and by the bare letters, but the spelling finds no other word', async () => {
    const { found } = await library();
    expect(await found('mueller')).toEqual(['bakery']);
    expect(await found('baeckerei')).toEqual(['bakery']);
    expect(await found('kaese')).toEqual(['bakery']);
    expect(await found('käse')).toEqual(['bakery', 'case']);
    expect(await found('muller')).toEqual(['bakery']);
    // "KASE" and "MULER" hold no umlaut: "kaese" and "mueller" are not them.
    expect(await found('kaese muller')).toEqual(['bakery']);
  });
});
