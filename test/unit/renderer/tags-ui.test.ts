// Tag views' words: what the review count counts, the tag filter's choices, and the
// label-set editor's repeated-label check.
import { describe, expect, it } from 'vitest';
import { tagChoices } from '../../../src/renderer/components/TagSelect';
import { emptyForm, labelRow, repeatedLabel } from '../../../src/renderer/components/tags/label-set-form';
import { reviewCount } from '../../../src/renderer/components/tags/review-count';

describe('tag views', () => {
  it('the review count counts tags, with a label chosen the tags of that label', () => {
    expect(reviewCount(350, null)).toBe('350 tags');
    expect(reviewCount(1, 'blue')).toBe('1 “blue” tag');
    expect(reviewCount(12, 'blue')).toBe('12 “blue” tags');
  });

  it('the tag filter offers the labels some photo carries, most used first, one entry per label', () => {
    const choices = tagChoices([
      { set: 'colours', label: 'red', count: 3 },
      { set: 'colours', label: 'blue', count: 5 },
      { set: 'moods', label: 'red', count: 4 },
      { set: 'colours', label: 'green', count: 0 },
    ]);
    expect(choices).toEqual([
      ['red', 7],
      ['blue', 5],
    ]);
  });

  it('a label listed twice is named in plain words, at its second row', () => {
    const form = { ...emptyForm(), labels: [labelRow('red'), labelRow('green'), labelRow(' Red ')] };
    expect(repeatedLabel(form)).toEqual({ key: form.labels[2]!.key, message: '“Red” is listed twice.' });
    expect(repeatedLabel({ ...form, labels: [labelRow('red'), labelRow(''), labelRow('')] })).toBeNull();
  });
});
