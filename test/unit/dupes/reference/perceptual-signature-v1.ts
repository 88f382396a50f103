// FROZEN REFERENCE: the perceptual signature (SIGNATURE_VERSION 1) exactly as it was computed
// before its speed-up (src/core/dupes/signature.ts, raster.ts and dct.ts at commit 713b784),
// copied verbatim so that tests and bench/signature-cost.ts can check the optimised code
// gives the same bytes and sharpness, bit for bit. Stored signatures are compared across
// versions: never edit this file to follow the live code; if the computation is meant to
// change, bump SIGNATURE_VERSION and freeze a new reference beside this one.

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
function zigzagOrder(n: number, count: number): Int32Array {
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

/** Rec. 601 luma of packed 8-bit pixels (3 or 4 channels; alpha ignored). */
export function greyFromRgb(rgb: Uint8Array, width: number, height: number, channels = 3): Float32Array {
  const n = width * height;
  if (rgb.length < n * channels) throw new Error(`raster of ${rgb.length} bytes is too small for ${width}x${height}x${channels}`);
  const grey = new Float32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += channels) grey[i] = 0.299 * rgb[j]! + 0.587 * rgb[j + 1]! + 0.114 * rgb[j + 2]!;
  return grey;
}

/** A summed-area table: `at(x, y)` is the integral of the image over [0,x) x [0,y), for real x, y. */
export class AreaSampler {
  private readonly sums: Float64Array;
  private readonly stride: number;

  constructor(
    grey: Float32Array,
    readonly width: number,
    readonly height: number,
  ) {
    this.stride = width + 1;
    const sums = new Float64Array((width + 1) * (height + 1));
    for (let y = 0; y < height; y++) {
      let row = 0;
      const above = y * this.stride;
      const here = (y + 1) * this.stride;
      for (let x = 0; x < width; x++) {
        row += grey[y * width + x]!;
        sums[here + x + 1] = sums[above + x + 1]! + row;
      }
    }
    this.sums = sums;
  }

  /** Pixels are constant over their unit squares, so the integral is bilinear within each: exact. */
  at(x: number, y: number): number {
    const { width: w, height: h, sums, stride } = this;
    const cx = x <= 0 ? 0 : x >= w ? w : x;
    const cy = y <= 0 ? 0 : y >= h ? h : y;
    const x0 = Math.min(Math.floor(cx), w - 1);
    const y0 = Math.min(Math.floor(cy), h - 1);
    const fx = cx - x0;
    const fy = cy - y0;
    const i = y0 * stride + x0;
    const top = sums[i]! + (sums[i + 1]! - sums[i]!) * fx;
    const bottom = sums[i + stride]! + (sums[i + stride + 1]! - sums[i + stride]!) * fx;
    return top + (bottom - top) * fy;
  }

  /** The rectangle [x0,x1) x [y0,y1) averaged onto a cols x rows grid, row-major. */
  sample(x0: number, y0: number, x1: number, y1: number, cols: number, rows: number, out = new Float64Array(cols * rows)): Float64Array {
    const xs = new Float64Array(cols + 1);
    const ys = new Float64Array(rows + 1);
    for (let i = 0; i <= cols; i++) xs[i] = x0 + ((x1 - x0) * i) / cols;
    for (let j = 0; j <= rows; j++) ys[j] = y0 + ((y1 - y0) * j) / rows;
    const area = ((x1 - x0) / cols) * ((y1 - y0) / rows);
    let previous = new Float64Array(cols + 1);
    let current = new Float64Array(cols + 1);
    for (let i = 0; i <= cols; i++) previous[i] = this.at(xs[i]!, ys[0]!);
    for (let j = 0; j < rows; j++) {
      for (let i = 0; i <= cols; i++) current[i] = this.at(xs[i]!, ys[j + 1]!);
      for (let i = 0; i < cols; i++) out[j * cols + i] = (current[i + 1]! - previous[i + 1]! - current[i]! + previous[i]!) / area;
      [previous, current] = [current, previous];
    }
    return out;
  }
}

/**
 * Variance of the Laplacian, a standard focus measure. Computed on the raster as given (the
 * 384-px thumbnail), so it compares photos of the same size: keep-best only asks it of photos
 * whose resolution and file size tie.
 */
export function laplacianVariance(grey: Float32Array, w: number, h: number): number {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1, i = y * w + 1; x < w - 1; x++, i++) {
      const lap = grey[i - 1]! + grey[i + 1]! + grey[i - w]! + grey[i + w]! - 4 * grey[i]!;
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return Math.max(0, sumSq / n - mean * mean);
}

const VIEW_COUNT = 16;
const VIEW_SCALE_STEP = 0.95;
const GRID = 32;
const LOW_BITS = 64;
const MID_BITS = 192;
const VIEW_WORDS = (LOW_BITS + MID_BITS) / 32;
const SIGNATURE_WORDS = VIEW_COUNT * VIEW_WORDS;

let dct: LowFrequencyDct | undefined;

/**
 * Bit position of the t-th low coefficient: coefficients t = c, c+4, c+8, ... fill bits
 * 16c..16c+15, so each 16-bit chunk that multi-index hashing keys on mixes all frequencies
 * (a chunk of only the lowest ones would put most photos in a few buckets).
 */
const lowBit = (t: number): number => (t % 4) * 16 + Math.floor(t / 4);

/**
 * The signature of a packed 8-bit raster (RGB, or RGBA with `channels` 4), upright. Any size
 * works (sampling is by area); the library passes its 384-px thumbnail.
 */
export function referencePerceptualSignature(rgb: Uint8Array, width: number, height: number, channels = 3): { bytes: Uint8Array; sharpness: number } {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new Error(`invalid raster size ${width}x${height}`);
  const grey = greyFromRgb(rgb, width, height, channels);
  const sampler = new AreaSampler(grey, width, height);
  dct ??= new LowFrequencyDct(GRID, 1 + LOW_BITS + MID_BITS);
  const words = new Uint32Array(SIGNATURE_WORDS);
  const grid = new Float64Array(GRID * GRID);
  const coefficients = new Float64Array(dct.coefficients);
  const low = new Float64Array(LOW_BITS);
  const short = Math.min(width, height);
  for (let k = 0; k < VIEW_COUNT; k++) {
    const side = short * VIEW_SCALE_STEP ** k;
    const x0 = (width - side) / 2;
    const y0 = (height - side) / 2;
    sampler.sample(x0, y0, x0 + side, y0 + side, GRID, GRID, grid);
    dct.transform(grid, coefficients);
    const base = k * VIEW_WORDS;
    // coefficients[0] is DC (the mean): not used.
    for (let t = 0; t < LOW_BITS; t++) low[t] = coefficients[1 + t]!;
    const median = medianOf(low);
    for (let t = 0; t < LOW_BITS; t++) {
      if (low[t]! > median) {
        const bit = lowBit(t);
        words[base + (bit >>> 5)]! |= 1 << (bit & 31);
      }
    }
    for (let t = 0; t < MID_BITS; t++) {
      if (coefficients[1 + LOW_BITS + t]! > 0) words[base + 2 + (t >>> 5)]! |= 1 << (t & 31);
    }
  }
  return { bytes: wordsToBytes(words), sharpness: laplacianVariance(grey, width, height) };
}

export function medianOf(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function wordsToBytes(words: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < words.length; i++) view.setUint32(i * 4, words[i]!, true);
  return bytes;
}
