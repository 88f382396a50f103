// Whether the clock has reached a time (Date.now() milliseconds; null: never): false until
// then, and the component draws again when it comes.
import { useEffect, useReducer } from 'react';

export function useTimeReached(at: number | null): boolean {
  const [ticks, tick] = useReducer((n: number) => n + 1, 0);
  const reached = at !== null && Date.now() >= at;
  useEffect(() => {
    if (at === null || reached) return;
    // A little after, so the draw it causes finds the time passed (else it waits again).
    const timer = setTimeout(tick, Math.min(at - Date.now() + 20, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [at, reached, ticks]);
  return reached;
}
