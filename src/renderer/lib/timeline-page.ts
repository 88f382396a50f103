// PageUp / PageDown in the timeline: its rows are uneven (a day's last row is short) and day
// and month headers sit between them, so a page is measured in pixels, not rows: the row
// about a screen above or below, in the same column (or its last photo, in a short row).
import type { PageStep } from './grid-jump-keys';
import { rowOf, type TimelineLayout } from './timeline-layout';

/** `viewport`: the grid's visible height (px). Past the first / last row: the first / last photo. */
export function timelinePageStep(layout: TimelineLayout, viewport: number): PageStep {
  return (index, direction) => {
    const row = rowOf(layout, index);
    if (!row) return index;
    const { rows } = layout;
    const at = rows.indexOf(row);
    // The rows whose top is within a screen less this row (it stays in sight, as the last seen).
    const reach = Math.max(0, viewport - row.height);
    let to = at;
    while (rows[to + direction] && Math.abs(rows[to + direction]!.top - row.top) <= reach) to += direction;
    if (to === at) {
      if (!rows[at + direction]) return direction < 0 ? 0 : layout.count - 1;
      to = at + direction;
    }
    const target = rows[to]!;
    return target.start + Math.min(index - row.start, target.count - 1);
  };
}
