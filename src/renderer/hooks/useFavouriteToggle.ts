// The viewer's heart: the shared one-photo mark toggle (useMarkToggle) for favourites.
import type { Photo } from '../../shared/api';
import { useMarkToggle } from './useMarkToggle';

export interface FavouriteToggle {
  /** Whether `photo` shows as a favourite (what was set here last, else the listing's). */
  isFavourite: (photo: Photo) => boolean;
  toggle: (photo: Photo) => void;
  /** The last failed write, for the photo it was about. */
  error: { id: string; text: string } | null;
}

export function useFavouriteToggle(): FavouriteToggle {
  const { isOn, toggle, error } = useMarkToggle('favourite');
  return { isFavourite: isOn, toggle, error };
}
