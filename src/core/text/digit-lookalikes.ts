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
