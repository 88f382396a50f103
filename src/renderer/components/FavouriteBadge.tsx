// The heart on a favourite's tile, always shown (not only on hover): a favourite is found at
// a glance in any grid. Bottom left, where a video's length badge moves over for it
// (favourites.css); the selection check keeps the top right and "More like this" the bottom right.
import type { Photo } from '../../shared/api';

export function FavouriteBadge({ photo }: { photo: Photo }) {
  if (!photo.favourite) return null;
  return (
    <span className="tile__mark tile__favourite" role="img" aria-label="Favourite" title="Favourite">
      ♥
    </span>
  );
}
