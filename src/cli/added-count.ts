// How `shoebox index` and `shoebox watch` say what a sync added: content the library already
// had under another path (a move reads as an add and a remove, a copy as an add) is said, so
// a rename does not read as a loss and a new photo; nor photos the library had, embedded for
// the first time by the model in use (after `models use`). One wording for both commands.
import type { IndexSummary } from '../core/index';
import { movedText } from '../shared/moved-text';

/** "3 added", "1 added (1 moved or copied)", or "0 added, 5 new to this model". */
export function addedText(s: Pick<IndexSummary, 'added' | 'moved' | 'newToModel'>): string {
  return `${s.added} added${movedText(s.moved)}${s.newToModel ? `, ${s.newToModel} new to this model` : ''}`;
}
