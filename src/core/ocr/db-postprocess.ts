// PaddleOCR's DB post-processing (ppocr/postprocess/db_postprocess.py, score_mode "fast"):
// the detector's probability map → text boxes. Connected regions of the thresholded map
// stand in for OpenCV's contours (the same pixels, so the same minimum-area rectangles);
// each is kept if the map's mean probability inside its rectangle is high enough, then
// grown by the "unclip" offset that undoes the shrinking the model was trained with.
import { insideQuad, minAreaRect, rectCorners, type Point, type Quad } from './geometry';

export interface DbOptions {
  /** Pixel threshold of the probability map (PaddleOCR: 0.3). */
  thresh: number;
  /** Minimum mean probability inside a box (PaddleOCR: 0.6). */
  boxThresh: number;
  /** Growth of each box: offset = area × ratio / perimeter (PaddleOCR: 1.5). */
  unclipRatio: number;
  /** At most this many regions are looked at, largest first (PaddleOCR: 1000). */
  maxCandidates: number;
}

export const DB_DEFAULTS: DbOptions = { thresh: 0.3, boxThresh: 0.6, unclipRatio: 1.5, maxCandidates: 1000 };

/** PaddleOCR drops regions whose short side is under 3 pixels of the map. */
const MIN_SIZE = 3;

export interface DetectedBox {
  /** Corners in map pixels, top-left first, clockwise. */
  quad: Quad;
  /** Mean probability inside the box before growing it. */
  score: number;
}

export function dbBoxes(prob: Float32Array, width: number, height: number, options: DbOptions = DB_DEFAULTS): DetectedBox[] {
  const regions = connectedRegions(prob, width, height, options.thresh);
  regions.sort((a, b) => b.pixels - a.pixels);
  const boxes: DetectedBox[] = [];
  for (const region of regions.slice(0, options.maxCandidates)) {
    const rect = minAreaRect(region.outline);
    if (Math.min(rect.width, rect.height) < MIN_SIZE) continue;
    const quad = rectCorners(rect);
    const score = meanInside(prob, width, height, quad);
    if (score < options.boxThresh) continue;
    // pyclipper's rounded offset of a rectangle by d has a minimum-area rectangle d larger on every side.
    const d = (rect.width * rect.height * options.unclipRatio) / (2 * (rect.width + rect.height));
    const grown = { ...rect, width: rect.width + 2 * d, height: rect.height + 2 * d };
    if (Math.min(grown.width, grown.height) < MIN_SIZE + 2) continue;
    boxes.push({ quad: clipQuad(rectCorners(grown), width, height), score });
  }
  return boxes;
}

interface Region {
  pixels: number;
  /** The leftmost and rightmost pixel of each row: enough for the convex hull. */
  outline: Point[];
}

/** 8-connected regions of map > thresh, as OpenCV's outer contours see them. */
function connectedRegions(prob: Float32Array, width: number, height: number, thresh: number): Region[] {
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const members = new Int32Array(width * height);
  const rowMin = new Int32Array(height);
  const rowMax = new Int32Array(height);
  const regions: Region[] = [];
  for (let start = 0; start < prob.length; start++) {
    if (seen[start] || !(prob[start]! > thresh)) continue;
    let top = 0;
    let count = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const at = stack[--top]!;
      members[count++] = at;
      const x = at % width;
      const y = (at - x) / width;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
        for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
          const n = ny * width + nx;
          if (!seen[n] && prob[n]! > thresh) {
            seen[n] = 1;
            stack[top++] = n;
          }
        }
      }
    }
    let minY = height;
    let maxY = -1;
    for (let i = 0; i < count; i++) {
      const y = Math.floor(members[i]! / width);
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    rowMin.fill(width, minY, maxY + 1);
    rowMax.fill(-1, minY, maxY + 1);
    for (let i = 0; i < count; i++) {
      const x = members[i]! % width;
      const y = (members[i]! - x) / width;
      if (x < rowMin[y]!) rowMin[y] = x;
      if (x > rowMax[y]!) rowMax[y] = x;
    }
    const outline: Point[] = [];
    for (let r = minY; r <= maxY; r++) {
      if (rowMax[r]! < 0) continue;
      outline.push([rowMin[r]!, r]);
      if (rowMax[r] !== rowMin[r]) outline.push([rowMax[r]!, r]);
    }
    regions.push({ pixels: count, outline });
  }
  return regions;
}

/** Mean of the map over the pixels inside the quad (PaddleOCR's box_score_fast). */
function meanInside(prob: Float32Array, width: number, height: number, quad: Quad): number {
  const xs = quad.map((p) => p[0]);
  const ys = quad.map((p) => p[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(...ys)));
  let sum = 0;
  let count = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (!insideQuad(quad, x, y)) continue;
      sum += prob[y * width + x]!;
      count++;
    }
  }
  return count > 0 ? sum / count : 0;
}

function clipQuad(quad: Quad, width: number, height: number): Quad {
  const clip = (p: Point): Point => [Math.min(Math.max(p[0], 0), width), Math.min(Math.max(p[1], 0), height)];
  return [clip(quad[0]), clip(quad[1]), clip(quad[2]), clip(quad[3])];
}
