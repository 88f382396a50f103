// How an indexing run says the content it found again under another path: a rename or a move
// reads to the indexer as a new path and a gone one, a copy as a new path, so the added count
// says how many of its photos the library already had ("1 added (1 moved or copied)"), and a
// renamed file does not read as a new photo and a loss. One clause for `shoebox index`,
// `shoebox watch` and the app's job line.

/** " (1 moved or copied)" after an added count, or '' when none were; `count` words the number (the app groups digits). */
export function movedText(moved: number, count: (n: number) => string = String): string {
  return moved > 0 ? ` (${count(moved)} moved or copied)` : '';
}
