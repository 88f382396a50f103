// How `shoebox index` and `shoebox watch` say what a sync added: content the library already
// had under another path (a move reads as an add and a remove, a copy as an add) is said, so
// a rename does not read as a loss and a new photo. One wording for both commands.
import type { IndexSummary } from '../core/index';

/** "3 added", or "1 added (1 moved or copied)". */
export function addedText(s: Pick<IndexSummary, 'added' | 'moved'>): string {
  return `${s.added} added${s.moved ? ` (${s.moved} moved or copied)` : ''}`;
}
