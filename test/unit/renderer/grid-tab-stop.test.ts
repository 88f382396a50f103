// The grid's one Tab stop (useGridTabStop.ts): the ring's tile, else the first on screen; the
// grid itself (null) while that tile is not drawn with its buttons.
import { describe, expect, it } from 'vitest';
import { gridTabStop } from '../../../src/renderer/hooks/useGridTabStop';

/** Tiles 10..29 drawn, 14 a placeholder (its page loading). */
const ready = (index: number) => index >= 10 && index < 30 && index !== 14;

describe('gridTabStop', () => {
  it("is the ring's tile when it is drawn", () => {
    expect(gridTabStop(22, 12, ready)).toBe(22);
  });
  it('is the first tile on screen while there is no ring', () => {
    expect(gridTabStop(null, 12, ready)).toBe(12);
  });
  it("is the grid itself while the ring's tile is scrolled out of the drawn window or loading", () => {
    expect(gridTabStop(3, 12, ready)).toBeNull();
    expect(gridTabStop(14, 12, ready)).toBeNull();
    expect(gridTabStop(null, 14, ready)).toBeNull();
    expect(gridTabStop(null, null, ready)).toBeNull();
  });
});
