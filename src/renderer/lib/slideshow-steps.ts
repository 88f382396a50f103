// Where a slideshow goes next, over the viewer's list (lib/paged-photos.ts): its length may
// not be known yet (search results grow a page at a time), so "after the last photo" is
// either the end, the first photo again (Loop), or a wait for the next page.
import { formatTotal } from './format';

/** What the slideshow knows of its list: how many photos so far, and whether that is all. */
export interface ListExtent {
  count: number;
  complete: boolean;
}

/**
 * go: show that photo; end: there is none that way (the list's end without Loop, or its start);
 * wait: the next photo's page has not come yet (a list whose end is not known).
 */
export type Step = { kind: 'go'; index: number } | { kind: 'end' } | { kind: 'wait' };

export function nextStep(index: number, list: ListExtent, loop: boolean): Step {
  if (index + 1 < list.count) return { kind: 'go', index: index + 1 };
  if (!list.complete) return { kind: 'wait' };
  if (loop && list.count > 0) return { kind: 'go', index: 0 };
  return { kind: 'end' };
}

/** Back one; with Loop the first photo goes to the last, once the list's end is known. */
export function previousStep(index: number, list: ListExtent, loop: boolean): Step {
  if (list.count === 0) return list.complete ? { kind: 'end' } : { kind: 'wait' };
  if (index > 0) return { kind: 'go', index: Math.min(index, list.count) - 1 };
  if (loop && list.complete) return { kind: 'go', index: list.count - 1 };
  return { kind: 'end' };
}

/**
 * Where a slideshow that wants `index` can be: the index itself while the list may reach it,
 * the last photo when the list turned out (or became) shorter, null when it is empty.
 */
export function placeInList(index: number, list: ListExtent): number | null {
  if (index < 0) return list.count > 0 || !list.complete ? 0 : null;
  if (!list.complete || index < list.count) return index;
  return list.count > 0 ? list.count - 1 : null;
}

/** "12 of 240", or "12 of 200+" while the list's end is not known. */
export function counterText(index: number, list: ListExtent): string {
  return `${(index + 1).toLocaleString()} of ${formatTotal(Math.max(list.count, index + 1), list.complete)}`;
}
