// Photos moved to the trash from the app (the selection bar's Trash…, the viewer's Trash…):
// what the trash did, in one line, and where the viewer goes once its photo has gone.
import type { TrashReport } from '../../shared/api';
import { itemsText } from '../../shared/count-text';
import { formatCount } from './format';

/** "Moved 2 photos to the trash.", "Moved 2 photos, 1 video to the trash." and, for those that stayed, how many and the first's why. */
export function trashResultText(report: TrashReport): string {
  const left = [...report.skipped.map((s) => `${s.path}: ${s.reason}`), ...report.failed.map((f) => `${f.path}: ${f.error}`)];
  return `Moved ${itemsText(report.moved.length, report.movedVideos ?? 0, formatCount)} to the trash.${left.length ? ` ${left.length} left where they are (${left[0]}).` : ''}`;
}

/** What the viewer's list tells once it is read again (lib/paged-photos.ts). */
export interface ListAfterTrash {
  readonly settled: boolean;
  readonly complete: boolean;
  readonly count: number;
  hasLoaded(index: number): boolean;
  indexOf(id: string): number;
}

/**
 * Where the viewer goes once photo `id`, shown at `index`, went to the trash, as after Archive
 * (and in Google Photos and Immich): the photo that took its place (the next one), the one
 * before when it was the last, 'close' when none is left; 'wait' while the list has not
 * answered without it (still the old list, or its page not read again yet).
 */
export function viewerAfterTrash(list: ListAfterTrash, index: number, id: string): number | 'close' | 'wait' {
  const answered = list.settled && (list.hasLoaded(index) || (list.complete && index >= list.count));
  if (!answered || list.indexOf(id) >= 0) return 'wait';
  return list.count === 0 ? 'close' : Math.min(index, list.count - 1);
}
