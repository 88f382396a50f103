// The line after Shift dates (the selection bar's Date… panel) when some or all of the photos
// have no date taken: the timeline shows them under their file's date, so "Shifted the date
// taken of 0 photos by +1d. 2 photos had no date to shift." read as done. It says they have no
// date taken, that the timeline shows their file's, and points to Set date.
import { describe, expect, it } from 'vitest';
import { shiftResultText } from '../../../src/renderer/lib/format';

describe('the line after a shift of dates', () => {
  it('says nothing moved when no photo had a date taken, and points to Set date', () => {
    const text = shiftResultText({ done: 0, missing: 0, undated: 2 }, 86_400);
    expect(text).toBe('No date shifted: 2 photos have no date taken (the timeline shows their file’s date). To give them one, use Set date.');
    expect(text).not.toMatch(/Shifted|had no date to shift/);
    expect(shiftResultText({ done: 0, missing: 0, undated: 1 }, 3600)).toBe('No date shifted: 1 photo has no date taken (the timeline shows its file’s date). To give it one, use Set date.');
  });

  it('says which photos moved and which have no date taken to move', () => {
    expect(shiftResultText({ done: 1, missing: 0, undated: 1 }, -1800)).toBe(
      'Shifted the date taken of 1 photo by -30m. 1 photo has no date taken (the timeline shows its file’s date) and did not move: to give it one, use Set date.',
    );
    expect(shiftResultText({ done: 3, missing: 0, undated: 0 }, 22 * 3600)).toBe('Shifted the date taken of 3 photos by +22h.');
  });

  it('adds the photos no longer in the library', () => {
    expect(shiftResultText({ done: 0, missing: 2, undated: 0 }, 60)).toBe('Shifted the date taken of 0 photos by +1m. 2 photos no longer in the library.');
    expect(shiftResultText({ done: 0, missing: 1, undated: 1 }, 60)).toBe('No date shifted: 1 photo has no date taken (the timeline shows its file’s date). To give it one, use Set date. 1 photo no longer in the library.');
  });
});
