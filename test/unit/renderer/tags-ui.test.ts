// Tag views' words: what the review count counts and the label-set editor's repeated-label
// check. The tag filter's choices are the core's (test/unit/tags/tag-choices.test.ts).
import { describe, expect, it } from 'vitest';
import { emptyForm, labelRow, repeatedLabel } from '../../../src/renderer/components/tags/label-set-form';
import { reviewCount } from '../../../src/renderer/components/tags/review-count';

describe('tag views', () => {
  it('the review count counts tags, with a label chosen the tags of that label', () => {
    expect(reviewCount(350, null)).toBe('350 tags');
    expect(reviewCount(1, 'blue')).toBe('1 “blue” tag');
    expect(reviewCount(12, 'blue')).toBe('12 “blue” tags');
  });

  it('a label listed twice is named in plain words, at its second row', () => {
    const form = { ...emptyForm(), labels: [labelRow('red'), labelRow('green'), labelRow(' Red ')] };
    expect(repeatedLabel(form)).toEqual({ key: form.labels[2]!.key, message: '“Red” is listed twice.' });
    expect(repeatedLabel({ ...form, labels: [labelRow('red'), labelRow(''), labelRow('')] })).toBeNull();
  });
});
