// The selection bar's line after Tag… and Pin to album says what changed and what was so
// already, from the core's `unchanged` (a day-two walk: "Pinned 3 photos to “Trip”." of an
// album that went from 10 to 12, "Tagged 2 photos “blue”." of two photos that had it).
import { describe, expect, it } from 'vitest';
import { membershipResultText, tagResultText } from '../../../src/renderer/lib/tag-pin-result';

describe('the selection bar says what was so already', () => {
  it('Pin to album: the photos pinned already apart, and "nothing changed" when all were', () => {
    expect(membershipResultText({ done: 3, missing: 0 }, 'pinned', 'Trip')).toBe('Pinned 3 photos to “Trip”.');
    expect(membershipResultText({ done: 3, missing: 0, unchanged: 1 }, 'pinned', 'Trip')).toBe('Pinned 2 photos to “Trip”. 1 photo was pinned to “Trip” already.');
    expect(membershipResultText({ done: 2, missing: 1, unchanged: 2 }, 'pinned', 'Trip')).toBe('2 photos were pinned to “Trip” already: nothing changed. 1 photo no longer in the library.');
  });

  it('Exclude and Remove say theirs', () => {
    expect(membershipResultText({ done: 2, missing: 0, unchanged: 1 }, 'excluded', 'Trip')).toBe('Excluded 1 photo from “Trip”. 1 photo was excluded from “Trip” already.');
    expect(membershipResultText({ done: 1, missing: 0 }, 'excluded', 'Trip', true)).toBe('Removed 1 photo from “Trip”.');
    expect(membershipResultText({ done: 1, missing: 0, unchanged: 1 }, 'excluded', 'Trip', true)).toBe('1 photo was not in “Trip”: nothing changed.');
  });

  it('Tag…: the photos tagged already apart', () => {
    expect(tagResultText({ done: 3, missing: 0 }, 'green')).toBe('Tagged 3 photos “green”.');
    expect(tagResultText({ done: 3, missing: 0, unchanged: 2 }, 'blue')).toBe('Tagged 1 photo “blue”. 2 photos were tagged “blue” already.');
    expect(tagResultText({ done: 2, missing: 0, unchanged: 2 }, 'blue')).toBe('2 photos were tagged “blue” already: nothing changed.');
  });
});
