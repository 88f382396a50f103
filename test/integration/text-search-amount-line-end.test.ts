// Text search for an amount the OCR ran into the word before it, with nothing after it on its
// line: a receipt's "TOTAL 3.50" over "EUR" read as "TOTAL3.50\nEUR". The full-text index keeps
// "total3.50" as one word, and the scan for numbers run into letters looked for the amount's
// ends ("50") beside a letter, which a line end is not: "3.50" and "3,50" found nothing, though
// "Total3.50EUR" and "3.50EUR" were found. The README promises the amount alone finds it run
// into its currency or the word before. A real library, its text rows as the OCR stores them.
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

describe('text search for an amount read run into the word before it', () => {
  it('finds "TOTAL3.50" at a line end by the amount alone, with either separator, and no other amount', async () => {
    const lib = testLibrary(tempDir());
    const store = await lib.writable();
    await store.putPhotoText([
      read('receipt', ['TOTAL3.50', 'EUR']),
      read('ticket', ['EUR3.50']),
      read('other', ['TOTAL13.50', 'EUR']),
      read('price', ['Prix 3.505', 'SALE']),
    ]);
    const found = async (query: string) => (await findText(store, query)).map((hit) => hit.hash).sort();
    expect(await found('3.50')).toEqual(['receipt', 'ticket']);
    expect(await found('3,50')).toEqual(['receipt', 'ticket']);
    expect(await found('total 3.50')).toEqual(['receipt']);
    // The amount is the part boxed, inside the word read.
    const receipt = (await findText(store, '3.50')).find((hit) => hit.hash === 'receipt');
    expect(receipt!.match.words.map((w) => w.text)).toEqual(['TOTAL3.50']);
    // Another amount holding these digits is not it.
    expect(await found('13.50')).toEqual(['other']);
    expect(await found('3.60')).toEqual([]);
  });
});
