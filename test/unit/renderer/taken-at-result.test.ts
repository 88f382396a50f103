// The selection bar's line after Date…: photos that showed the date already are said apart
// (the core makes no edit for them), not counted as set.
import { describe, expect, it } from 'vitest';
import { changedAny, editUndoneText, takenAtResultText } from '../../../src/renderer/lib/taken-at-result';

describe('the Date… result line', () => {
  it('counts the photos set apart from those that showed that date already', () => {
    expect(takenAtResultText({ done: 3, missing: 0, unchanged: 1 }, '2021-01-01T12:00')).toMatch(/^Set the date taken of 2 photos to .+\. 1 photo showed that date already\.$/);
    expect(takenAtResultText({ done: 2, missing: 0 }, '2021-01-01T12:00')).toMatch(/^Set the date taken of 2 photos to .+\.$/);
    expect(takenAtResultText({ done: 1, missing: 0, unchanged: 1 }, null)).toBe('1 photo showed its file’s date already: nothing changed.');
    expect(takenAtResultText({ done: 2, missing: 0, unchanged: 2 }, '2021-01-01T12:00')).toBe('2 photos showed that date already: nothing changed.');
  });

  it('moves the views only when a date changed', () => {
    expect(changedAny({ done: 2, missing: 0, unchanged: 2 })).toBe(false);
    expect(changedAny({ done: 2, missing: 0, unchanged: 1 })).toBe(true);
  });

  it('after Undo, says what was put back and how many photos changed since kept their newer value', () => {
    expect(editUndoneText({ done: 12, changedSince: 0 }, 'dates')).toBe('Put back the dates of 12 photos.');
    expect(editUndoneText({ done: 12, changedSince: 2 }, 'dates')).toBe('Put back the dates of 12 photos. 2 photos changed since were left as they are.');
    expect(editUndoneText({ done: 1, changedSince: 1 }, 'places')).toBe('Put back the places of 1 photo. 1 photo changed since was left as it is.');
    expect(editUndoneText({ done: 0, changedSince: 3 }, 'places')).toBe('Nothing put back: 3 photos changed since were left as they are.');
  });
});
