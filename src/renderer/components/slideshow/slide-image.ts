// Which image a slide shows, given how far each has loaded. The photo's own (slideSource) when
// it loads; when it cannot be (its file moved away or deleted since it was indexed, unreadable)
// the library's thumbnail, as the viewer shows it then (its stand-in stays where the original
// failed): the slideshow shows the photo and plays on, not a black "could not be loaded".
// Only when the thumbnail fails too is the slide a failure. A thumbnail standing in is marked
// (`standIn`), so the slide says the file is gone, as the viewer does.
import type { SlideImageState } from '../../hooks/slideshow-images';

export type SlideImage =
  /** Wait: `load` (when given) is what to load to know. */
  | { kind: 'wait'; load?: string }
  | { kind: 'show'; src: string; failed: boolean; standIn?: true };

/** `own`: the photo's source; `thumbnail`: its thumbnail's (the same as `own` for a video's poster). */
export function slideImage(own: string, thumbnail: string, state: (src: string) => SlideImageState | undefined): SlideImage {
  const mine = state(own);
  if (mine === undefined || mine === 'loading') return { kind: 'wait' };
  if (mine === 'loaded') return { kind: 'show', src: own, failed: false };
  if (thumbnail === own) return { kind: 'show', src: own, failed: true };
  const stand = state(thumbnail);
  if (stand === undefined) return { kind: 'wait', load: thumbnail };
  if (stand === 'loading') return { kind: 'wait' };
  return stand === 'loaded' ? { kind: 'show', src: thumbnail, failed: false, standIn: true } : { kind: 'show', src: own, failed: true };
}
