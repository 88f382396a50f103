import { describe, expect, it } from 'vitest';
import { similarPairs } from '../../../src/core/dupes/similar';
import { rng } from '../../helpers/seeded-random';

/** Unit vectors around a few centres, some very close to each other. */
function clustered(n: number, d: number, seed: number): Float32Array {
  const random = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const centres = Array.from({ length: 8 }, () => Array.from({ length: d }, gauss));
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = centres[i % centres.length]!;
    const spread = i % 3 === 0 ? 0.05 : 0.6;
    let norm = 0;
    for (let k = 0; k < d; k++) {
      const v = c[k]! + spread * gauss() * Math.sqrt(d) * 0.1;
      out[i * d + k] = v;
      norm += v * v;
    }
    for (let k = 0; k < d; k++) out[i * d + k]! /= Math.sqrt(norm);
  }
  return out;
}

describe('similar pairs', () => {
  it('finds exactly the pairs at or above the threshold', async () => {
    const n = 600;
    const d = 32;
    const v = clustered(n, d, 5);
    for (const threshold of [0.5, 0.9, 0.98]) {
      const got = new Set<string>();
      await similarPairs(v, n, d, threshold, (i, j, cos) => {
        expect(i).toBeLessThan(j);
        expect(cos).toBeGreaterThanOrEqual(threshold - 1e-5);
        got.add(`${i},${j}`);
      });
      const want = new Set<string>();
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let dot = 0;
          for (let k = 0; k < d; k++) dot += v[i * d + k]! * v[j * d + k]!;
          if (dot >= threshold) want.add(`${i},${j}`);
        }
      }
      expect(want.size).toBeGreaterThan(0);
      expect(got).toEqual(want);
    }
  });
});
