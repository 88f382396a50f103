import { describe, expect, it } from 'vitest';
import type { Quad } from '../../../src/core/ocr/geometry';
import { readingLines, readingOrder } from '../../../src/core/ocr/reading-order';

const box = (x: number, y: number, w = 50, h = 20): Quad => [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];

describe('readingOrder', () => {
  it('reads top to bottom, and left to right within a line whose tops differ a little', () => {
    const right = box(200, 100);
    const left = box(10, 104);
    const below = box(0, 160);
    const top = box(300, 20);
    expect(readingOrder([below, right, top, left])).toEqual([top, left, right, below]);
  });

  // The detector's boxes for "BUS STOP 42" printed with wide spaces and tilted 6° (rising to the
  // right): the right end's top is higher than the left's by more than half a line.
  const bus: Quad = [[60, 191], [218, 176], [224, 234], [65, 249]];
  const stop: Quad = [[308, 167], [515, 145], [521, 202], [314, 224]];
  const fortyTwo: Quad = [[608, 128], [707, 123], [711, 186], [611, 191]];

  it('keeps the words of a tilted line on one line, left to right', () => {
    expect(readingLines([fortyTwo, bus, stop])).toEqual([[bus, stop, fortyTwo]]);
    expect(readingOrder([stop, fortyTwo, bus])).toEqual([bus, stop, fortyTwo]);
  });

  it('gathers the boxes of each printed line, the lines top to bottom, also when the lines are tilted', () => {
    const below = (q: Quad): Quad => q.map(([x, y]) => [x, y + 90]) as Quad;
    expect(readingLines([below(stop), fortyTwo, below(bus), stop, below(fortyTwo), bus])).toEqual([
      [bus, stop, fortyTwo],
      [below(bus), below(stop), below(fortyTwo)],
    ]);
    // Level: "EMERGENCY" and "EXIT", boxes of different heights, are one line.
    const emergency = box(70, 157, 429, 43);
    const exit = box(588, 152, 159, 51);
    expect(readingLines([exit, emergency])).toEqual([[emergency, exit]]);
  });

  it('keeps a line read turned (a tall box) as a line of its own', () => {
    const tall = box(300, 0, 40, 400);
    const left = box(10, 180, 200, 40);
    expect(readingLines([tall, left])).toEqual([[left], [tall]]);
  });
});
