import { useEffect, useRef, useState } from 'react';
import { focusLost } from './useRefocus';

/**
 * Where the keyboard focus goes when a dialog, the viewer or Settings closes: back to what had
 * it when it opened (the tile, the button that opened it), or to `target()` where the place to
 * return to moved meanwhile (the viewer stepped on: the tile of the photo last shown). Without
 * it the focus falls to the page, and a keyboard user starts again from the top. Only a focus
 * left with nowhere to be is moved: one the user (or another dialog) put somewhere stays.
 */
export function useReturnFocus(target?: () => HTMLElement | null): void {
  // Read while the first render runs: before anything inside (an autofocused field) takes it.
  const [opener] = useState(() => (typeof document !== 'undefined' && document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const latest = useRef(target);
  latest.current = target;
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      const to = latest.current?.() ?? opener;
      // After the closing render (React's StrictMode unmounts and mounts again at once in
      // development: then it is mounted again and nothing moves).
      setTimeout(() => {
        if (!mounted.current && focusLost() && to?.isConnected) to.focus({ preventScroll: true });
      }, 0);
    };
  }, [opener]);
}
