// The parts of a word read with letters and digits run together: ICU (the index's tokenizer,
// and Intl.Segmenter here) keeps "24HOURS", "B12" or "COVID19" as one word, and the OCR
// drops the space of "OPEN 24 HOURS" often enough, so "hours" and "24" must find "24HOURS".
// Only a run of two digits or more (or an amount: "TOTAL3.50EUR" holds "3.50") splits a word: a lone digit among letters is more often a
// letter misread (0PEN, H0URS, 5ALE, 8READ), and splitting there would let "pen" find "0PEN"
// and "read" find "8READ" (BREAD). Letters never split from letters: "cat" is not in
// "category" (two query words read as one are text-match.ts's own case).
// A word of more parts ("OPEN24HOURS") holds each run of adjacent parts as well ("open24",
// "24hours"): whichever of those boundaries a user types, the word is found.

/** Between letters and a run of 2+ digits, or a number with a point or comma ("3.50"), either way round. */
const BOUNDARY = /(?<=\p{L})(?=\p{Nd}{2}|\p{Nd}+[.,]\p{Nd})|(?<=\p{Nd}{2}|\p{Nd}[.,]\p{Nd}+)(?=\p{L})/u;
/** Parts beyond which a word's runs are not listed (a serial number, a code): 8 parts give 35 runs. */
const MAX_PARTS = 8;

/** The parts of a folded word ("24hours" -> ["24", "hours"]); none when it does not split. */
export function wordParts(key: string): string[] {
  const parts = key.split(BOUNDARY);
  return parts.length > 1 ? parts : [];
}

/**
 * Every run of adjacent parts of a folded word but the whole word ("open24hours" -> open, 24,
 * hours, open24, 24hours); none when it does not split.
 */
export function wordRuns(key: string): string[] {
  const parts = wordParts(key);
  if (parts.length === 0) return [];
  if (parts.length > MAX_PARTS) return parts;
  const runs: string[] = [];
  for (let length = 1; length < parts.length; length++) {
    for (let start = 0; start + length <= parts.length; start++) runs.push(parts.slice(start, start + length).join(''));
  }
  return runs;
}
