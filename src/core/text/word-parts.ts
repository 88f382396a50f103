// The parts of a word read with letters and digits run together: ICU (the index's tokenizer,
// and Intl.Segmenter here) keeps "24HOURS", "B12" or "COVID19" as one word, and the OCR
// drops the space of "OPEN 24 HOURS" often enough, so "hours" and "24" must find "24HOURS".
// Only a run of two digits or more (or an amount: "TOTAL3.50EUR" holds "3.50") splits a word: a lone digit among letters is more often a
// letter misread (0PEN, H0URS, 5ALE, 8READ), and splitting there would let "pen" find "0PEN"
// and "read" find "8READ" (BREAD). Letters never split from letters: "cat" is not in
// "category" (two query words read as one are text-match.ts's own case).
// A word of more parts ("OPEN24HOURS") holds each run of adjacent parts as well ("open24",
// "24hours"): whichever of those boundaries a user types, the word is found.
// A word ICU keeps whole across an apostrophe or a point ("McDonald's", "l'eau",
// "321Dogs.com", "www.example.com") also splits there: "mcdonald" and "dogs" are in it. The
// apostrophe is dropped when parts are joined back ("mcdonalds" is "McDonald's", as typed
// without it); a point stays ("dogs.com"). A point between two digits is a number's ("19.53",
// "v1.2": number-words.ts) and does not split. A part of one or two letters beside an
// apostrophe or a point ("s" of "It's", "t" of "don't", "u", "s" and "a" of "u.s.a") is not a
// word on its own: it would let the query "s" or "a" (or such a word among others) find any
// sign with a contraction or an abbreviation. It counts only joined ("its", "u.s").

/** Between letters and a run of 2+ digits, or a number with a point or comma ("3.50"), either way round. */
const BOUNDARY = /(?<=\p{L})(?=\p{Nd}{2}|\p{Nd}+[.,]\p{Nd})|(?<=\p{Nd}{2}|\p{Nd}[.,]\p{Nd}+)(?=\p{L})/u;
/** An apostrophe (folded words keep "'": text-words.ts), or a point not between two digits. */
const SEPARATOR = /(')|(?<!\p{Nd})(\.)|(\.)(?!\p{Nd})/u;
/** Parts beyond which a word's runs are not listed (a serial number, a code): 8 parts give 35 runs. */
const MAX_PARTS = 8;

interface Part {
  text: string;
  /** What stands between it and the part before: '' (letters beside digits), "'" or ".". */
  after: string;
}

/** The parts of a folded word with what separates them; one part when it does not split. */
function splitWord(key: string): Part[] {
  const parts: Part[] = [];
  let after = '';
  // split() with capture groups puts each separator between the pieces (undefined for the other groups).
  for (const [i, piece] of key.split(SEPARATOR).entries()) {
    if (i % 4 !== 0) {
      if (piece !== undefined) after = piece;
      continue;
    }
    for (const [k, text] of piece!.split(BOUNDARY).entries()) {
      if (text === '') continue;
      parts.push({ text, after: k === 0 ? after : '' });
      after = '';
    }
  }
  return parts;
}

/** Whether part i is one or two letters beside an apostrophe or a point: matched only as part of a run. */
function tooShortAlone(parts: readonly Part[], i: number): boolean {
  const besideSeparator = parts[i]!.after !== '' || (parts[i + 1]?.after ?? '') !== '';
  return besideSeparator && /^\p{L}{1,2}$/u.test(parts[i]!.text);
}

/** Parts i..j joined as the word has them, less its apostrophes ("mcdonald" + "s" -> "mcdonalds"; "dogs" + "com" -> "dogs.com"). */
function joined(parts: readonly Part[], from: number, to: number): string {
  return parts
    .slice(from, to)
    .map((p, k) => (k === 0 || p.after === "'" ? '' : p.after) + p.text)
    .join('');
}

/** The parts of a folded word ("24hours" -> ["24", "hours"], "321dogs.com" -> ["321", "dogs", "com"]); none when it does not split. */
export function wordParts(key: string): string[] {
  const parts = splitWord(key);
  return parts.length > 1 ? parts.map((p) => p.text) : [];
}

/**
 * Every run of adjacent parts of a folded word but the word as it is ("open24hours" -> open,
 * 24, hours, open24, 24hours; "mcdonald's" -> mcdonald, mcdonalds, not "s" alone); none when
 * it does not split.
 */
export function wordRuns(key: string): string[] {
  const parts = splitWord(key);
  if (parts.length < 2) return [];
  const alone = parts.map((p, i) => (tooShortAlone(parts, i) ? null : p.text)).filter((text): text is string => text !== null);
  if (parts.length > MAX_PARTS) return alone;
  const runs = new Set<string>(alone);
  for (let length = 2; length <= parts.length; length++) {
    for (let start = 0; start + length <= parts.length; start++) runs.add(joined(parts, start, start + length));
  }
  runs.delete(key);
  return [...runs];
}
