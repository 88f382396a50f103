// Windowing arithmetic for the thumbnail grid: which rows are on screen, so only those are
// in the DOM (a 100k-photo library is ~17k rows; a few dozen tiles exist at any time).

export interface GridLayout {
  columns: number;
  /** Side of a square tile, px. */
  tile: number;
  gap: number;
  rowHeight: number;
  rows: number;
  height: number;
}

export function gridLayout(width: number, count: number, minTile = 168, gap = 6): GridLayout {
  const usable = Math.max(0, width - gap);
  const columns = Math.max(1, Math.floor(usable / (minTile + gap)));
  const tile = Math.max(40, Math.floor(usable / columns) - gap);
  const rowHeight = tile + gap;
  const rows = Math.ceil(count / columns);
  return { columns, tile, gap, rowHeight, rows, height: rows * rowHeight + gap };
}

export interface VisibleRange {
  firstRow: number;
  /** Exclusive. */
  endRow: number;
  /** Photo indices [start, end). */
  start: number;
  end: number;
}

export function visibleRange(layout: GridLayout, count: number, scrollTop: number, viewport: number, overscanRows = 3): VisibleRange {
  const firstRow = Math.max(0, Math.floor(scrollTop / layout.rowHeight) - overscanRows);
  const endRow = Math.min(layout.rows, Math.ceil((scrollTop + viewport) / layout.rowHeight) + overscanRows);
  return { firstRow, endRow, start: firstRow * layout.columns, end: Math.min(count, endRow * layout.columns) };
}

/** The scrollTop that brings the row of `index` into view (unchanged if it already is). */
export function scrollToReveal(layout: GridLayout, index: number, scrollTop: number, viewport: number): number {
  const top = Math.floor(index / layout.columns) * layout.rowHeight;
  if (top < scrollTop) return top;
  if (top + layout.rowHeight > scrollTop + viewport) return top + layout.rowHeight - viewport + layout.gap;
  return scrollTop;
}
