import { useCallback, useEffect, useRef, type FocusEvent } from 'react';
import { focusLost, type FocusTarget } from './useRefocus';

/** What useFocusFollow hands its component. */
export interface FocusFollow {
  /** The action started from a control that will be replaced: the focus follows from now on. */
  start: () => void;
  /** The action failed before it began (its control stays): nothing to follow. */
  stop: () => void;
  /** For the element around the controls: a focus put outside it ends the following. */
  onBlur: (event: FocusEvent<HTMLElement>) => void;
}

/**
 * For an action whose control is replaced, in turn, by what stands for its progress and then
 * its outcome (a model's Install: the download's progress bar, then Use, or Try again): each
 * time one of them leaves with the focus, which the browser drops to the page, `target()` (what
 * stands there now) takes it. Checked on each of the component's renders, as those are what
 * swap the controls, for as long as the action runs: a download may take longer than
 * useRefocus' watch. `busy` says the action runs; once it has run and stopped, the outcome
 * gets the focus and the following ends. A focus put outside the component (Tab, a click) ends
 * it too: the user went elsewhere.
 */
export function useFocusFollow(target: FocusTarget, busy: boolean): FocusFollow {
  const following = useRef(false);
  const sawBusy = useRef(false);
  useEffect(() => {
    if (!following.current) return;
    if (focusLost()) {
      const element = target();
      if (element?.isConnected) element.focus({ preventScroll: true });
    }
    if (busy) sawBusy.current = true;
    else if (sawBusy.current) following.current = false;
  });
  const start = useCallback(() => {
    following.current = true;
    sawBusy.current = false;
  }, []);
  const stop = useCallback(() => {
    following.current = false;
  }, []);
  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    // No related target: the control that had the focus left the page; that is what is followed.
    const to = event.relatedTarget;
    if (to instanceof Node && !event.currentTarget.contains(to)) following.current = false;
  }, []);
  return { start, stop, onBlur };
}
