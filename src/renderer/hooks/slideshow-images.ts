// The slideshow's image loader: each photo is fetched and decoded off screen before it is
// shown, so a change of photo is instant and never a blank. The few most recently wanted
// images are kept (their decoded pixels stay in the browser's memory cache with them).
import { useCallback, useEffect, useReducer, useRef } from 'react';

export type SlideImageState = 'loading' | 'loaded' | 'error';

export interface SlideshowImages {
  /** Starts loading `src` (nothing when it is known already) and keeps it among the recent ones. */
  load(src: string): void;
  /** undefined: never asked for (or long forgotten). */
  state(src: string): SlideImageState | undefined;
}

/** The current photo, its neighbours both ways and a few just shown. */
const KEEP = 8;

export function useSlideshowImages(): SlideshowImages {
  const entries = useRef(new Map<string, { image: HTMLImageElement; state: SlideImageState }>());
  const [, changed] = useReducer((n: number) => n + 1, 0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const load = useCallback((src: string) => {
    const map = entries.current;
    const known = map.get(src);
    map.delete(src);
    if (known) {
      map.set(src, known);
      return;
    }
    const image = new Image();
    const entry = { image, state: 'loading' as SlideImageState };
    map.set(src, entry);
    const settle = (state: SlideImageState) => {
      entry.state = state;
      if (mounted.current) changed();
    };
    image.decoding = 'async';
    image.src = src;
    // decode() waits for the pixels too, not only the bytes; it refuses a broken image.
    image.decode().then(
      () => settle('loaded'),
      () => settle(image.complete && image.naturalWidth > 0 ? 'loaded' : 'error'),
    );
    for (const old of map.keys()) {
      if (map.size <= KEEP) break;
      map.delete(old);
    }
  }, []);

  const state = useCallback((src: string) => entries.current.get(src)?.state, []);
  return { load, state };
}
