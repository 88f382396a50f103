// Grey rasters and exact area sampling: what the perceptual signature and the sharpness
// measure are computed from. Sampling goes through a summed-area table, so any sub-rectangle
// (fractional edges included) is averaged exactly, at any scale, in O(1) per output pixel:
// the same content cropped and resized differently samples to the same values.
//
// Every value here feeds stored signatures (compared across versions), so the arithmetic,
// operation by operation and in its order, is part of SIGNATURE_VERSION: a speed-up may
// move work around (tables, reused buffers) but must not reorder or regroup a float sum.
// test/unit/dupes/signature-frozen.test.ts holds it to a frozen copy of version 1.

/** Rec. 601 luma of packed 8-bit pixels (3 or 4 channels; alpha ignored). */
export function greyFromRgb(rgb: Uint8Array, width: number, height: number, channels = 3): Float32Array {
  checkRasterLength(rgb, width, height, channels);
  const n = width * height;
  const grey = new Float32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += channels) grey[i] = 0.299 * rgb[j]! + 0.587 * rgb[j + 1]! + 0.114 * rgb[j + 2]!;
  return grey;
}

export function checkRasterLength(rgb: Uint8Array, width: number, height: number, channels: number): void {
  if (rgb.length < width * height * channels) throw new Error(`raster of ${rgb.length} bytes is too small for ${width}x${height}x${channels}`);
}

/** A summed-area table already built, (width + 1) x (height + 1), row-major, zero first row and column. */
export interface SummedAreas {
  readonly sums: Float64Array;
}

/** The summed-area table of a grey raster (see AreaSampler). */
export function summedAreaTable(grey: Float32Array, width: number, height: number): Float64Array {
  const stride = width + 1;
  const sums = new Float64Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    const above = y * stride;
    const here = (y + 1) * stride;
    for (let x = 0; x < width; x++) {
      row += grey[y * width + x]!;
      sums[here + x + 1] = sums[above + x + 1]! + row;
    }
  }
  return sums;
}

/** A summed-area table: `at(x, y)` is the integral of the image over [0,x) x [0,y), for real x, y. */
export class AreaSampler {
  private readonly sums: Float64Array;
  private readonly stride: number;
  // Scratch reused by every `sample` (the signature samples 16 views per photo): grown on demand.
  private cellX = new Int32Array(0);
  private fracX = new Float64Array(0);
  private previous = new Float64Array(0);
  private current = new Float64Array(0);

  /** From a grey raster, or from a table built elsewhere (the signature builds it in its grey pass). */
  constructor(
    source: Float32Array | SummedAreas,
    readonly width: number,
    readonly height: number,
  ) {
    this.stride = width + 1;
    this.sums = source instanceof Float32Array ? summedAreaTable(source, width, height) : source.sums;
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
    const { width: w, height: h, sums, stride } = this;
    if (this.cellX.length < cols + 1) {
      this.cellX = new Int32Array(cols + 1);
      this.fracX = new Float64Array(cols + 1);
      this.previous = new Float64Array(cols + 1);
      this.current = new Float64Array(cols + 1);
    }
    // `at` split in two: its x half (clamp, cell, fraction) is the same for every row of
    // the grid, so it is worked out once per column; the arithmetic is `at`'s, unchanged.
    const { cellX, fracX } = this;
    for (let i = 0; i <= cols; i++) {
      const x = x0 + ((x1 - x0) * i) / cols;
      const cx = x <= 0 ? 0 : x >= w ? w : x;
      const cell = Math.min(Math.floor(cx), w - 1);
      cellX[i] = cell;
      fracX[i] = cx - cell;
    }
    const area = ((x1 - x0) / cols) * ((y1 - y0) / rows);
    let previous = this.previous;
    let current = this.current;
    for (let j = 0; j <= rows; j++) {
      const y = y0 + ((y1 - y0) * j) / rows;
      const cy = y <= 0 ? 0 : y >= h ? h : y;
      const cellY = Math.min(Math.floor(cy), h - 1);
      const fy = cy - cellY;
      const line = cellY * stride;
      for (let i = 0; i <= cols; i++) {
        const k = line + cellX[i]!;
        const fx = fracX[i]!;
        const top = sums[k]! + (sums[k + 1]! - sums[k]!) * fx;
        const bottom = sums[k + stride]! + (sums[k + stride + 1]! - sums[k + stride]!) * fx;
        current[i] = top + (bottom - top) * fy;
      }
      if (j > 0) {
        const o = (j - 1) * cols;
        for (let i = 0; i < cols; i++) out[o + i] = (current[i + 1]! - previous[i + 1]! - current[i]! + previous[i]!) / area;
      }
      const swap = previous;
      previous = current;
      current = swap;
    }
    return out;
  }
}

/**
 * Variance of the Laplacian, a standard focus measure. Computed on the raster as given (the
 * 384-px thumbnail), so it compares photos of the same size: keep-best only asks it of photos
 * whose resolution and file size tie. (The signature computes the same figure in its one pass
 * over the pixels, grey-scan.ts.)
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
  return varianceOf(sum, sumSq, n);
}

export function varianceOf(sum: number, sumSq: number, n: number): number {
  if (n === 0) return 0;
  const mean = sum / n;
  return Math.max(0, sumSq / n - mean * mean);
}
