// What the marks a user puts on photos by hand (favourites, the archive) share in the UI: the
// one line a batch change reports, and the state a one-photo toggle shows while its write is
// on the way (what was set here wins over the listing until the listing has caught up). Pure
// functions, so the optimistic toggle can be tested without a page.
import type { BatchResult } from '../../shared/api';
import { itemsText } from '../../shared/count-text';
import { formatCount, goneText } from './format';

/**
 * What a batch mark change did, `done` saying it of "3 photos": "Archived 3 photos." and the
 * ones gone. Videos are said as videos where the engine counts them ("Archived 2 photos,
 * 1 video.", as the CLI says it: itemsText). Those that had the mark already (the engine's
 * `unchanged`) are counted apart, `alreadyText` saying it of them (`items`: "1 photo, 1 video"),
 * so a heart set before is not counted as added. The marks are the content's: exact copies of
 * the chosen photos took the mark too and are said ("Archived 2 photos (and 1 copy of them)."),
 * so a photo not chosen leaving the timeline is no surprise.
 */
export function markResultText(result: BatchResult, done: (photos: string) => string, alreadyText = (n: number, items: string) => `${items} already ${n === 1 ? 'was' : 'were'}.`): string {
  const unchanged = Math.min(result.unchanged ?? 0, result.done);
  const count = result.done - unchanged;
  const copies = result.copies ? ` (and ${formatCount(result.copies, 'copy', 'copies')} of ${count === 1 ? 'it' : 'them'})` : '';
  const changed = done(`${itemsText(count, result.changedVideos ?? 0, formatCount)}${copies}`);
  const already = unchanged ? ` ${alreadyText(unchanged, itemsText(unchanged, result.unchangedVideos ?? 0, formatCount))}` : '';
  // Selected photos that left the library meanwhile (deleted, moved out): said, not an error.
  return `${changed}${already}${goneText(result.missing)}`;
}

/** The marks set here and not yet seen in the listing (photo id → on). */
export type MarkOverrides = ReadonlyMap<string, boolean>;

/** Whether the photo shows as marked: what was set here last, else what the library said (`listed`). */
export function shownMark(id: string, listed: boolean, overrides: MarkOverrides): boolean {
  return overrides.get(id) ?? listed;
}

/** `overrides` with the photo set to `on` (a new map: React state). */
export function withOverride(overrides: MarkOverrides, id: string, on: boolean): Map<string, boolean> {
  return new Map(overrides).set(id, on);
}

/** `overrides` with the photo's entry put back to `previous` (undefined: no entry), after a failed write. */
export function revertOverride(overrides: MarkOverrides, id: string, previous: boolean | undefined): Map<string, boolean> {
  const next = new Map(overrides);
  if (previous === undefined) next.delete(id);
  else next.set(id, previous);
  return next;
}
