// Words as the text search compares them: split by ICU's word boundaries (Intl.Segmenter:
// spaces and punctuation for Latin scripts, dictionary words for Chinese and Japanese, as
// the full-text index's ICU tokenizer splits them), lowercased and with accents folded, so
// "Café" and "cafe" are the same word. Letters that NFKD does not take apart are folded as the
// index's ASCII folding folds them, so a query and the index agree: "ß" is "ss" ("Straße" is
// "strasse", both ways), "æ" "ae", "œ" "oe", "ø" "o", "ł" "l", "đ"/"ð" "d", "þ" "th", "ı" "i".
// German umlauts are also written "ae", "oe", "ue" (Mueller, Kaese): a word read with one
// carries that spelling too (`spelled`), which text-match.ts accepts only exactly, so the
// equivalence adds no fuzzy look-alikes. It is one way (a query typed "mueller" finds "Müller";
// the text read is where the umlaut is): no query word turns into another by it, and in other
// languages with these letters (Finnish, Swedish, Turkish, Hungarian) a user types the letter or
// leaves the dots off, which plain folding already finds.

export interface Word {
  /** The word as read. */
  text: string;
  /** Lowercased, accents folded: what is compared. */
  key: string;
  /** Its umlauts written out ("müller" -> "mueller"), when it has some. */
  spelled?: string;
  /** Offsets in code points within its line (the box is split in proportion). */
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Letters NFKD keeps whole, folded as ASCII folding (the full-text index's) folds them. */
const UNSPLIT: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const UNSPLIT_LETTERS = new RegExp(`[${Object.keys(UNSPLIT).join('')}]`, 'gu');
/** Umlauts as German writes them without the dots. */
const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' };

/** Apostrophes as typed or printed ("McDonald’s"): one for comparing (word-parts.ts splits there). */
const APOSTROPHES = /[’‘ʼ]/gu;

/** Lowercase without diacritics (NFKD, marks dropped): "Crème" -> "creme", "Straße" -> "strasse"; apostrophes as "'". */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(UNSPLIT_LETTERS, (ch) => UNSPLIT[ch]!)
    .replace(APOSTROPHES, "'");
}

/** The folded word with its umlauts written out ("Müller" -> "mueller"); null without umlauts. */
export function umlautsSpelled(word: string): string | null {
  const lower = word.normalize('NFC').toLowerCase();
  if (!/[äöü]/u.test(lower)) return null;
  return foldWord(lower.replace(/[äöü]/gu, (ch) => UMLAUTS[ch]!));
}

/** The words of a line with their code-point offsets; punctuation and spaces are not words. */
export function wordsOf(line: string): Word[] {
  const words: Word[] = [];
  let cp = 0;
  for (const seg of segmenter.segment(line)) {
    const length = [...seg.segment].length;
    if (seg.isWordLike) {
      const spelled = umlautsSpelled(seg.segment);
      words.push({ text: seg.segment, key: foldWord(seg.segment), ...(spelled !== null ? { spelled } : {}), start: cp, end: cp + length });
    }
    cp += length;
  }
  return words;
}

/** The query's distinct words, folded, in order. */
export function queryWords(query: string): string[] {
  return [...new Set(wordsOf(query).map((w) => w.key))];
}
