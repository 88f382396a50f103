// Text search where the OCR ran a number into a word: a sign "OPEN 24 HOURS" read as
// "OPEN 24HOURS" (the space lost). The full-text index (ICU) keeps "24hours" as one word, so
// "hours", "24 hours", "open 24" and "open hours" found nothing: only the whole phrase did.
// Each must find it, and no word may be found inside another word of letters ("cat" in
// "category") or across a lone misread digit ("pen" in "0PEN"). A real library.
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

describe('text search in words read with letters and digits run together', () => {
  it('finds "OPEN 24HOURS" by any two of its words, or one, and nothing inside other words', async () => {
    const lib = testLibrary(tempDir());
    const store = await lib.writable();
    await store.putPhotoText([
      read('sign', ['OPEN 24HOURS']),
      read('shop', ['CATEGORY SALE', '0PEN DAILY']),
      read('vitamins', ['VITAMIN B12', 'EXITKEEP CLEAR']),
      read('year', ['SINCE 2024']),
    ]);
    const found = async (query: string) => (await findText(store, query)).map((hit) => hit.hash);
    for (const query of ['hours', '24 hours', 'open 24', 'open hours', 'open 24 hours', 'HOURS 24']) expect(await found(query), query).toEqual(['sign']);
    // The part of the word is the word boxed.
    expect((await findText(store, 'hours'))[0]!.match.words.map((w) => w.text)).toEqual(['24HOURS']);
    expect(await found('12')).toEqual(['vitamins']);
    // Two query words read as one, with no other word to find the photo by.
    expect(await found('exit keep')).toEqual(['vitamins']);
    // Only a letter/digit boundary splits a word: not letters from letters, not a lone digit.
    expect(await found('cat')).toEqual([]);
    expect(await found('pen')).toEqual([]);
    expect(await found('24')).toEqual(['sign']);
    expect(await found('20')).toEqual([]);
  });
});
