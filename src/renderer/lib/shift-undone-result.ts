// The line after Undo of a date shift (the selection bar's Date… → Shift dates). The core's
// undoEdit puts back the date each photo had before the shift, except on photos dated again
// since, which keep their newer date: the line says how far the others moved back, and how
// many were left as they are.
import type { UndoEditResult } from '../../shared/api';
import { changedSinceText, shiftUndoneText } from './format';
import { editUndoneText } from './taken-at-result';

/** `seconds`: the shift undone. */
export function shiftUndoneResultText(result: UndoEditResult, seconds: number): string {
  if (result.done === 0) return editUndoneText(result, 'dates'); // "Nothing put back: …"
  return `${shiftUndoneText(result.done, seconds)}${changedSinceText(result.changedSince)}`;
}
