// A detected text box → the recogniser's input (PaddleOCR's get_rotate_crop_image followed by
// resize_norm_img): the box is sampled straight out of the RGB raster onto a 48-row strip,
// bilinearly, following the box's own axes so slightly rotated text comes out level. Boxes
// taller than 1.5× their width are read rotated by 90°, like PaddleOCR (reading-direction.ts). Channels go in BGR
// order (PaddleOCR reads with OpenCV), scaled to [-1, 1]; the strip is padded with zeros to
// at least 320 columns, the width the model was trained on.
import type { Point, Quad } from './geometry';
import type { RgbImage } from './ocr-image';
import { readTurned } from './reading-direction';

export const REC_HEIGHT = 48;
const REC_MIN_WIDTH = 320;
/** Very long boxes are cut off here (about 80 characters); PaddleOCR has no limit. */
const REC_MAX_WIDTH = 3200;

export interface LineTensor {
  data: Float32Array;
  width: number;
}

export function cropLine(image: RgbImage, quad: Quad): LineTensor {
  let [p0, p1, , p3] = quad;
  const boxWidth = Math.max(dist(quad[0], quad[1]), dist(quad[3], quad[2]));
  const boxHeight = Math.max(dist(quad[0], quad[3]), dist(quad[1], quad[2]));
  let across = boxWidth;
  let down = boxHeight;
  if (readTurned(quad)) {
    // np.rot90 of the crop: its new top-left is the old top-right, reading up the old right side.
    [p0, p1, p3] = [quad[1], quad[2], quad[0]];
    [across, down] = [boxHeight, boxWidth];
  }
  const ratio = across / Math.max(down, 1);
  const padded = Math.min(REC_MAX_WIDTH, Math.max(REC_MIN_WIDTH, Math.floor(REC_HEIGHT * ratio)));
  const width = Math.min(padded, Math.max(1, Math.ceil(REC_HEIGHT * ratio)));
  const plane = REC_HEIGHT * padded;
  const data = new Float32Array(3 * plane);
  const ux = (p1[0] - p0[0]) / width;
  const uy = (p1[1] - p0[1]) / width;
  const vx = (p3[0] - p0[0]) / REC_HEIGHT;
  const vy = (p3[1] - p0[1]) / REC_HEIGHT;
  const rgb = image.data;
  const maxX = image.width - 1;
  const maxY = image.height - 1;
  for (let row = 0; row < REC_HEIGHT; row++) {
    for (let col = 0; col < width; col++) {
      // Pixel centres, as OpenCV's warp maps them.
      const sx = Math.min(Math.max(p0[0] + (col + 0.5) * ux + (row + 0.5) * vx - 0.5, 0), maxX);
      const sy = Math.min(Math.max(p0[1] + (col + 0.5) * uy + (row + 0.5) * vy - 0.5, 0), maxY);
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = Math.min(x0 + 1, maxX);
      const y1 = Math.min(y0 + 1, maxY);
      const fx = sx - x0;
      const fy = sy - y0;
      const a = (y0 * image.width + x0) * 3;
      const b = (y0 * image.width + x1) * 3;
      const c = (y1 * image.width + x0) * 3;
      const d = (y1 * image.width + x1) * 3;
      const out = row * padded + col;
      for (let ch = 0; ch < 3; ch++) {
        const top = rgb[a + ch]! + (rgb[b + ch]! - rgb[a + ch]!) * fx;
        const bottom = rgb[c + ch]! + (rgb[d + ch]! - rgb[c + ch]!) * fx;
        const value = top + (bottom - top) * fy;
        // BGR planes: R goes to plane 2.
        data[(2 - ch) * plane + out] = value / 127.5 - 1;
      }
    }
  }
  return { data, width: padded };
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}
