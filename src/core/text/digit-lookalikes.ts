// Letters the recogniser reads for digits inside a number: "BATCH NUMBER 10" read as "1O".
// Short words must otherwise be read exactly (text-match.ts), so "10" would never find "1O".
// In a word that holds a digit, an "o" is taken as a 0 on both sides (the text read and the
// query), so "1O" is "10", "CO2" is "c02" and "1O5" is "105". An "l", "i", "|" (for 1) or an
// "s" (for 5) is a digit only between two digits ("1l0" is 110, "2S0" is 250): at a number's
// end it is as often a unit or a real letter ("4L", "i7", "10s", "1st"), and folding those
// would let "41" find a "4L" bottle or "17" an "i7" sticker. Words without a digit are left as
// they are: "oven" never becomes "0ven".

const HAS_DIGIT = /\p{Nd}/u;
/** A 1 or 5 look-alike with a digit on each side. */
const BETWEEN_DIGITS = /(?<=\p{Nd})[il|s](?=\p{Nd})/gu;

/** The folded word with its digit look-alikes as digits ("1o" -> "10"); the word itself when it holds no digit. */
export function digitsFolded(key: string): string {
  if (!HAS_DIGIT.test(key)) return key;
  const zeros = key.replace(/o/g, '0');
  return zeros.replace(BETWEEN_DIGITS, (ch) => (ch === 's' ? '5' : '1'));
}

/**
 * A number's spellings with its zeros all read as O's ("100" -> "1oo"), or typed so all read
 * as 0s ("1oo" -> "100"), for the full-text index's look-up: it allows one edit, so "100" would
 * reach "1O0" but never "1OO" (two), and the photo would never come to text-match.ts. From
 * either spelling one edit covers a mixed reading ("1O0O" for "1000"). None for a word without
 * a digit, or without a 0 or an "o".
 */
export function zeroSpellings(key: string): string[] {
  if (!HAS_DIGIT.test(key)) return [];
  return [...new Set([key.replace(/0/g, 'o'), key.replace(/o/g, '0')])].filter((spelling) => spelling !== key);
}
