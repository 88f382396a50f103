import { useCallback, useEffect, useRef, useState } from 'react';
import { focusParked } from './useFocusGuard';

/** Where a target is looked for: called each frame, so it may name an element not rendered yet. */
export type FocusTarget = () => HTMLElement | null | undefined;

/**
 * Nothing has the keyboard focus: it fell to the page when what had it left, or it waits on a
 * disabled control's section (useFocusGuard) for the control or the action's outcome.
 */
export function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || focusParked();
}

/**
 * After an action, gives the focus to `target()` whenever it falls to the page within `ms`.
 * The control acted on often leaves the page (a confirmation closes, a row goes, a button is
 * swapped for another or disabled while the write runs), sometimes a render or two later when
 * a reload answers; the browser then puts the focus on the body, and a keyboard or screen
 * reader user starts again from the top. Checked each frame rather than after one render, as
 * those renders happen in other components. A focus the user put somewhere stays; a click
 * on the page ends the watch (the body took the focus on purpose). Returns the stop.
 */
export function refocusWhenLost(target: FocusTarget, ms = 3000): () => void {
  return eachFrameFor(ms, () => {
    if (focusLost()) {
      const element = target();
      if (element?.isConnected) element.focus({ preventScroll: true });
    }
    return false;
  });
}

/** Runs `step` each frame for `ms` or until it returns true; a click on the page ends it too. Returns the stop. */
function eachFrameFor(ms: number, step: () => boolean): () => void {
  const until = performance.now() + ms;
  let frame = 0;
  const stop = () => {
    cancelAnimationFrame(frame);
    document.removeEventListener('pointerdown', stop, true);
  };
  const tick = () => {
    if (step() || performance.now() >= until) stop();
    else frame = requestAnimationFrame(tick);
  };
  document.addEventListener('pointerdown', stop, true);
  frame = requestAnimationFrame(tick);
  return stop;
}

/** refocusWhenLost for a component: one watch at a time (a new action's replaces the last), ended on unmount unless `outlive`; returns the stop (an action that failed keeps its control). */
export function useRefocus(): (target: FocusTarget, options?: { ms?: number; outlive?: boolean }) => () => void {
  const stop = useRef<(() => void) | null>(null);
  const outlives = useRef(false);
  useEffect(
    () => () => {
      if (!outlives.current) stop.current?.();
    },
    [],
  );
  return useCallback((target: FocusTarget, options: { ms?: number; outlive?: boolean } = {}) => {
    stop.current?.();
    outlives.current = options.outlive ?? false;
    const stopThis = refocusWhenLost(target, options.ms);
    stop.current = stopThis;
    return stopThis;
  }, []);
}

/**
 * Moves the focus to `target()` once it is on the page (a search's results, once they have
 * come), within `ms`: while the focus is still where it was when asked (`from`, the search
 * box) or has fallen to the page. A focus the user put anywhere else, or a click, ends the
 * wait. Returns the stop (the query changed: those results are no longer the ones asked for).
 */
export function focusWhenShown(target: FocusTarget, from: Element | null, ms = 10_000): () => void {
  return eachFrameFor(ms, () => {
    if (!focusLost() && document.activeElement !== from) return true;
    const element = target();
    if (!element?.isConnected) return false;
    element.focus({ preventScroll: true });
    return true;
  });
}

/**
 * For a change that replaces the control which had the focus (a place opened from its card,
 * "More like this" closing the viewer): `focusAfterRender(target)` gives the focus to
 * `target()` as soon as the change is on the page (before a closing dialog's return of the
 * focus), then watches for it falling to the page a while longer, as useRefocus does.
 */
export function useFocusAfterRender(): (target: FocusTarget) => void {
  const refocus = useRefocus();
  const pending = useRef<FocusTarget | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    const target = pending.current;
    if (!target) return;
    pending.current = null;
    target()?.focus({ preventScroll: true });
    refocus(target);
  }, [asked, refocus]);
  return useCallback((target: FocusTarget) => {
    pending.current = target;
    setAsked((n) => n + 1);
  }, []);
}
