// The timeline rail's keys, as a slider's or a listbox's: ↑ ↓ one month, Home / End the
// newest / oldest. Apart from the component so the walk is tested without a page.
import type { TimelineMonth } from './timeline-layout';

/** The month a key moves the rail's focus to from `months[at]`; null: not a rail key, or no further month. */
export function scrubberKeyTarget(months: readonly TimelineMonth[], at: number, key: string): TimelineMonth | null {
  const to = key === 'ArrowDown' ? at + 1 : key === 'ArrowUp' ? at - 1 : key === 'Home' ? 0 : key === 'End' ? months.length - 1 : -1;
  if (to < 0 || to === at) return null;
  return months[to] ?? null;
}
