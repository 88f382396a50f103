// The photos excluded from an album by hand, each with "Put back" (membership 'auto': in
// again if the query matches it). Excluded photos are not members, so this is their only view.
import { useState } from 'react';
import type { AlbumInfo } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { errorMessage } from '../../hooks/useAsync';
import { notifyAlbumsChanged } from './albums-changed';

/** `onPutBack` says what was done (it replaces an "Excluded …" line the screen still shows). */
export function ExcludedPhotos({ album, onPutBack }: { album: AlbumInfo; onPutBack?: (text: string) => void }) {
  const client = useClient();
  const [error, setError] = useState<string | null>(null);
  // A photo excluded and later deleted keeps its exclusion (the id is all that is left).
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const putBack = async (id: string) => {
    setError(null);
    try {
      await client.setAlbumMembership(album.name, id, 'auto');
      onPutBack?.(gone.has(id) ? `Forgot an exclusion from “${album.name}”.` : `Put 1 photo back in “${album.name}”: it shows while it matches the query.`);
      notifyAlbumsChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section className="album-panel" aria-label="Excluded photos">
      <h2 className="album-panel__title">Excluded by hand</h2>
      {album.excludedIds.length === 0 ? (
        <p className="muted small">None: every photo matching the query is in the album.</p>
      ) : (
        <ul className="album-excluded">
          {album.excludedIds.map((id) => (
            <li key={id} className="album-excluded__item">
              {gone.has(id) ? (
                <span className="album-excluded__gone muted small">No longer in the library</span>
              ) : (
                <img src={client.imageUrl(id, 'thumb')} alt="" loading="lazy" onError={() => setGone((g) => new Set(g).add(id))} />
              )}
              <button type="button" className="link-button small" onClick={() => void putBack(id)}>
                {gone.has(id) ? 'Forget' : 'Put back'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
