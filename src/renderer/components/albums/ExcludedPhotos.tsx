// The photos excluded from an album by hand, each with "Put back" (membership 'auto': in
// again if the query matches it). Excluded photos are not members, so this is their only view.
import { useRef, useState } from 'react';
import type { AlbumInfo } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useRefocus } from '../../hooks/useRefocus';
import { baseName } from '../../lib/format';
import { notifyAlbumsChanged } from './albums-changed';

interface ExcludedPhotosProps {
  album: AlbumInfo;
  /** Says what was done (it replaces an "Excluded …" line the screen still shows). */
  onPutBack?: (text: string) => void;
  /** Where the focus goes once the last one is put back (the button that opened the panel). */
  fallbackFocus?: () => HTMLElement | null;
}

export function ExcludedPhotos({ album, onPutBack, fallbackFocus }: ExcludedPhotosProps) {
  const client = useClient();
  const [error, setError] = useState<string | null>(null);
  // A photo excluded and later deleted keeps its exclusion (the id is all that is left).
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  // The file names, so each entry is heard as which photo it is, not as "Put back" alone.
  const ids = album.excludedIds;
  const [names] = useAsync(async () => new Map((await Promise.all(ids.map(async (id) => [id, await client.getPhoto(id)] as const))).map(([id, photo]) => [id, photo ? baseName(photo.path) : null])), [client, ids.join('\n')]);
  const nameOf = (id: string) => (names.status === 'ready' ? names.value.get(id) : undefined);
  const list = useRef<HTMLUListElement>(null);
  const refocus = useRefocus();

  const putBack = async (id: string, index: number) => {
    setError(null);
    // The entry leaves once the album is read again: the one now at its place takes the
    // focus, else the one before it, else the panel's opener.
    refocus(() => {
      const buttons = [...(list.current?.querySelectorAll<HTMLElement>('button') ?? [])];
      return buttons[Math.min(index, buttons.length - 1)] ?? fallbackFocus?.();
    });
    try {
      await client.setAlbumMembership(album.name, id, 'auto');
      onPutBack?.(gone.has(id) || nameOf(id) === null ? `Forgot an exclusion from “${album.name}”.` : `Put 1 photo back in “${album.name}”: it shows while it matches the query.`);
      notifyAlbumsChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section className="album-panel" aria-label="Excluded photos">
      <h2 className="album-panel__title">Excluded by hand</h2>
      {ids.length === 0 ? (
        <p className="muted small">None: every photo matching the query is in the album.</p>
      ) : (
        <ul className="album-excluded" ref={list}>
          {ids.map((id, index) => {
            const name = nameOf(id);
            const lost = gone.has(id) || name === null;
            return (
              <li key={id} className="album-excluded__item">
                {lost ? (
                  <span className="album-excluded__gone muted small">No longer in the library</span>
                ) : (
                  <img src={client.imageUrl(id, 'thumb')} alt={name ?? ''} title={name} loading="lazy" onError={() => setGone((g) => new Set(g).add(id))} />
                )}
                <button type="button" className="link-button small" aria-label={lost ? 'Forget this exclusion (the photo is no longer in the library)' : name ? `Put back ${name}` : undefined} onClick={() => void putBack(id, index)}>
                  {lost ? 'Forget' : 'Put back'}
                </button>
              </li>
            );
          })}
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
