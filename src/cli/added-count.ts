// How `shoebox index` and `shoebox watch` say what a sync added and removed: content the
// library already had under another path (a rename or a move: to the indexer an add and a
// remove) is said once, as moved (shared/moved-text.ts), so a rename does not read as new
// photos and a loss; nor photos the library had, embedded for the first time by the model in
// use (after `models use`). One wording for both commands, and the app's job line.
import type { IndexSummary } from '../core/index';
import { movedText, saidCounts } from '../shared/moved-text';

type Counts = Pick<IndexSummary, 'added' | 'moved' | 'removed' | 'newToModel'>;

/** "3 added", "2 added, 197 moved", or "0 added, 5 new to this model". */
export function addedText(s: Counts): string {
  const said = saidCounts(s);
  return `${said.added} added${said.moved ? `, ${movedText(said.moved)}` : ''}${s.newToModel ? `, ${s.newToModel} new to this model` : ''}`;
}

/** The photos gone (the run's `removed` less the paths its moves left), for "… 5 removed". */
export function removedCount(s: Counts): number {
  return saidCounts(s).removed;
}
