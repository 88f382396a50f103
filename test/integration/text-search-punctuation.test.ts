// Text search for a word that holds punctuation: an amount on a receipt ("3.50", "3,50"), an
// elided French word ("l'eau"), a web address. The full-text index (ICU) keeps each as one
// word; looked up with the index's fuzziness, none was ever found (the fuzzy query splits the
// word at its punctuation), so searching a receipt for its total found nothing. A real library.
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

describe('text search for words with punctuation in them', () => {
  it('finds an amount, an elided word and an address alone, and beside other words', async () => {
    const lib = testLibrary(tempDir());
    const store = await lib.writable();
    await store.putPhotoText([
      read('receipt', ['RECEIPT', 'Coffee 3.50', 'Croissant 2.20', 'TOTAL 5.70']),
      read('bottle', ["L'EAU DE SOURCE", 'Prix 3,50']),
      read('poster', ['Visit www.example.com', 'open 24/7']),
      read('sign', ['Open 7 days', 'since 1950']),
    ]);
    const found = async (query: string) => (await findText(store, query)).map((hit) => hit.hash);
    // Either decimal separator finds the amount (a comma read as a point, or typed the other
    // locale's way); the one written as typed first.
    expect(await found('3.50')).toEqual(['receipt', 'bottle']);
    expect(await found('5.70')).toEqual(['receipt']);
    expect(await found('3,50')).toEqual(['bottle', 'receipt']);
    expect(await found("l'eau")).toEqual(['bottle']);
    expect(await found('www.example.com')).toEqual(['poster']);
    expect(await found('total 5.70')).toEqual(['receipt']);
    // Plain words keep their one misread letter; a number alone is found as before.
    expect(await found('croissamt')).toEqual(['receipt']);
    expect(await found('1950')).toEqual(['sign']);
    // The matched words are the ones boxed.
    const [hit] = await findText(store, 'total 5.70');
    expect(hit!.match.words.map((w) => w.text)).toEqual(['TOTAL', '5.70']);
  });
});
