// Amounts and other numbers with a separator inside ("3.50", "3,50", "1.234,50"), as the text
// search looks them up. ICU keeps each as one word, and so does the full-text index, which
// therefore finds one only whole and as written: not with the other decimal separator (a
// European "3,50" typed for a receipt's "3.50", or a comma misread as a point), and not run
// into a currency or a word ("3.50EUR", "Total3.50": one word of the index, which the store's
// scan for numbers run into letters finds: photo-text-repository.ts). This gives the look-up
// for the other separator; text-match.ts then decides, word by word, as for any candidate.

/** Digits with a point or comma between them, and nothing else. */
const NUMBER = /^\p{Nd}+(?:[.,]\p{Nd}+)+$/u;

/** The number written with the other separators ("3,50" -> "3.50", "1.234,50" -> "1,234.50"); null for other words. */
export function otherSeparators(word: string): string | null {
  return NUMBER.test(word) ? word.replace(/[.,]/g, (sep) => (sep === '.' ? ',' : '.')) : null;
}

