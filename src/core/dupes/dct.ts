// The 2-D DCT-II (orthonormal) of a square grid, computed only for the low frequencies a
// signature keeps, and the zigzag order those frequencies are read in (low to high).
//
// Its coefficients feed stored signatures, so each one is the same sum, added in the same
// order, as in version 1 (test/unit/dupes/signature-frozen.test.ts): speed comes from doing
// shared work once (folding each column once rather than once per coefficient), not from
// another summation.

export class LowFrequencyDct {
  /** cos[u * n + x]: basis u at sample x, orthonormal scaling. */
  private readonly cos: Float64Array;
  /** The row pass, by frequency: columns[u * n + y] = sum_x cos[u][x] * grid[y][x]. */
  private readonly columns: Float64Array;
  /** Each column of `columns` folded about the middle: [u * n/2 + y], y < n/2. */
  private readonly columnsEven: Float64Array;
  private readonly columnsOdd: Float64Array;
  private readonly even: Float64Array;
  private readonly odd: Float64Array;
  /** Horizontal (u) and vertical (v) frequency of each zigzag coefficient. */
  private readonly zigzagU: Int32Array;
  private readonly zigzagV: Int32Array;
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
    this.zigzagU = this.zigzag.map((index) => index % n);
    this.zigzagV = this.zigzag.map((index) => Math.floor(index / n));
    let maxFrequency = 0;
    for (const index of this.zigzag) maxFrequency = Math.max(maxFrequency, index % n, Math.floor(index / n));
    this.frequencies = maxFrequency + 1;
    this.cos = new Float64Array(this.frequencies * n);
    for (let u = 0; u < this.frequencies; u++) {
      const scale = u === 0 ? Math.sqrt(1 / n) : Math.sqrt(2 / n);
      for (let x = 0; x < n; x++) this.cos[u * n + x] = scale * Math.cos(((2 * x + 1) * u * Math.PI) / (2 * n));
    }
    this.columns = new Float64Array(n * this.frequencies);
    this.columnsEven = new Float64Array((n >> 1) * this.frequencies);
    this.columnsOdd = new Float64Array((n >> 1) * this.frequencies);
    this.even = new Float64Array(n >> 1);
    this.odd = new Float64Array(n >> 1);
  }

  /** The first `coefficients` DCT coefficients of `grid` (n x n, row-major, n even) in zigzag order. */
  transform(grid: Float64Array, out = new Float64Array(this.coefficients)): Float64Array {
    const { n, frequencies: f, cos, columns, columnsEven, columnsOdd, even, odd, zigzagU, zigzagV } = this;
    const half = n >> 1;
    // Rows first. The basis is symmetric (even u) or antisymmetric (odd u) about the middle,
    // so fold each row once: half the work.
    for (let y = 0; y < n; y++) {
      const g = y * n;
      for (let x = 0; x < half; x++) {
        even[x] = grid[g + x]! + grid[g + n - 1 - x]!;
        odd[x] = grid[g + x]! - grid[g + n - 1 - x]!;
      }
      for (let u = 0; u < f; u++) columns[u * n + y] = orderedDot(cos, u * n, u & 1 ? odd : even, 0, half);
    }
    // Then columns, folded the same way, once per frequency u (a + -b is a - b, bit for bit).
    for (let u = 0; u < f; u++) {
      const c = u * n;
      const h = u * half;
      for (let y = 0; y < half; y++) {
        columnsEven[h + y] = columns[c + y]! + columns[c + n - 1 - y]!;
        columnsOdd[h + y] = columns[c + y]! - columns[c + n - 1 - y]!;
      }
    }
    // Only where the zigzag prefix needs them.
    for (let i = 0; i < this.coefficients; i++) {
      const v = zigzagV[i]!;
      out[i] = orderedDot(cos, v * n, v & 1 ? columnsOdd : columnsEven, zigzagU[i]! * half, half);
    }
    return out;
  }
}

/**
 * sum_k a[i + k] * b[j + k] for k = 0..length-1, added strictly left to right (one
 * accumulator, as a plain loop adds), four terms per turn of the loop: `s + p + q` is
 * `(s + p) + q` in JavaScript, so the unrolling changes the speed, not one bit of the sum.
 */
function orderedDot(a: Float64Array, i: number, b: Float64Array, j: number, length: number): number {
  let s = 0;
  let k = 0;
  for (; k + 3 < length; k += 4) s = s + a[i + k]! * b[j + k]! + a[i + k + 1]! * b[j + k + 1]! + a[i + k + 2]! * b[j + k + 2]! + a[i + k + 3]! * b[j + k + 3]!;
  for (; k < length; k++) s += a[i + k]! * b[j + k]!;
  return s;
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
