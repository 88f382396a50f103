// Windowing arithmetic for the timeline: photos grouped by month and day, each month under a
// header, each day under a smaller one, the day's photos in rows of square tiles. The layout
// comes from the days' counts alone (TimelineSummary), so the whole timeline has its height
// and every date its place before any photo is loaded: the scrubber can jump anywhere and
// the grid stays virtualised (only the items on screen are in the DOM).
import type { TimelineDay } from '../../shared/api';

export type TimelineItem =
  | { kind: 'month'; top: number; height: number; month: string }
  /** `first`: the index of the day's first photo (its photos are [first, first + count)). */
  | { kind: 'day'; top: number; height: number; day: string; first: number; count: number }
  | TimelineRow;

/** Photos [start, start + count) of the timeline's order. */
export interface TimelineRow {
  kind: 'row';
  top: number;
  height: number;
  start: number;
  count: number;
}

export interface TimelineMonth {
  /** YYYY-MM. */
  month: string;
  year: number;
  top: number;
  /** Index of its first photo. */
  first: number;
  count: number;
}

export interface TimelineLayout {
  columns: number;
  tile: number;
  gap: number;
  items: TimelineItem[];
  /** The row items alone, in order (to find a photo's row). */
  rows: TimelineRow[];
  months: TimelineMonth[];
  height: number;
  /** Photos laid out. */
  count: number;
}

export const MONTH_HEADER = 52;
export const DAY_HEADER = 34;

export function timelineLayout(width: number, days: readonly TimelineDay[], minTile = 168, gap = 6): TimelineLayout {
  const usable = Math.max(0, width - gap);
  const columns = Math.max(1, Math.floor(usable / (minTile + gap)));
  const tile = Math.max(40, Math.floor(usable / columns) - gap);
  const rowHeight = tile + gap;
  const items: TimelineItem[] = [];
  const rows: TimelineRow[] = [];
  const months: TimelineMonth[] = [];
  let top = 0;
  let index = 0;
  for (const { day, count } of days) {
    const month = day.slice(0, 7);
    if (months[months.length - 1]?.month !== month) {
      months.push({ month, year: Number(day.slice(0, 4)), top, first: index, count: 0 });
      items.push({ kind: 'month', top, height: MONTH_HEADER, month });
      top += MONTH_HEADER;
    }
    months[months.length - 1]!.count += count;
    items.push({ kind: 'day', top, height: DAY_HEADER, day, first: index, count });
    top += DAY_HEADER;
    for (let start = 0; start < count; start += columns) {
      const row: TimelineRow = { kind: 'row', top, height: rowHeight, start: index + start, count: Math.min(columns, count - start) };
      items.push(row);
      rows.push(row);
      top += rowHeight;
    }
    index += count;
  }
  return { columns, tile, gap, items, rows, months, height: top + gap, count: index };
}

/** The first item whose bottom is below `y` (binary search: items are in top order). */
function itemAt(items: readonly TimelineItem[], y: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid]!;
    if (item.top + item.height <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface TimelineWindow {
  /** Items [first, end) to render. */
  first: number;
  end: number;
  /** Photo indices [start, stop) those items show. */
  start: number;
  stop: number;
}

export function timelineWindow(layout: TimelineLayout, scrollTop: number, viewport: number, overscan = 600): TimelineWindow {
  const first = itemAt(layout.items, Math.max(0, scrollTop - overscan));
  let end = first;
  const bottom = scrollTop + viewport + overscan;
  while (end < layout.items.length && layout.items[end]!.top < bottom) end++;
  let start = Number.POSITIVE_INFINITY;
  let stop = 0;
  for (let i = first; i < end; i++) {
    const item = layout.items[i]!;
    if (item.kind !== 'row') continue;
    start = Math.min(start, item.start);
    stop = Math.max(stop, item.start + item.count);
  }
  return start === Number.POSITIVE_INFINITY ? { first, end, start: 0, stop: 0 } : { first, end, start, stop };
}

/** The month whose section is at the top of the viewport (its header stays pinned there). */
export function monthAt(layout: TimelineLayout, scrollTop: number): TimelineMonth | null {
  let found: TimelineMonth | null = null;
  for (const month of layout.months) {
    if (month.top > scrollTop) break;
    found = month;
  }
  return found ?? layout.months[0] ?? null;
}

/** The row holding photo `index`, or null when it is not laid out. */
export function rowOf(layout: TimelineLayout, index: number): TimelineRow | null {
  let lo = 0;
  let hi = layout.rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const row = layout.rows[mid]!;
    if (index < row.start) hi = mid - 1;
    else if (index >= row.start + row.count) lo = mid + 1;
    else return row;
  }
  return null;
}

/**
 * The photo on screen above (`direction` -1) or below (1) photo `index`: the same column of the
 * row before or after its row, whether that row is in its day or the next (the nearest column
 * when that row is shorter). Past the first row: the first photo; past the last: the last.
 */
export function rowStep(layout: TimelineLayout, index: number, direction: -1 | 1): number {
  const { rows } = layout;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const row = rows[mid]!;
    if (index < row.start) hi = mid - 1;
    else if (index >= row.start + row.count) lo = mid + 1;
    else {
      const next = rows[mid + direction];
      if (!next) return direction < 0 ? 0 : layout.count - 1;
      return next.start + Math.min(index - row.start, next.count - 1);
    }
  }
  return index + direction * layout.columns;
}

/** The scrollTop that brings photo `index` into view below the pinned month header. */
export function revealTop(layout: TimelineLayout, index: number, scrollTop: number, viewport: number): number {
  const row = rowOf(layout, index);
  if (!row) return scrollTop;
  if (row.top - MONTH_HEADER < scrollTop) return Math.max(0, row.top - MONTH_HEADER - DAY_HEADER);
  if (row.top + row.height > scrollTop + viewport) return row.top + row.height - viewport + layout.gap;
  return scrollTop;
}

/** "June 2021" in the reader's language (dates are wall-clock times read as UTC). */
export function monthLabel(month: string, locale?: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, 1)).toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "Tue, Jun 15" in the reader's language. */
export function dayLabel(day: string, locale?: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
}
