// Pillow's bicubic resampling (Resample.c), reproduced exactly for 8-bit RGB: the
// reference CLIP preprocessing resizes with PIL, and libvips' upsampling differs from it by
// several levels per pixel. We use it where the photo must be enlarged (its short side is
// below the model size); downscaling stays in libvips, which matches PIL to a fraction of a level.

const PRECISION_BITS = 32 - 8 - 2;
const ONE = 2 ** PRECISION_BITS;
const BICUBIC_SUPPORT = 2;

function bicubic(x: number): number {
  const a = -0.5;
  if (x < 0) x = -x;
  if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
  if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
  return 0;
}

interface Coefficients {
  /** First input index each output sample reads. */
  start: Int32Array;
  /** Number of taps each output sample reads. */
  count: Int32Array;
  /** Fixed-point weights, `ksize` per output sample. */
  weights: Float64Array;
  ksize: number;
}

/** precompute_coeffs + normalize_coeffs_8bpc from Pillow. */
function coefficients(inSize: number, outSize: number): Coefficients {
  const scale = inSize / outSize;
  const filterScale = Math.max(scale, 1);
  const support = BICUBIC_SUPPORT * filterScale;
  const ksize = Math.ceil(support) * 2 + 1;
  const start = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Float64Array(outSize * ksize);
  const k = new Float64Array(ksize);
  for (let xx = 0; xx < outSize; xx++) {
    const center = (xx + 0.5) * scale;
    const ss = 1 / filterScale;
    // Pillow truncates toward zero here ((int) cast), which floor matches for these positives.
    const xmin = Math.max(Math.trunc(center - support + 0.5), 0);
    const xmax = Math.min(Math.trunc(center + support + 0.5), inSize) - xmin;
    let ww = 0;
    for (let x = 0; x < xmax; x++) {
      const w = bicubic((x + xmin - center + 0.5) * ss);
      k[x] = w;
      ww += w;
    }
    for (let x = 0; x < xmax; x++) {
      const w = ww !== 0 ? k[x]! / ww : k[x]!;
      // Pillow rounds half away from zero when converting to fixed point.
      weights[xx * ksize + x] = w < 0 ? Math.trunc(-0.5 + w * ONE) : Math.trunc(0.5 + w * ONE);
    }
    start[xx] = xmin;
    count[xx] = xmax;
  }
  return { start, count, weights, ksize };
}

function clip8(acc: number): number {
  const v = Math.floor(acc / ONE);
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/** Resizes packed RGB (3 bytes a pixel) like `Image.resize((w, h), Image.BICUBIC)`. */
export function resizeBicubicRgb(src: Uint8Array, width: number, height: number, outWidth: number, outHeight: number): Uint8Array {
  let data = src;
  let w = width;
  // Pillow resizes horizontally first, into an 8-bit intermediate, then vertically.
  if (outWidth !== width) {
    const c = coefficients(width, outWidth);
    const out = new Uint8Array(outWidth * height * 3);
    for (let y = 0; y < height; y++) {
      const row = y * width * 3;
      for (let xx = 0; xx < outWidth; xx++) {
        let r = ONE / 2, g = ONE / 2, b = ONE / 2;
        const base = xx * c.ksize;
        const x0 = c.start[xx]!;
        for (let x = 0; x < c.count[xx]!; x++) {
          const kw = c.weights[base + x]!;
          const p = row + (x0 + x) * 3;
          r += data[p]! * kw;
          g += data[p + 1]! * kw;
          b += data[p + 2]! * kw;
        }
        const o = (y * outWidth + xx) * 3;
        out[o] = clip8(r);
        out[o + 1] = clip8(g);
        out[o + 2] = clip8(b);
      }
    }
    data = out;
    w = outWidth;
  }
  if (outHeight !== height) {
    const c = coefficients(height, outHeight);
    const out = new Uint8Array(w * outHeight * 3);
    for (let yy = 0; yy < outHeight; yy++) {
      const base = yy * c.ksize;
      const y0 = c.start[yy]!;
      for (let x = 0; x < w; x++) {
        let r = ONE / 2, g = ONE / 2, b = ONE / 2;
        for (let y = 0; y < c.count[yy]!; y++) {
          const kw = c.weights[base + y]!;
          const p = ((y0 + y) * w + x) * 3;
          r += data[p]! * kw;
          g += data[p + 1]! * kw;
          b += data[p + 2]! * kw;
        }
        const o = (yy * w + x) * 3;
        out[o] = clip8(r);
        out[o + 1] = clip8(g);
        out[o + 2] = clip8(b);
      }
    }
    data = out;
  }
  return data === src ? src.slice() : data;
}

/** Cuts a size×size window out of packed RGB. */
export function cropRgb(src: Uint8Array, width: number, left: number, top: number, size: number): Uint8Array {
  const out = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    const from = ((top + y) * width + left) * 3;
    out.set(src.subarray(from, from + size * 3), y * size * 3);
  }
  return out;
}
