// Which screen the main area shows: the photo grid (library, folder, search results; see
// view.ts) or one of the feature screens the sidebar leads to.
import type { LibraryState } from '../hooks/useLibrary';

export type Screen =
  | { kind: 'photos' }
  /** The label-set editor: an existing set, or a new one (null). */
  | { kind: 'label-set'; name: string | null }
  /** Review of a set's tags (optionally one label): accept or reject each. */
  | { kind: 'tag-review'; set: string; label: string | null }
  /** A smart album's photos. */
  | { kind: 'album'; name: string }
  /** The smart-album editor: an existing album, or a new one (null). */
  | { kind: 'album-editor'; name: string | null }
  | { kind: 'duplicates' }
  /** The library's places: countries and their towns, each leading to its timeline. */
  | { kind: 'places' };

export const PHOTOS_SCREEN: Screen = { kind: 'photos' };

/** What every sidebar section and feature screen gets from the app. */
export interface ScreenProps {
  screen: Screen;
  navigate: (screen: Screen) => void;
  library: LibraryState;
  /** Shows the timeline of the photos taken at a place ("Arezzo, Italy", "Italy"): the Places
   *  page's cards and the viewer's place link lead there from any screen. */
  showPlace: (place: string) => void;
  /** Shows the timeline of the photos without a position (the Places page's note leads there). */
  showWithoutPlace: () => void;
  /** Shows the timeline of the photos far from any town (the Places page's note leads there).
   *  Absent (a screen that leads nowhere of the kind): the note is said without a link. */
  showFarFromTowns?: () => void;
  /** The photo the URL opens in the screen's own viewer (an album's), by id (null: none): opened
   *  anew each time `asked` changes (a reload, Back or Forward onto it). Absent: none. */
  photo?: { id: string | null; asked: number };
  /** What the screen's own viewer shows (null: closed), for the URL; `notFound`: the URL's
   *  photo was not found there (which is no move of the user's, and no history entry). */
  onPhoto?: (screen: Screen, id: string | null, notFound?: boolean) => void;
}
