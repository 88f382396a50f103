// Words as the text search compares them: split by ICU's word boundaries (Intl.Segmenter:
// spaces and punctuation for Latin scripts, dictionary words for Chinese and Japanese, as
// the full-text index's ICU tokenizer splits them), lowercased and with accents folded, so
// "Café" and "cafe" are the same word.

export interface Word {
  /** The word as read. */
  text: string;
  /** Lowercased, accents folded: what is compared. */
  key: string;
  /** Offsets in code points within its line (the box is split in proportion). */
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Lowercase without diacritics (NFKD, marks dropped): "Crème" -> "creme". */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a line with their code-point offsets; punctuation and spaces are not words. */
export function wordsOf(line: string): Word[] {
  const words: Word[] = [];
  let cp = 0;
  for (const seg of segmenter.segment(line)) {
    const length = [...seg.segment].length;
    if (seg.isWordLike) words.push({ text: seg.segment, key: foldWord(seg.segment), start: cp, end: cp + length });
    cp += length;
  }
  return words;
}

/** The query's distinct words, folded, in order. */
export function queryWords(query: string): string[] {
  return [...new Set(wordsOf(query).map((w) => w.key))];
}
