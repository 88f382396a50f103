import { useEffect, useRef, useState } from 'react';

/**
 * Where the keyboard focus goes when a dialog, the viewer or Settings closes: back to what had
 * it when it opened (the tile, the button that opened it), or to `target()` where the place to
 * return to moved meanwhile (the viewer stepped on: the tile of the photo last shown). Without
 * it the focus falls to the page, and a keyboard user starts again from the top.
 */
export function useReturnFocus(target?: () => HTMLElement | null): void {
  // Read while the first render runs: before anything inside (an autofocused field) takes it.
  const [opener] = useState(() => (typeof document !== 'undefined' && document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const latest = useRef(target);
  latest.current = target;
  useEffect(
    () => () => {
      const to = latest.current?.() ?? opener;
      // After the closing render: the element may be re-rendered, or hidden until then.
      setTimeout(() => {
        if (to?.isConnected) to.focus();
      }, 0);
    },
    [opener],
  );
}
