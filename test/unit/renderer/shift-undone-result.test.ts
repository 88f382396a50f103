// The line after Undo of a date shift, now that the core's undoEdit puts back each photo's date
// from before the shift: how far the dates moved back, and the photos dated again since, which
// were left with the date the user gave them.
import { describe, expect, it } from 'vitest';
import { shiftUndoneResultText } from '../../../src/renderer/lib/shift-undone-result';

describe('the undo of a date shift, as the core did it', () => {
  it('says how far the dates moved back, as before, when every photo was put back', () => {
    expect(shiftUndoneResultText({ done: 1, changedSince: 0 }, -1800)).toBe('Undid the shift: the date taken of 1 photo moved 30m later.');
    expect(shiftUndoneResultText({ done: 3, changedSince: 0 }, 3600)).toBe('Undid the shift: the date taken of 3 photos moved 1h earlier.');
  });

  it('says which photos, dated again since, were left as they are', () => {
    expect(shiftUndoneResultText({ done: 2, changedSince: 1 }, 3600)).toBe('Undid the shift: the date taken of 2 photos moved 1h earlier. 1 photo changed since was left as it is.');
    expect(shiftUndoneResultText({ done: 1, changedSince: 2 }, 86_400)).toBe('Undid the shift: the date taken of 1 photo moved 1d earlier. 2 photos changed since were left as they are.');
    expect(shiftUndoneResultText({ done: 0, changedSince: 3 }, 3600)).toBe('Nothing put back: 3 photos changed since were left as they are.');
  });
});
