// The line left by Undo after a date shift (the selection bar's Date… → Shift dates): the
// dates went the other way, said without a sign to unpick ("moved back by -1d" read as a
// double negative, and "moved back by +30m" after a shift of -30m said the wrong way).
import { describe, expect, it } from 'vitest';
import { shiftMovedText, shiftUndoneText } from '../../../src/renderer/lib/format';

describe('the undo of a date shift', () => {
  it('says which way the dates moved, for shifts later and earlier', () => {
    expect(shiftUndoneText(3, 86_400)).toBe('Undid the shift: the date taken of 3 photos moved 1d earlier.');
    expect(shiftUndoneText(1, -1800)).toBe('Undid the shift: the date taken of 1 photo moved 30m later.');
    expect(shiftUndoneText(2, 22 * 3600)).toBe('Undid the shift: the date taken of 2 photos moved 22h earlier.');
  });

  it('words a shift with its units and no sign', () => {
    expect(shiftMovedText(93_600 + 1800)).toBe('1d 2h 30m later');
    expect(shiftMovedText(-45)).toBe('45s earlier');
    for (const seconds of [86_400, -86_400, 1800, -1800]) expect(shiftUndoneText(1, seconds)).not.toMatch(/[+-]\d|back by/);
  });
});
