// After a decision, Tag review reads its list again (so a decided photo's copies leave too):
// as many tags as it shows, and never more than the argument check lets a page ask for. The
// screen wrote that bound out (1000) beside the check's own (api-methods.ts MAX_LIMIT): here
// the check's bound is changed, and the screen's reading must follow it, or it would be refused.
import { describe, expect, it, vi } from 'vitest';
import { reviewRereadLimit } from '../../../src/renderer/components/tags/review-reread-limit';
import { validateArgs } from '../../../src/shared/api-methods';

vi.mock('../../../src/shared/api-methods', async (importOriginal) => ({ ...(await importOriginal<object>()), MAX_LIMIT: 100 }));

describe("Tag review's reading after a decision", () => {
  it('asks for the cards shown, a page at least', () => {
    expect(reviewRereadLimit(10, 60)).toBe(60);
    expect(reviewRereadLimit(80, 60)).toBe(80);
  });

  it('asks for no more than the argument check lets a page ask for', () => {
    expect(reviewRereadLimit(5000, 60)).toBe(100);
    expect(() => validateArgs('reviewTags', [{ set: 'things', state: 'auto', limit: reviewRereadLimit(5000, 60) }])).not.toThrow();
  });
});
