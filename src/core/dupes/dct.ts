// The 2-D DCT-II (orthonormal) of a square grid, computed only for the low frequencies a
// signature keeps, and the zigzag order those frequencies are read in (low to high).

export class LowFrequencyDct {
  /** cos[u * n + x]: basis u at sample x, orthonormal scaling. */
  private readonly cos: Float64Array;
  private readonly rows: Float64Array;
  private readonly even: Float64Array;
  private readonly odd: Float64Array;
  /** Output index (v * n + u) of each coefficient in zigzag order, DC first. */
  readonly zigzag: Int32Array;
  /** Frequencies computed per axis (enough for the zigzag prefix). */
  readonly frequencies: number;

  /**
   * @param n grid side
   * @param coefficients how many zigzag coefficients (DC included) callers read
   */
  constructor(
    readonly n: number,
    readonly coefficients: number,
  ) {
    if (n % 2 !== 0) throw new Error(`LowFrequencyDct needs an even grid side, got ${n}`);
    this.zigzag = zigzagOrder(n, coefficients);
    let maxFrequency = 0;
    for (const index of this.zigzag) maxFrequency = Math.max(maxFrequency, index % n, Math.floor(index / n));
    this.frequencies = maxFrequency + 1;
    this.cos = new Float64Array(this.frequencies * n);
    for (let u = 0; u < this.frequencies; u++) {
      const scale = u === 0 ? Math.sqrt(1 / n) : Math.sqrt(2 / n);
      for (let x = 0; x < n; x++) this.cos[u * n + x] = scale * Math.cos(((2 * x + 1) * u * Math.PI) / (2 * n));
    }
    this.rows = new Float64Array(n * this.frequencies);
    this.even = new Float64Array(n >> 1);
    this.odd = new Float64Array(n >> 1);
  }

  /** The first `coefficients` DCT coefficients of `grid` (n x n, row-major, n even) in zigzag order. */
  transform(grid: Float64Array, out = new Float64Array(this.coefficients)): Float64Array {
    const { n, frequencies: f, cos, rows, even, odd } = this;
    const half = n >> 1;
    // Rows first: rows[y * f + u] = sum_x cos[u][x] * grid[y][x]. The basis is symmetric
    // (even u) or antisymmetric (odd u) about the middle, so fold each row once: half the work.
    for (let y = 0; y < n; y++) {
      const g = y * n;
      for (let x = 0; x < half; x++) {
        even[x] = grid[g + x]! + grid[g + n - 1 - x]!;
        odd[x] = grid[g + x]! - grid[g + n - 1 - x]!;
      }
      for (let u = 0; u < f; u++) {
        const folded = u & 1 ? odd : even;
        const c = u * n;
        let s = 0;
        for (let x = 0; x < half; x++) s += cos[c + x]! * folded[x]!;
        rows[y * f + u] = s;
      }
    }
    // Then columns, only where the zigzag prefix needs them, folded the same way.
    for (let i = 0; i < this.coefficients; i++) {
      const index = this.zigzag[i]!;
      const u = index % n;
      const v = Math.floor(index / n);
      const c = v * n;
      const sign = v & 1 ? -1 : 1;
      let s = 0;
      for (let y = 0; y < half; y++) s += cos[c + y]! * (rows[y * f + u]! + sign * rows[(n - 1 - y) * f + u]!);
      out[i] = s;
    }
    return out;
  }
}

/** JPEG-style zigzag over an n x n grid: diagonals u + v = 0, 1, 2, ... alternating direction. */
export function zigzagOrder(n: number, count: number): Int32Array {
  const order: number[] = [];
  for (let d = 0; d <= 2 * (n - 1) && order.length < count; d++) {
    const cells: number[] = [];
    for (let v = 0; v <= d; v++) {
      const u = d - v;
      if (u < n && v < n) cells.push(v * n + u);
    }
    if (d % 2 === 0) cells.reverse(); // even diagonals run bottom-left to top-right
    order.push(...cells);
  }
  return Int32Array.from(order.slice(0, count));
}
