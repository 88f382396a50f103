// The archive in words: the selection bar's line after a batch, and the Archive view's empty
// state (lib/marks.ts has what the archive shares with favourites).
import type { BatchResult } from '../../shared/api';
import { markResultText } from './marks';

/** What a batch archive change did: "Archived 3 photos." / "Unarchived 1 photo." / "Archived
 *  2 photos, 1 video." (and the copies it took along, those already so, and the ones gone: lib/marks.ts). */
export function archiveResultText(result: BatchResult, archived: boolean): string {
  return markResultText(
    result,
    (photos) => (archived ? `Archived ${photos}.` : `Unarchived ${photos}.`),
    (n, items) => `${items} ${archived ? (n === 1 ? 'was already archived' : 'were already archived') : n === 1 ? 'was not archived' : 'were not archived'}.`,
  );
}

/** The Archive view with nothing in it: what the archive is for, and how to put photos there. */
export const EMPTY_ARCHIVE_TEXT = 'Nothing archived. Archived photos stay out of your timeline but still turn up in search: select photos and choose Archive.';
