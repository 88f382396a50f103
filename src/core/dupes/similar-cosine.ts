// The final word on a candidate pair, shared by both similar searches: the matrix scorer's
// float32 cosines only pre-select (they may round a pair on the threshold below it, so they
// are compared with a slightly lower floor), and the cosine is then recomputed in double
// precision, so the threshold means the same whichever path or product computed the block.

/** Float32 products may be this far off on unit vectors of CLIP's sizes. */
export const FLOAT32_MARGIN = 1e-4;

/** Dot product in double precision of the rows starting at offsets a and b. */
export function exactDot(v: Float32Array, a: number, b: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += v[a + k]! * v[b + k]!;
  return s;
}
