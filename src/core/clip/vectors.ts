// Small vector helpers shared by the CLIP engine and its callers.

/** L2-normalises each `dim`-long row of `data` into its own Float32Array. */
export function normalisedRows(data: Float32Array, dim: number): Float32Array[] {
  const rows: Float32Array[] = [];
  for (let offset = 0; offset < data.length; offset += dim) rows.push(normalise(data.subarray(offset, offset + dim)));
  return rows;
}

export function normalise(v: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  // A zero vector stays zero rather than becoming NaN.
  const inv = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! * inv;
  return out;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
