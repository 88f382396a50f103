// The viewer's heart: toggled at once on screen (optimistic), written with one
// setFavourites call; a failed write puts the heart back and says why in one line. The
// listing catches up by itself (the engine's photos-changed event refetches the grid).
import { useCallback, useState } from 'react';
import type { Photo } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { revertOverride, shownFavourite, withOverride, type FavouriteOverrides } from '../lib/favourites';
import { errorMessage } from './useAsync';

export interface FavouriteToggle {
  /** Whether `photo` shows as a favourite (what was set here last, else the listing's). */
  isFavourite: (photo: Photo) => boolean;
  toggle: (photo: Photo) => void;
  /** The last failed write, for the photo it was about. */
  error: { id: string; text: string } | null;
}

export function useFavouriteToggle(): FavouriteToggle {
  const client = useClient();
  // Kept while the viewer is open: stepping away and back shows what was set, even before
  // the listing has been fetched again.
  const [overrides, setOverrides] = useState<FavouriteOverrides>(new Map());
  const [error, setError] = useState<{ id: string; text: string } | null>(null);

  const isFavourite = useCallback((photo: Photo) => shownFavourite(photo, overrides), [overrides]);

  const toggle = useCallback(
    (photo: Photo) => {
      const previous = overrides.get(photo.id);
      const next = !shownFavourite(photo, overrides);
      setOverrides(withOverride(overrides, photo.id, next));
      setError(null);
      const fail = (text: string) => {
        // Only if nothing was toggled since: a later press owns the heart now.
        setOverrides((current) => (current.get(photo.id) === next ? revertOverride(current, photo.id, previous) : current));
        setError({ id: photo.id, text });
      };
      client.setFavourites([photo.id], next).then(
        (result) => {
          if (result.missing > 0) fail('This photo is no longer in the library.');
        },
        (e: unknown) => fail(errorMessage(e).split('\n')[0]!),
      );
    },
    [client, overrides],
  );

  return { isFavourite, toggle, error };
}
