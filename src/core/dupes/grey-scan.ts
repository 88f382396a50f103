// The signature's one pass over the pixels: Rec. 601 grey, its summed-area table and the
// variance of its Laplacian (sharpness), which used to be three passes over a whole grey
// raster (greyFromRgb, AreaSampler's constructor, laplacianVariance in raster.ts). Fused,
// grey lives only in a ring of three rows (the Laplacian's reach) and the table in a buffer
// kept from the last photo, so a 384-px thumbnail costs no megabyte of fresh memory.
//
// Same arithmetic as those three, in the same order (stored signatures depend on it): grey
// rounded to float32 as greyFromRgb stores it; the table's row sums left to right; the
// Laplacian's sums row by row, left to right, row y's once row y + 1's grey is known.
import { checkRasterLength, varianceOf, type SummedAreas } from './raster';

export interface GreyScan extends SummedAreas {
  /** Variance of the Laplacian of the grey image (laplacianVariance's figure). */
  readonly sharpness: number;
}

let table = new Float64Array(0);
let ring = new Float64Array(0);

/**
 * Scans a packed 8-bit raster (3 or 4 channels). The returned table is reused by the next
 * call: use it before scanning another raster (the signature does, synchronously).
 */
export function scanGrey(rgb: Uint8Array, width: number, height: number, channels = 3): GreyScan {
  checkRasterLength(rgb, width, height, channels);
  const stride = width + 1;
  if (table.length < stride * (height + 1)) table = new Float64Array(stride * (height + 1));
  if (ring.length < 3 * width) ring = new Float64Array(3 * width);
  const sums = table;
  const grey = ring;
  // A reused table holds another photo's values: only the first row and column need zeroing,
  // every other cell is written below.
  sums.fill(0, 0, stride);
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  // Ring rows: `down` receives row y, `mid` holds y - 1 and `up` y - 2.
  let up = 0;
  let mid = width;
  let down = 2 * width;
  for (let y = 0, j = 0; y < height; y++) {
    const oldest = up;
    up = mid;
    mid = down;
    down = oldest;
    let above = y * stride;
    let here = above + stride;
    sums[here] = 0;
    let row = 0;
    for (let x = 0; x < width; x++, j += channels) {
      const v = Math.fround(0.299 * rgb[j]! + 0.587 * rgb[j + 1]! + 0.114 * rgb[j + 2]!);
      grey[down + x] = v;
      row += v;
      sums[++here] = sums[++above]! + row;
    }
    if (y >= 2 && width >= 3) {
      // Row y - 1's Laplacian, its left and centre carried along the row in registers.
      let left = grey[mid]!;
      let centre = grey[mid + 1]!;
      for (let x = 1; x < width - 1; x++) {
        const right = grey[mid + x + 1]!;
        const lap = left + right + grey[up + x]! + grey[down + x]! - 4 * centre;
        sum += lap;
        sumSq += lap * lap;
        left = centre;
        centre = right;
      }
      n += width - 2;
    }
  }
  return { sums, sharpness: varianceOf(sum, sumSq, n) };
}
