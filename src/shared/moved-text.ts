// How an indexing run says the content it found again under another path. To the indexer a
// rename or a move is a new path and a gone one: the summary's `added` counts the new path
// and its `removed` the old one, and `moved` counts such moves (the embedding reused from the
// row that left; a copy, whose original stays, is not one; a row that left counts once, however
// many new paths took it: renamed and copied in one run is one move and one addition). Said as they are, a renamed folder
// of 197 photos read "199 added (197 moved or copied) … 202 removed" when the user deleted 5.
// The line says each move once, as moved: "2 added, 197 moved, 0 updated, 5 removed".
// One rule for `shoebox index`, `shoebox watch` and the app's job line; --json keeps the
// summary's own fields (added, moved, removed) as they are.

/** A run's counts as said: `added` without the moves, `removed` without the paths they left. */
export interface SaidCounts {
  added: number;
  moved: number;
  removed: number;
}

/** The counts a run's line says (`moved` absent: none, as the app's job result has it). */
export function saidCounts(run: { added: number; moved?: number; removed: number }): SaidCounts {
  // Never more than the adds it is part of; an interrupted run leaves the old rows (and
  // `removed`) for the next run, so a removal is never counted below 0.
  const moved = Math.min(run.moved ?? 0, run.added);
  return { added: run.added - moved, moved, removed: Math.max(0, run.removed - moved) };
}

/** "197 moved"; `count` words the number (the app groups digits and says "photos"). */
export function movedText(moved: number, count: (n: number) => string = String): string {
  return `${count(moved)} moved`;
}
