// The decision rule (softmax over the set at logit scale 100, threshold, margin against the
// mean of the other labels) and the matrix product it runs on.
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/core/tags/zero-shot';
import { matmulTransposed } from '../../../src/core/tags/matmul';
import { fillTemplate, labelPrompts } from '../../../src/core/tags/prompts';
import { labelSetToJson, parseLabelSet } from '../../../src/core/tags/label-set';

const row = (...s: number[]) => Float32Array.from(s);

describe('decide', () => {
  it('tags the clear winner with its softmax confidence', () => {
    const [tag, ...rest] = decide(row(0.3, 0.2, 0.21), 0, 3, { threshold: 0.3, margin: 0.05 });
    expect(rest).toEqual([]);
    expect(tag!.label).toBe(0);
    const z = [30, 20, 21].map((x) => Math.exp(x - 30));
    expect(tag!.confidence).toBeCloseTo(1 / (z[0]! + z[1]! + z[2]!), 6);
    expect(tag!.cosine).toBeCloseTo(0.3, 6);
  });

  it('is multi-label: two labels that fit about equally are both tagged, best first', () => {
    const tags = decide(row(0.2, 0.3, 0.295, 0.2), 0, 4, { threshold: 0.3, margin: 0.05 });
    expect(tags.map((t) => t.label)).toEqual([1, 2]);
    expect(tags[0]!.confidence + tags[1]!.confidence).toBeLessThanOrEqual(1);
  });

  it('the threshold and the margin each veto a tag', () => {
    // Confidence ~0.62 for label 0 with these cosines.
    expect(decide(row(0.25, 0.245, 0.2), 0, 3, { threshold: 0.7, margin: 0 })).toEqual([]);
    expect(decide(row(0.25, 0.245, 0.2), 0, 3, { threshold: 0.5, margin: 0 }).map((t) => t.label)).toEqual([0]);
    // A photo that fits nothing: every cosine alike, so nobody beats the others' mean by the margin.
    expect(decide(row(0.21, 0.2, 0.2, 0.2), 0, 4, { threshold: 0.3, margin: 0.05 })).toEqual([]);
    expect(decide(row(0.21, 0.2, 0.2, 0.2), 0, 4, { threshold: 0.3, margin: 0 }).map((t) => t.label)).toEqual([0]);
  });

  it('reads one row of a larger matrix at its offset', () => {
    const scores = row(0.9, 0.1, 0.1, 0.9);
    expect(decide(scores, 2, 2, { threshold: 0.5, margin: 0 }).map((t) => t.label)).toEqual([1]);
  });
});

describe('matmulTransposed', () => {
  it('equals the naive product for every size around the 4x4 tiles and label blocks', () => {
    for (const [n, l, d] of [[1, 1, 1], [5, 7, 3], [8, 64, 16], [9, 131, 5], [4, 4, 512]] as const) {
      const a = Float32Array.from({ length: n * d }, (_, i) => Math.sin(i * 1.7));
      const b = Float32Array.from({ length: l * d }, (_, i) => Math.cos(i * 0.3));
      const c = matmulTransposed(a, n, b, l, d);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < l; j++) {
          let s = 0;
          for (let k = 0; k < d; k++) s += a[i * d + k]! * b[j * d + k]!;
          expect(c[i * l + j], `${n}x${l}x${d} [${i},${j}]`).toBeCloseTo(s, 4);
        }
    }
  });
});

describe('prompts', () => {
  it('fills templates with the right article and keeps the label\'s own prompts', () => {
    expect(fillTemplate('a photo of a {}.', 'owl')).toBe('a photo of an owl.');
    expect(fillTemplate('a photo of the {}.', 'owl')).toBe('a photo of the owl.');
    const set = parseLabelSet({ name: 's', labels: ['dog', { name: 'cat', prompts: ['a kitten'] }], templates: ['{} pic', 'a {} photo'] }, 'test');
    expect(labelPrompts(set.labels[1]!, set)).toEqual({ templated: ['cat pic', 'a cat photo'], own: ['a kitten'] });
  });

  it('label sets round-trip through their JSON with defaults filled in', () => {
    const set = parseLabelSet({ name: ' pets ', labels: [' dog', { name: 'cat', prompts: [' a kitten '] }] }, 'test');
    expect(labelSetToJson(set)).toEqual({ name: 'pets', labels: ['dog', { name: 'cat', prompts: ['a kitten'] }], threshold: 0.3, margin: 0.05 });
    expect(parseLabelSet(labelSetToJson(set), 'again')).toEqual(set);
  });
});
