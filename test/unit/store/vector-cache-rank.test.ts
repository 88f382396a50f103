// The vector cache's two ranking paths (vector-rows.ts): the WebAssembly SIMD kernel
// (vector-dots.ts), used for vectors allocated in its memory, and plain JavaScript, used
// elsewhere, rank the same photos in the same order with the same scores.
import { describe, expect, it } from 'vitest';
import { allocRows, concatRows, rankRows, vectorNorms, type VectorRows } from '../../../src/core/store/vector-rows';
import { rng } from '../../helpers/seeded-random';

function plainRows(n: number, d: number, random: () => number): VectorRows {
  const vectors = Float32Array.from({ length: n * d }, () => random() - 0.5);
  const rows = allocRows(n, d, vectors); // a plain Float32Array: ranked in JavaScript
  rows.paths = Array.from({ length: n }, (_, i) => `/p/${String(i).padStart(5, '0')}.jpg`);
  rows.hashes = Array.from({ length: n }, (_, i) => `h${i}`);
  rows.norms = vectorNorms(vectors, d);
  return rows;
}

describe('vector cache ranking', () => {
  it('the SIMD kernel and JavaScript agree, with cut-off and paging', () => {
    const random = rng(99);
    const plain = plainRows(3000, 64, random);
    const simd = concatRows([plain], 64); // allocated in the kernel's memory
    expect(simd.vectors).not.toBe(plain.vectors);
    for (let q = 0; q < 5; q++) {
      const vector = Float32Array.from({ length: 64 }, () => random() - 0.5);
      for (const page of [{ limit: 50 }, { limit: 20, offset: 100 }, { limit: 3000, minScore: 0.1 }]) {
        const a = rankRows(plain, { vector, ...page });
        const b = rankRows(simd, { vector, ...page });
        expect(b.map((h) => h.path)).toEqual(a.map((h) => h.path));
        b.forEach((h, i) => expect(h.score).toBeCloseTo(a[i]!.score, 5));
        if (page.minScore !== undefined) expect(a.every((h) => h.score >= page.minScore - 1e-6)).toBe(true);
      }
    }
  });

  it('ranks vectors whose length is no multiple of 4 (JavaScript only)', () => {
    const rows = concatRows([plainRows(10, 6, rng(3))], 6);
    const hits = rankRows(rows, { vector: rows.vectors.slice(18, 24), limit: 3 });
    expect(hits[0]).toEqual({ path: '/p/00003.jpg', score: expect.closeTo(1, 6) });
  });
});
