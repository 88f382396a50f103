// The control on the Places page that opened the view shown now: a town's card, its dot on the
// map, a country's header, or a note's "Show them…" button (far from any town, without a
// place). Going back to Places ("‹ All places", or the browser's Back) gives it the focus
// again, as closing the viewer gives it to the tile (README, Focus).
import type { FocusTarget } from '../hooks/useRefocus';

export interface PlacesOpener {
  /** Where it is on the page, once Places shows again. */
  selector: string;
  /** A dot of the map, drawn a frame or two after the page (waited for). */
  onMap: boolean;
}

/** The notes' buttons say which view they open (`data-opens`, PlacesScreen.tsx). */
export const FAR_FROM_TOWNS_OPENER: PlacesOpener = { selector: 'main [data-opens="far-from-towns"]', onMap: false };
export const WITHOUT_PLACE_OPENER: PlacesOpener = { selector: 'main [data-opens="without-place"]', onMap: false };

/** A place's card or dot (or, opened elsewhere, the place's card: the viewer's place link). */
export function placeOpener(place: string, onMap: boolean): PlacesOpener {
  return { selector: `main ${onMap ? '.place-map' : '.places__country'} [data-place="${CSS.escape(place)}"]`, onMap };
}

/**
 * Where the focus goes back to on Places: the opener, else the page's heading. The map draws
 * its dots once it has measured itself, a frame or two later (longer on a slow machine): a
 * dot is waited for, until the map has drawn (its town may be gone from it) or for 2.5 s.
 */
export function placesOpenerTarget(last: PlacesOpener | null, heading: FocusTarget): FocusTarget {
  const since = performance.now();
  const mapDrawn = () => document.querySelector('main .place-map [data-place]') !== null;
  return () => (last ? document.querySelector<HTMLElement>(last.selector) : null) ?? (last?.onMap && !mapDrawn() && performance.now() - since < 2500 ? null : heading());
}
