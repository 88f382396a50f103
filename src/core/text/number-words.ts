// Amounts and other numbers with a separator inside ("3.50", "3,50", "1.234,50"), as the text
// search looks them up. ICU keeps each as one word, and so does the full-text index, which
// therefore finds one only whole and as written: not with the other decimal separator (a
// European "3,50" typed for a receipt's "3.50", or a comma misread as a point), and not run
// into a currency or a word ("3.50EUR", "Total3.50": one word of the index). These give the
// look-ups that reach both; text-match.ts then decides, word by word, as for any candidate.

/** Digits with a point or comma between them, and nothing else. */
const NUMBER = /^\p{Nd}+(?:[.,]\p{Nd}+)+$/u;

/** The number written with the other separators ("3,50" -> "3.50", "1.234,50" -> "1,234.50"); null for other words. */
export function otherSeparators(word: string): string | null {
  return NUMBER.test(word) ? word.replace(/[.,]/g, (sep) => (sep === '.' ? ',' : '.')) : null;
}

/**
 * The runs of two digits or more at either end of a number ("3.50" -> "50", "12.50" -> "12",
 * "50"), for the store's scan for numbers run into letters (which takes plain digits only);
 * none for other words. A lone digit is left out: as a scan it would match nearly every row
 * that holds a letter beside a digit.
 */
export function numberEnds(word: string): string[] {
  if (!NUMBER.test(word)) return [];
  const first = /^\p{Nd}+/u.exec(word)![0];
  const last = /\p{Nd}+$/u.exec(word)![0];
  return [...new Set([first, last])].filter((run) => run.length >= 2);
}
