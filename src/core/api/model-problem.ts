// What keeps the library from a model, said once by the core for every front end: the
// sentence (LibraryStatus.modelProblem) and its kind (modelProblemKind). The app's screens
// and `shoebox status` decide by the kind; none reads the sentence for its meaning.
import type { LibraryStatus } from '../../shared/api';
import { NoModelError, UnusableModelError } from '../library/model-choice';

export interface ModelProblem {
  text: string;
  kind: NonNullable<LibraryStatus['modelProblemKind']>;
}

/** The problem a model choice's error says; `named`: the model was asked for by --model or
 *  --model-dir (a missing one is that model's problem, not "no model on this device"). */
export function modelProblemOf(error: Error, named: boolean): ModelProblem {
  if (error instanceof UnusableModelError) return { text: error.message, kind: 'unusable' };
  if (named || !(error instanceof NoModelError)) return { text: error.message, kind: 'not-found' };
  // The CLI's "no model: install one ..." as a sentence of its own.
  return { text: error.message.replace(/^no model: /, 'No model yet: '), kind: 'no-model' };
}

/** A model installed meanwhile that the library, read without one, could not open with yet. */
export function notOpenedProblem(reason: string): ModelProblem {
  return { text: `The model is installed, but the library cannot be opened with it yet: ${reason}`, kind: 'not-opened' };
}

/** The status' two fields for a problem (none: both null). */
export function modelProblemFields(problem: ModelProblem | null): Pick<LibraryStatus, 'modelProblem' | 'modelProblemKind'> {
  return { modelProblem: problem?.text ?? null, modelProblemKind: problem?.kind ?? null };
}
