// Boxes in reading order. The detector often finds a printed line as several boxes (one per
// word or group of words, where the spaces are wide), so boxes are first gathered into the
// lines they sit on, left to right, and the lines go top to bottom. Two boxes are on one
// line when the centre of one lies within half a line height of the other's centre line,
// followed along the box's own slope: a sign tilted by a few degrees rises or falls by more
// than half a line height from one end to the other, so comparing the boxes' tops (PaddleOCR's
// sorted_boxes, this file's earlier rule) read "BUS STOP 42" tilted as "42", "BUS", "STOP".
// A box read turned (taller than wide: line-crop.ts) is a line of its own.
import type { Point, Quad } from './geometry';
import { readTurned } from './reading-direction';

interface Placed {
  quad: Quad;
  centre: Point;
  /** Slope of the box's top edge (dy/dx). */
  slope: number;
  height: number;
  turned: boolean;
}

/** The boxes gathered into lines (each left to right), the lines top to bottom. */
export function readingLines(quads: readonly Quad[]): Quad[][] {
  const placed = quads.map(place).sort((a, b) => a.centre[0] - b.centre[0] || a.centre[1] - b.centre[1]);
  const lines: Placed[][] = [];
  for (const box of placed) {
    let best: Placed[] | null = null;
    let bestOffset = Infinity;
    for (const line of box.turned ? [] : lines) {
      const last = line[line.length - 1]!;
      if (last.turned) continue;
      const offset = Math.abs(offsetFrom(last, box.centre));
      if (offset < Math.min(last.height, box.height) / 2 && offset < bestOffset) {
        best = line;
        bestOffset = offset;
      }
    }
    if (best) best.push(box);
    else lines.push([box]);
  }
  // Top to bottom where the lines cross one upright: the middle of all boxes (lines of a tilted
  // sign are parallel, so any upright orders them alike; the middle keeps extrapolation short).
  const middle = placed.reduce((sum, p) => sum + p.centre[0], 0) / Math.max(placed.length, 1);
  const heightAt = (line: Placed[]) => line[0]!.centre[1] + lineSlope(line) * (middle - line[0]!.centre[0]);
  return lines
    .map((line) => ({ line, y: heightAt(line) }))
    .sort((a, b) => a.y - b.y || a.line[0]!.centre[0] - b.line[0]!.centre[0])
    .map(({ line }) => line.map((p) => p.quad));
}

/** The boxes in reading order, one after another. */
export function readingOrder(quads: readonly Quad[]): Quad[] {
  return readingLines(quads).flat();
}

function place(quad: Quad): Placed {
  const [tl, tr, br, bl] = quad;
  const centre: Point = [(tl[0] + tr[0] + br[0] + bl[0]) / 4, (tl[1] + tr[1] + br[1] + bl[1]) / 4];
  const dx = tr[0] - tl[0];
  const slope = dx > 0 ? (tr[1] - tl[1]) / dx : 0;
  return { quad, centre, slope, height: Math.hypot(bl[0] - tl[0], bl[1] - tl[1]), turned: readTurned(quad) };
}

/** How far `point` lies below (+) or above (-) the centre line of `box`, extended along its slope. */
function offsetFrom(box: Placed, point: Point): number {
  return point[1] - (box.centre[1] + box.slope * (point[0] - box.centre[0]));
}

/** A line's slope: from its first box's centre to its last's, or its one box's own. */
function lineSlope(line: readonly Placed[]): number {
  const first = line[0]!;
  const last = line[line.length - 1]!;
  const dx = last.centre[0] - first.centre[0];
  return line.length > 1 && dx > 0 ? (last.centre[1] - first.centre[1]) / dx : first.slope;
}
