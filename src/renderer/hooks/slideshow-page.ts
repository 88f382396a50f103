// What the slideshow needs of the page around it: whether the tab is visible (it pauses while
// hidden), and the browser's fullscreen for its element.
import { useEffect, useRef, useState, type RefObject } from 'react';

function pageVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

/** False while the window or tab is hidden (minimised, another tab in front). */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(pageVisible);
  useEffect(() => {
    const update = () => setVisible(pageVisible());
    document.addEventListener('visibilitychange', update);
    update();
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

/**
 * Asks the browser to show `element` fullscreen while mounted. A refusal (no user gesture,
 * a page or frame not allowed to, an old browser) changes nothing: the element is a fixed
 * full-window overlay anyway. Leaving fullscreen by the browser's own means (its Esc, F11)
 * calls `onLeave`; an unmount leaves it quietly.
 */
export function useFullscreen(element: RefObject<HTMLElement | null>, onLeave: () => void): void {
  const latest = useRef(onLeave);
  latest.current = onLeave;
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement === el) entered = true;
      else if (entered) {
        entered = false;
        latest.current();
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    if (document.fullscreenEnabled && typeof el.requestFullscreen === 'function') {
      try {
        el.requestFullscreen({ navigationUI: 'hide' }).catch(() => {
          // Refused: the overlay fills the window instead.
        });
      } catch {
        // A browser whose requestFullscreen throws instead of rejecting: the same.
      }
    }
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement === el) document.exitFullscreen().catch(() => {});
    };
  }, [element]);
}
