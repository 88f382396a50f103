// The slideshow's controls show on a mouse move, a click or a key and fade after a while
// without one (the cursor hides with them); they stay while the pointer rests on them.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface SlideshowIdle {
  /** No activity for the delay: controls and cursor hidden. */
  idle: boolean;
  /** Activity: show the controls and start the delay again. */
  poke(): void;
  /** The pointer is on the controls (true) or left them (false). */
  hold(held: boolean): void;
}

export function useSlideshowIdle(delay: number): SlideshowIdle {
  const [idle, setIdle] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const held = useRef(false);

  const arm = useCallback(() => {
    window.clearTimeout(timer.current);
    if (!held.current) timer.current = window.setTimeout(() => setIdle(true), delay);
  }, [delay]);

  const poke = useCallback(() => {
    setIdle(false);
    arm();
  }, [arm]);

  const hold = useCallback(
    (on: boolean) => {
      held.current = on;
      if (on) setIdle(false);
      arm();
    },
    [arm],
  );

  useEffect(() => {
    arm();
    return () => window.clearTimeout(timer.current);
  }, [arm]);

  return { idle, poke, hold };
}
