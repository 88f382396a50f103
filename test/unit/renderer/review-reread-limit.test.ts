// After a decision, Tag review reads its list again (so a decided photo's copies leave too):
// as many tags as it shows, a page at least, and never more than the API accepts in one call.
// A reading the argument check refused would leave the decided cards on screen. Checked
// against the real check (api-methods.ts validateArgs), not a copy of its bound: for a very
// long list the screen asks for exactly the most the check lets through.
import { describe, expect, it } from 'vitest';
import { reviewRereadLimit } from '../../../src/renderer/components/tags/review-reread-limit';
import { validateArgs } from '../../../src/shared/api-methods';

const reviewTags = (limit: number) => () => validateArgs('reviewTags', [{ set: 'things', state: 'auto', limit }]);

describe("Tag review's reading after a decision", () => {
  it('asks for the cards shown, a page at least', () => {
    expect(reviewRereadLimit(10, 60)).toBe(60);
    expect(reviewRereadLimit(80, 60)).toBe(80);
  });

  it('is accepted by the API however many cards are shown, and is the most it accepts', () => {
    for (const shown of [60, 999, 1000, 1001, 5000, 1_000_000]) expect(reviewTags(reviewRereadLimit(shown, 60))).not.toThrow();
    // A very long list: not a smaller reading than the API allows (the copies would stay).
    expect(reviewTags(reviewRereadLimit(1_000_000, 60) + 1)).toThrow();
  });
});
