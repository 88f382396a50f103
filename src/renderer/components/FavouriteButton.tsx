// The viewer's Favourite toggle (♡ / ♥, aria-pressed), and its key: F while the viewer is
// open (not while typing in a field, nor with ctrl/cmd/alt, which belong to the browser).
import type { Photo } from '../../shared/api';
import type { FavouriteToggle } from '../hooks/useFavouriteToggle';
import { isTyping, useKeydown } from '../hooks/useShortcut';
import { changesWaitText, useViewingOnlyReason } from '../hooks/useViewingOnly';

interface FavouriteButtonProps {
  /** undefined while the photo's page loads: the button waits, disabled. */
  photo: Photo | undefined;
  favourites: FavouriteToggle;
}

export function FavouriteButton({ photo, favourites }: FavouriteButtonProps) {
  const viewingOnly = useViewingOnlyReason();
  const on = photo ? favourites.isFavourite(photo) : false;

  useKeydown((event) => {
    if (event.key !== 'f' && event.key !== 'F') return false;
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return false;
    // Holding the key down must not flicker the heart on and off.
    if (photo && !event.repeat) favourites.toggle(photo);
    return true;
  }, !viewingOnly);

  return (
    <button
      type="button"
      className="button favourite-toggle"
      aria-pressed={on}
      // Shown while only viewing too: whether the photo is a favourite is worth seeing.
      title={viewingOnly ? changesWaitText(viewingOnly) : on ? 'Favourite: press F to remove it' : 'Mark as a favourite (F)'}
      disabled={!photo || viewingOnly !== false}
      onClick={() => photo && favourites.toggle(photo)}
    >
      <span className={on ? 'favourite-toggle__heart favourite-heart' : 'favourite-toggle__heart'} aria-hidden="true">
        {on ? '♥' : '♡'}
      </span>{' '}
      Favourite
    </button>
  );
}
