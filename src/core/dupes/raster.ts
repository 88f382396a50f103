// Grey rasters and exact area sampling: what the perceptual signature and the sharpness
// measure are computed from. Sampling goes through a summed-area table, so any sub-rectangle
// (fractional edges included) is averaged exactly, at any scale, in O(1) per output pixel:
// the same content cropped and resized differently samples to the same values.

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
