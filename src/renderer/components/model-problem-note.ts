// The line a screen without a model adds under its offer of one: the status' model problem,
// unless it is that screen's own subject. Decided by the kind the core sets
// (LibraryStatus.modelProblemKind), never by the sentence's words.
import type { LibraryStatus } from '../../shared/api';

/** What the status says of its model problem (the screens are handed this part of it). */
export type ModelProblem = Pick<LibraryStatus, 'modelProblem' | 'modelProblemKind'>;

/** The problem to show beside the offer of a model, or null: "no model on this device" is
 *  what the first-run screen and the banner say themselves; anything else (a model that is
 *  half-installed, one asked for that is missing, an installed one the library cannot open
 *  with yet) is news. */
export function modelProblemNote(status: ModelProblem | null): string | null {
  if (!status?.modelProblem || status.modelProblemKind === 'no-model') return null;
  return status.modelProblem;
}
