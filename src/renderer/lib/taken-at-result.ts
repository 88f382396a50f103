// The selection bar's line after Date…: how many photos took the date (or their files' own
// back), and how many showed it already (the core counts those `unchanged`: no edit is made).
// And the line after Undo of Date… or Place…: what was put back, and what was changed since.
import type { BatchResult, UndoEditResult } from '../../shared/api';
import { itemsText } from '../../shared/count-text';
import { parseTakenAt, takenAtText } from '../../shared/taken-at';
import { changedSinceText, formatCount, goneText } from './format';
import { markResultText } from './marks';

/** `takenAt`: the date set, or null when the files' own dates were put back. */
export function takenAtResultText(result: BatchResult, takenAt: string | null): string {
  const unchanged = Math.min(result.unchanged ?? 0, result.done);
  if (unchanged > 0 && !changedAny(result)) {
    const what = takenAt === null ? `${unchanged === 1 ? 'its' : 'their'} file’s date` : 'that date';
    // Videos said apart ("1 photo, 1 video"), as the core counts them (unchangedVideos).
    return `${itemsText(unchanged, result.unchangedVideos ?? 0, formatCount)} showed ${what} already: nothing changed.${goneText(result.missing)}`;
  }
  // `items`: those that showed the date already, videos said apart as markResultText words them.
  if (takenAt === null) return markResultText(result, (photos) => `Put back the files’ own dates on ${photos}.`, (n, items) => `${items} showed ${n === 1 ? 'its' : 'their'} file’s date already.`);
  const when = takenAtText(parseTakenAt(takenAt).takenAt);
  return markResultText(result, (photos) => `Set the date taken of ${photos} to ${when}.`, (_n, items) => `${items} showed that date already.`);
}

/** Whether the call changed any photo's date (the views showing them then move them). */
export function changedAny(result: BatchResult): boolean {
  return result.done - Math.min(result.unchanged ?? 0, result.done) > 0;
}

/** After Undo of Date… or Place… (the core's undoEdit): the photos given back what they had,
 *  and those changed again since, which the core left with their newer date or place. */
export function editUndoneText(result: UndoEditResult, what: 'dates' | 'places'): string {
  const since = result.changedSince;
  if (result.done === 0) return since ? `Nothing put back:${changedSinceText(since)}` : 'Nothing put back.';
  return `Put back the ${what} of ${formatCount(result.done, 'photo')}.${changedSinceText(since)}`;
}
