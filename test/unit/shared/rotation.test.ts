// Rotate's arithmetic (src/shared/rotation.ts): turns add up and wrap, sideways swaps the size,
// and the words read in a photo land where the turned photo shows them.
import { describe, expect, it } from 'vitest';
import { addTurns, turnTextMatch, turnedSize, turnsToDegrees } from '../../../src/shared/rotation';
import type { PhotoTextMatch } from '../../../src/shared/search';

describe('rotation', () => {
  it('adds turns and wraps them, either way round', () => {
    expect(addTurns(0, 1)).toBe(1);
    expect(addTurns(3, 1)).toBe(0);
    expect(addTurns(0, -1)).toBe(3);
    expect(addTurns(1, -3)).toBe(2);
    expect([0, 1, 2, 3].map(turnsToDegrees)).toEqual([undefined, 90, 180, 270]);
  });

  it('swaps width and height for a quarter turn, not for a half', () => {
    expect(turnedSize({ width: 640, height: 480 }, 1)).toEqual({ width: 480, height: 640 });
    expect(turnedSize({ width: 640, height: 480 }, 2)).toEqual({ width: 640, height: 480 });
    expect(turnedSize({ width: 640, height: 480 }, -1)).toEqual({ width: 480, height: 640 });
  });

  it("moves a word's box with the photo: a word top left is top right after a quarter turn right", () => {
    // "EXIT" in the top-left corner of a 400x300 photo.
    const match: PhotoTextMatch = { text: 'EXIT', words: [{ text: 'EXIT', box: [[10, 20], [110, 20], [110, 60], [10, 60]] }], width: 400, height: 300 };
    const right = turnTextMatch(match, 1);
    expect(right).toMatchObject({ width: 300, height: 400 });
    expect(right.words[0]!.box).toEqual([[280, 10], [280, 110], [240, 110], [240, 10]]);
    expect(turnTextMatch(match, 2).words[0]!.box).toEqual([[390, 280], [290, 280], [290, 240], [390, 240]]);
    expect(turnTextMatch(match, 3).words[0]!.box).toEqual([[20, 390], [20, 290], [60, 290], [60, 390]]);
    expect(turnTextMatch(turnTextMatch(match, 1), 3)).toEqual(match); // and back
    expect(turnTextMatch(match, 0)).toBe(match);
  });
});
