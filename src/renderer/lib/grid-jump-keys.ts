// The grid's long moves, as the grid pattern has them: Home / End (ctrl or not) go to the first
// / last photo of the whole list, PageUp / PageDown about a screen of rows. Left to the browser,
// they scrolled the grid away from the focused tile, which then left the DOM and took the
// focus with it. Shift extends the selection as the arrows do.
import type { Selection } from './selection';

/** Where PageUp (`direction` -1) or PageDown (1) goes from photo `index`: about a screen of rows away. */
export type PageStep = (index: number, direction: -1 | 1) => number;

/** The selection after Home, End, PageUp or PageDown; null for any other key or an empty list. */
export function jumpFocus(selection: Selection, key: string, page: PageStep, count: number, extend: boolean): Selection | null {
  if (count === 0) return null;
  const from = selection.focus ?? 0;
  let to: number;
  if (key === 'Home') to = 0;
  else if (key === 'End') to = count - 1;
  else if (key === 'PageDown' || key === 'PageUp') to = page(from, key === 'PageDown' ? 1 : -1);
  else return null;
  const focus = Math.min(count - 1, Math.max(0, to));
  if (!extend) return { ...selection, focus };
  const anchor = selection.anchor ?? from;
  const indices = new Set(selection.indices);
  for (let i = Math.min(anchor, focus); i <= Math.max(anchor, focus); i++) indices.add(i);
  return { indices, anchor, focus };
}

/** An even grid's page: the rows that fit in `viewport` px (one at least), in the same column. */
export function evenPageStep(columns: number, rowHeight: number, viewport: number): PageStep {
  const rows = Math.max(1, Math.floor(viewport / Math.max(1, rowHeight)));
  return (index, direction) => index + direction * rows * columns;
}
