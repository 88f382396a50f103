// Which descriptions a few typed words find (the timeline's `described`, the search's offer):
// each word the start of one of the description's words, case and accents ignored on Latin,
// Greek and Cyrillic letters only, apostrophes and ligatures folded, Chinese, Japanese and
// Korean words found anywhere (they are written without spaces), emoji as words.
import { describe, expect, it } from 'vitest';
import { NO_WORD_TO_FIND, descriptionWords, hashesDescribed } from '../../../src/core/search/described';

const store = (texts: Record<string, string>) => ({ descriptions: async () => new Map(Object.entries(texts)) });
const found = async (texts: Record<string, string>, query: string) => [...(await hashesDescribed(store(texts), query))].sort();

describe('descriptions found by words', () => {
  it('every word typed starts a word of the description', async () => {
    const texts = { cake: "Grandma's 80th birthday, the ﬁsh cake 🎂", garden: 'Grandma in the garden at Città di Castello' };
    expect(await found(texts, 'grandma')).toEqual(['cake', 'garden']);
    expect(await found(texts, 'GRANDMA birth')).toEqual(['cake']);
    expect(await found(texts, "grandmas")).toEqual(['cake']); // Grandma's
    expect(await found(texts, 'citta castel')).toEqual(['garden']);
    expect(await found(texts, 'fish')).toEqual(['cake']); // the ligature ﬁ
    expect(await found(texts, '🎂')).toEqual(['cake']);
    expect(await found(texts, 'ake')).toEqual([]); // inside a word is not its start
    // No word to look for: the core's usage error (QueryError), for the CLI, the app and serve alike.
    for (const none of ['', '   ', ' , ', '!!']) await expect(hashesDescribed(store(texts), none)).rejects.toMatchObject({ name: 'QueryError', message: NO_WORD_TO_FIND });
  });

  it('keeps vowel signs of Devanagari and finds Chinese, Japanese and Korean words anywhere', async () => {
    const texts = { book: 'किताब की दुकान', cat: 'कत', birthday: 'おばあちゃんの誕生日', korea: '할머니 생신' };
    expect(await found(texts, 'किताब')).toEqual(['book']);
    expect(await found(texts, 'कत')).toEqual(['cat']); // not किताब with its vowel signs stripped
    expect(await found(texts, '誕生日')).toEqual(['birthday']);
    expect(await found(texts, '생신')).toEqual(['korea']);
    expect(descriptionWords("Grandma's 80th 🎂!")).toEqual(['grandmas', '80th', '🎂']);
  });
});
