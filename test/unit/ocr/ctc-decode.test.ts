// Greedy CTC decoding as PaddleOCR does it, plus our one departure (near-blank spaces).
import { describe, expect, it } from 'vitest';
import { ctcGreedyDecode } from '../../../src/core/ocr/ctc-decode';

const CHARSET = ['a', 'b', 'c', ' ']; // classes 1..4; 0 is the blank, 4 the appended space

/** One row per step: the class given, with probability p, the rest spread evenly. */
function steps(rows: Array<[number, number] | number[]>): Float32Array {
  const classes = CHARSET.length + 1;
  const out = new Float32Array(rows.length * classes);
  rows.forEach((row, t) => {
    if (row.length === classes) out.set(row, t * classes);
    else {
      const [cls, p] = row as [number, number];
      out.fill((1 - p) / (classes - 1), t * classes, (t + 1) * classes);
      out[t * classes + cls] = p;
    }
  });
  return out;
}

describe('ctcGreedyDecode', () => {
  it('merges repeats, drops blanks, and keeps a letter repeated across a blank', () => {
    const probs = steps([[1, 0.9], [1, 0.8], [0, 0.9], [1, 0.7], [2, 0.9], [0, 0.9], [3, 0.6]]);
    const line = ctcGreedyDecode(probs, 7, 5, CHARSET);
    expect(line.text).toBe('aabc');
    expect(line.score).toBeCloseTo((0.9 + 0.7 + 0.9 + 0.6) / 4, 5);
  });

  it('reads a blank whose space probability is high as a space between words, once', () => {
    const probs = steps([[1, 0.9], [0.6, 0, 0, 0, 0.4], [0.7, 0, 0, 0, 0.3], [2, 0.9], [0.95, 0, 0, 0, 0.05], [3, 0.9]]);
    expect(ctcGreedyDecode(probs, 6, 5, CHARSET).text).toBe('a bc');
  });

  it('adds no space at the start of a line', () => {
    const probs = steps([[0.6, 0, 0, 0, 0.4], [1, 0.9]]);
    expect(ctcGreedyDecode(probs, 2, 5, CHARSET).text).toBe('a');
  });

  it('gives an empty line a score of 0', () => {
    expect(ctcGreedyDecode(steps([[0, 0.99], [0, 0.99]]), 2, 5, CHARSET)).toEqual({ text: '', score: 0 });
  });

  it('refuses a dictionary that does not fit the model', () => {
    expect(() => ctcGreedyDecode(steps([[0, 1]]), 1, 5, ['a', 'b'])).toThrow(/5 classes but the dictionary gives 3/);
  });
});
