// The archive in words: the selection bar's line after a batch, and the Archive view's empty
// state (lib/marks.ts has what the archive shares with favourites).
import type { BatchResult } from '../../shared/api';
import { formatCount } from './format';
import { markResultText } from './marks';

/**
 * What a batch archive change did in the engine's words (core/api/content-marks.ts MarkResult):
 * `copies`, the library's other copies of the chosen photos, which the archive (kept by
 * content) took along. Its field until BatchResult (shared/api.ts) carries it.
 */
export type ArchiveResult = BatchResult & { copies?: number };

/**
 * What a batch archive change did: "Archived 3 photos." / "Unarchived 1 photo." (and those
 * already so, and the ones gone). The archive is by content: exact copies of the chosen photos
 * went with them and are said, "Archived 2 photos (and 1 copy of them).", so a third photo
 * leaving the timeline is not a surprise.
 */
export function archiveResultText(result: ArchiveResult, archived: boolean): string {
  const copies = result.copies ?? 0;
  const changed = result.done - Math.min(result.unchanged ?? 0, result.done);
  const also = copies ? ` (and ${formatCount(copies, 'copy', 'copies')} of ${changed === 1 ? 'it' : 'them'})` : '';
  return markResultText(
    result,
    (photos) => (archived ? `Archived ${photos}${also}.` : `Unarchived ${photos}${also}.`),
    (n) => `${formatCount(n, 'photo')} ${archived ? (n === 1 ? 'was already archived' : 'were already archived') : n === 1 ? 'was not archived' : 'were not archived'}.`,
  );
}

/** The Archive view with nothing in it: what the archive is for, and how to put photos there. */
export const EMPTY_ARCHIVE_TEXT = 'Nothing archived. Archived photos stay out of your timeline but still turn up in search: select photos and choose Archive.';
