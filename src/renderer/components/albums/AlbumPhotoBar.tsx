// Over the viewer, while it shows an album's photo: whether the photo is pinned, and the
// album's own actions on it (exclude, pin, back to automatic). The viewer itself is shared
// with the main grid and knows nothing of albums, so this bar sits on top of it.
import { useState } from 'react';
import type { AlbumMembership, Photo } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { errorMessage } from '../../hooks/useAsync';
import { notifyAlbumsChanged } from './albums-changed';

interface AlbumPhotoBarProps {
  album: string;
  photo: Photo | undefined;
  /** The photo is one of the album's members (else a look-alike that could be pinned in). */
  member: boolean;
  pinned: boolean;
}

export function AlbumPhotoBar({ album, photo, member, pinned }: AlbumPhotoBarProps) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  // Said of the photo it was about: stepping on to the next photo does not carry it along.
  const [message, setMessage] = useState<{ id: string; text: string; error: boolean } | null>(null);
  // Look-alikes pinned here: their listing (not the album's members) does not say so. No Unpin
  // here: what the photo was in the album before (excluded, pinned) is not known to put back;
  // the album's own screen unpins.
  const [pinnedHere, setPinnedHere] = useState<ReadonlySet<string>>(new Set());
  if (!photo) return null;
  const lookAlikePinned = !member && pinnedHere.has(photo.id);

  const set = async (membership: AlbumMembership, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await client.setAlbumMembership(album, photo.id, membership);
      setMessage({ id: photo.id, text: done, error: false });
      if (!member) {
        setPinnedHere((ids) => new Set(ids).add(photo.id));
      }
      notifyAlbumsChanged();
    } catch (e) {
      setMessage({ id: photo.id, text: errorMessage(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="album-photo-bar" role="toolbar" aria-label={`Album ${album}`}>
      <span className="album-photo-bar__album">{album}</span>
      {((member && pinned) || lookAlikePinned) && <span className="album-badge">Pinned</span>}
      {member ? (
        <>
          {pinned ? (
            <button type="button" className="button" disabled={busy} onClick={() => void set('auto', 'Unpinned: it stays only while it matches.')}>
              Unpin
            </button>
          ) : (
            <button type="button" className="button" disabled={busy} onClick={() => void set('pinned', 'Pinned: it stays whatever its score.')}>
              Pin
            </button>
          )}
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void set('excluded', 'Excluded from the album.')}>
            Exclude from album
          </button>
        </>
      ) : lookAlikePinned ? null : (
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void set('pinned', `Pinned into ${album}.`)}>
          Pin to album
        </button>
      )}
      {message && message.id === photo.id && (
        <span className={message.error ? 'form-error' : 'muted small'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
