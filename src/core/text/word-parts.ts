// The parts of a word read with letters and digits run together: ICU (the index's tokenizer,
// and Intl.Segmenter here) keeps "24HOURS", "B12" or "COVID19" as one word, and the OCR
// drops the space of "OPEN 24 HOURS" often enough, so "hours" and "24" must find "24HOURS".
// Only a run of two digits or more splits a word: a lone digit among letters is more often a
// letter misread (0PEN, H0URS, 5ALE, 8READ), and splitting there would let "pen" find "0PEN"
// and "read" find "8READ" (BREAD). Letters never split from letters: "cat" is not in
// "category" (two query words read as one are text-match.ts's own case).

/** Between letters and a run of 2+ digits, either way round. */
const BOUNDARY = /(?<=\p{L})(?=\p{Nd}{2})|(?<=\p{Nd}{2})(?=\p{L})/u;

/** The parts of a folded word ("24hours" -> ["24", "hours"]); none when it does not split. */
export function wordParts(key: string): string[] {
  const parts = key.split(BOUNDARY);
  return parts.length > 1 ? parts : [];
}
