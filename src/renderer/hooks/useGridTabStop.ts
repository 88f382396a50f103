import { useEffect, useRef, type RefObject } from 'react';
import type { GridSelection } from './useGridKeys';

/**
 * The grid's one Tab stop (roving tabindex, as the WAI-ARIA grid pattern has it): the tile of
 * the keyboard's ring, or the first tile on screen while there is no ring. Every tile used to
 * be two Tab stops, and in a virtualised grid Tab never left it (the rows after the focus are
 * drawn as it goes): what comes after the grid (the month rail) could not be reached.
 * `ring`: the highlighted photo (null: none yet); `firstShown`: the first photo on screen (not
 * in the overscan above it, which Tab would scroll to); `ready`: whether a photo's tile is drawn
 * with its buttons (a placeholder has none). Null: no tile can be the stop (the ring's tile is
 * scrolled out of the drawn window, or its page is loading): the grid itself is.
 */
export function gridTabStop(ring: number | null, firstShown: number | null, ready: (index: number) => boolean): number | null {
  const tile = ring ?? firstShown;
  return tile !== null && ready(tile) ? tile : null;
}

/**
 * Keeps the Tab stop on the tile with the focus, and hands the grid's own focus on to a tile.
 * A tile's button given the focus another way than by an arrow ("Skip to photos", a click, the
 * viewer closing on it) becomes the ring's tile: that is where the keys act from anyway
 * (gridKey), and the one Tab stop must be where the focus is, or Tab from it would jump ahead
 * to the ring's tile. The grid element is in the Tab order only while no tile is the stop
 * (`tileStop` false); Tab (or Shift+Tab) reaching it from outside gives the focus to the first
 * tile on screen, so a screen reader names a photo rather than the region. The grid's own moves
 * of the focus to itself (a tile scrolled away, an arrow's tile not drawn yet) come from inside
 * the grid or from nowhere, and stay.
 */
export function useGridTabStop(grid: GridSelection | undefined, scroller: RefObject<HTMLElement | null>, tileStop: boolean): void {
  const latest = useRef({ grid, tileStop });
  latest.current = { grid, tileStop };
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const onFocusIn = (event: FocusEvent) => {
      const { grid: now, tileStop: hasTile } = latest.current;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target === element) {
        const from = event.relatedTarget;
        if (!hasTile && from instanceof Node && !element.contains(from)) firstOnScreen(element)?.focus({ preventScroll: true });
        return;
      }
      const at = Number(target?.closest<HTMLElement>('.tile')?.dataset['index']);
      if (now && Number.isInteger(at) && now.selection.focus !== at) now.onChange({ ...now.selection, focus: at });
    };
    element.addEventListener('focusin', onFocusIn);
    return () => element.removeEventListener('focusin', onFocusIn);
  }, [scroller]);
}

/** The Open button of the first tile drawn that shows on screen (partly, at least). */
function firstOnScreen(element: HTMLElement): HTMLElement | null {
  const top = element.getBoundingClientRect().top;
  for (const button of element.querySelectorAll<HTMLElement>('.tile__open')) {
    if (button.getBoundingClientRect().bottom > top) return button;
  }
  return null;
}
