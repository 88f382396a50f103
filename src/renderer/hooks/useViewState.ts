import { useCallback, useEffect, useRef, useState } from 'react';
import type { Photo } from '../../shared/api';
import { baseName } from '../lib/format';
import { fileToBase64 } from '../lib/read-file';
import { ARCHIVE_VIEW, FAR_FROM_TOWNS_VIEW, FAVOURITES_VIEW, LIBRARY_VIEW, ON_THIS_DAY_VIEW, placeView, RECENT_VIEW, VIDEOS_VIEW, WITHOUT_PLACE_VIEW, type View } from '../lib/view';
import { useDebounced } from './useDebounced';

const TYPING_PAUSE_MS = 250;

export interface ViewState {
  view: View;
  /** What is typed in the search box (the view follows it once typing pauses). */
  query: string;
  setQuery: (query: string) => void;
  /** Enter in the search box: the typed query's results now, without the typing pause. */
  searchNow: () => void;
  showFolder: (folder: string | null) => void;
  /** "Recently added": the library newest indexed first. */
  showRecent: () => void;
  /** "Favourites": the timeline of the user's favourites. */
  showFavourites: () => void;
  showOnThisDay: () => void;
  /** "Archive": the timeline of the archived photos (left out of every other timeline). */
  showArchive: () => void;
  /** "Videos": the timeline of the library's videos. */
  showVideos: () => void;
  /** The timeline of the photos taken at a place ("Arezzo, Italy", "Italy"). */
  showPlace: (place: string) => void;
  /** The timeline of the photos without a position, to give them a place. */
  showWithoutPlace: () => void;
  /** The timeline of the photos whose position is far from any town, to set it again. */
  showFarFromTowns: () => void;
  /** The timeline of the photos whose description says `text`. */
  showDescribed: (text: string) => void;
  moreLikeThis: (photo: Photo) => void;
  searchByImage: (file: File) => void;
  back: () => void;
  /** Shows `view` as it was (Back, Forward, a reload: hooks/useHashRoute.ts), its query in the box. */
  restore: (view: View) => void;
  /** A problem reading a dropped file. */
  error: string | null;
}

/** What the search box holds while `view` shows. */
const queryOf = (view: View) => (view.kind === 'search' ? view.query : '');

/** Which list the grid shows, driven by the search box, folder choice, "more like this" and
 *  drops; `initial`: the one the page opens on (the URL's, after a reload). */
export function useViewState(initial: View = LIBRARY_VIEW): ViewState {
  const [view, setView] = useState<View>(initial);
  const [query, setQuery] = useState(() => queryOf(initial));
  const [error, setError] = useState<string | null>(null);
  const settled = useDebounced(query.trim(), TYPING_PAUSE_MS);
  const lastSettled = useRef(queryOf(initial));
  const preview = useRef<string | null>(null);

  useEffect(() => {
    if (settled === lastSettled.current) return;
    lastSettled.current = settled;
    setView((current) => {
      if (settled) return { kind: 'search', query: settled };
      return current.kind === 'search' ? LIBRARY_VIEW : current;
    });
  }, [settled]);

  // A search by image's preview URL lives until another image's replaces it: the page keeps
  // its last search by image, which Back and Forward bring back (App.tsx).
  useEffect(() => {
    if (view.kind !== 'image') return;
    const url = view.previewUrl;
    if (preview.current && preview.current !== url) URL.revokeObjectURL(preview.current);
    preview.current = url;
  }, [view]);

  const clearQuery = () => {
    setQuery('');
    lastSettled.current = '';
  };

  return {
    view,
    query,
    setQuery,
    searchNow: () => {
      const typed = query.trim();
      if (!typed || typed === lastSettled.current) return;
      lastSettled.current = typed;
      setView({ kind: 'search', query: typed });
    },
    error,
    showFolder: useCallback((folder) => {
      clearQuery();
      setView({ kind: 'library', folder });
    }, []),
    showRecent: useCallback(() => {
      clearQuery();
      setView(RECENT_VIEW);
    }, []),
    showFavourites: useCallback(() => {
      clearQuery();
      setView(FAVOURITES_VIEW);
    }, []),
    showOnThisDay: useCallback(() => {
      clearQuery();
      setView(ON_THIS_DAY_VIEW);
    }, []),
    showArchive: useCallback(() => {
      clearQuery();
      setView(ARCHIVE_VIEW);
    }, []),
    showVideos: useCallback(() => {
      clearQuery();
      setView(VIDEOS_VIEW);
    }, []),
    showPlace: useCallback((place) => {
      clearQuery();
      setView(placeView(place));
    }, []),
    showWithoutPlace: useCallback(() => {
      clearQuery();
      setView(WITHOUT_PLACE_VIEW);
    }, []),
    showFarFromTowns: useCallback(() => {
      clearQuery();
      setView(FAR_FROM_TOWNS_VIEW);
    }, []),
    showDescribed: useCallback((text) => {
      clearQuery();
      setView({ kind: 'library', folder: null, described: text });
    }, []),
    moreLikeThis: useCallback((photo) => {
      clearQuery();
      setView({ kind: 'similar', id: photo.id, label: baseName(photo.path) });
    }, []),
    searchByImage: useCallback((file) => {
      setError(null);
      fileToBase64(file).then(
        (base64) => {
          clearQuery();
          setView({ kind: 'image', name: file.name || 'dropped image', base64, previewUrl: URL.createObjectURL(file) });
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      );
    }, []),
    back: useCallback(() => {
      clearQuery();
      setView(LIBRARY_VIEW);
    }, []),
    restore: useCallback((next) => {
      // The box says what is searched, and its typing pause has nothing to add.
      setQuery(queryOf(next));
      lastSettled.current = queryOf(next);
      setView(next);
    }, []),
  };
}
