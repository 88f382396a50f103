// Plane geometry for text boxes, in place of OpenCV's convexHull / minAreaRect / boxPoints:
// PaddleOCR's detector post-processing needs only these three, and a second OpenCV build
// (opencv.js is 10 MB of WebAssembly) is not worth them.

export type Point = [number, number];
/** Four corners: top-left, top-right, bottom-right, bottom-left (PaddleOCR's order). */
export type Quad = [Point, Point, Point, Point];

/** Convex hull, counter-clockwise in image coordinates (Andrew's monotone chain). */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted;
  const cross = (o: Point, a: Point, b: Point): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

export interface RotatedRect {
  center: Point;
  /** Along `axis` (the long side for text lines, though not forced). */
  width: number;
  height: number;
  /** Unit vector of the width side. */
  axis: Point;
}

/** The smallest-area rectangle around the points: one of its sides lies on a hull edge. */
export function minAreaRect(points: readonly Point[]): RotatedRect {
  const hull = convexHull(points);
  if (hull.length === 0) throw new Error('minAreaRect of no points');
  let best: RotatedRect | null = null;
  let bestArea = Infinity;
  const edges = hull.length < 2 ? 1 : hull.length;
  for (let i = 0; i < edges; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const ux = len > 0 ? (b[0] - a[0]) / len : 1;
    const uy = len > 0 ? (b[1] - a[1]) / len : 0;
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const p of hull) {
      const u = p[0] * ux + p[1] * uy;
      const v = -p[0] * uy + p[1] * ux;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = { center: [cu * ux - cv * uy, cu * uy + cv * ux], width: maxU - minU, height: maxV - minV, axis: [ux, uy] };
    }
  }
  return normaliseRect(best!);
}

/** Puts the axis within ±45° of horizontal, swapping the sides if needed, so corners order stably. */
function normaliseRect(rect: RotatedRect): RotatedRect {
  let { width, height } = rect;
  let [ux, uy] = rect.axis;
  if (Math.abs(uy) > Math.abs(ux)) {
    // Rotate the frame by 90°: the other side becomes the width.
    [ux, uy] = [uy, -ux];
    [width, height] = [height, width];
  }
  if (ux < 0) [ux, uy] = [-ux, -uy];
  return { center: rect.center, width, height, axis: [ux, uy] };
}

/** Corners in PaddleOCR's order: top-left, top-right, bottom-right, bottom-left. */
export function rectCorners(rect: RotatedRect): Quad {
  const [cx, cy] = rect.center;
  const [ux, uy] = rect.axis;
  // The normal pointing down the image (y grows downwards).
  const vx = -uy;
  const vy = ux;
  const hw = rect.width / 2;
  const hh = rect.height / 2;
  const at = (su: number, sv: number): Point => [cx + su * hw * ux + sv * hh * vx, cy + su * hw * uy + sv * hh * vy];
  return [at(-1, -1), at(1, -1), at(1, 1), at(-1, 1)];
}

/** Whether p lies inside (or on) the convex quad. */
export function insideQuad(quad: Quad, x: number, y: number): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = quad[i]!;
    const b = quad[(i + 1) % 4]!;
    const c = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
    if (c === 0) continue;
    const s = c > 0 ? 1 : -1;
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}
