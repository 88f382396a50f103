// In the viewer, while it shows an album's photo: whether the photo is pinned, and the
// album's own actions on it (exclude, pin, back to automatic). The viewer itself is shared
// with the main grid and knows nothing of albums: the album screen passes this bar to it as a
// child, so it sits inside the viewer's dialog (Tab reaches it, a screen reader hears it).
import { useRef, useState, type ReactNode } from 'react';
import type { AlbumMembership, Photo } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { errorMessage } from '../../hooks/useAsync';
import { useRefocus } from '../../hooks/useRefocus';
import { notifyAlbumsChanged } from './albums-changed';

interface AlbumPhotoBarProps {
  album: string;
  photo: Photo | undefined;
  /** The photo is one of the album's members (else a look-alike that could be pinned in). */
  member: boolean;
  pinned: boolean;
  /** The photo was excluded (it leaves the list, and the viewer moves on): the screen says so,
   *  with Put back, in a line that outlives the move (`notice`). `wasPinned`: what Put back restores. */
  onExcluded: (photo: Photo, wasPinned: boolean) => void;
  /** The line about the last exclusion, shown under the actions whichever photo is on screen. */
  notice?: ReactNode;
}

export function AlbumPhotoBar({ album, photo, member, pinned, onExcluded, notice }: AlbumPhotoBarProps) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  // Said of the photo it was about: stepping on to the next photo does not carry it along.
  const [message, setMessage] = useState<{ id: string; text: string; error: boolean } | null>(null);
  // Look-alikes pinned here: their listing (not the album's members) does not say so. No Unpin
  // here: what the photo was in the album before (excluded, pinned) is not known to put back;
  // the album's own screen unpins.
  const [pinnedHere, setPinnedHere] = useState<ReadonlySet<string>>(new Set());
  const bar = useRef<HTMLDivElement>(null);
  const refocus = useRefocus();
  if (!photo) return null;
  const lookAlikePinned = !member && pinnedHere.has(photo.id);

  const set = async (membership: AlbumMembership, done: string) => {
    setBusy(true);
    setMessage(null);
    // The button is disabled while the write runs, and an excluded photo leaves the list: the
    // same action on the photo now shown keeps the focus (Pin becomes Unpin in its place); a
    // look-alike's Pin, gone once pinned, leaves it to the viewer.
    const action = membership === 'excluded' ? 'exclude' : 'pin';
    refocus(() => bar.current?.querySelector<HTMLElement>(`[data-action="${action}"]`) ?? bar.current?.closest<HTMLElement>('[role="dialog"]'));
    try {
      await client.setAlbumMembership(album, photo.id, membership);
      if (membership === 'excluded') onExcluded(photo, pinned);
      else setMessage({ id: photo.id, text: done, error: false });
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
    <div className="album-photo-bar" role="toolbar" aria-label={`Album ${album}`} ref={bar}>
      <span className="album-photo-bar__album">{album}</span>
      {((member && pinned) || lookAlikePinned) && <span className="album-badge">Pinned</span>}
      {member ? (
        <>
          {pinned ? (
            <button type="button" className="button" data-action="pin" disabled={busy} onClick={() => void set('auto', 'Unpinned: it stays only while it matches.')}>
              Unpin
            </button>
          ) : (
            <button type="button" className="button" data-action="pin" disabled={busy} onClick={() => void set('pinned', 'Pinned: it stays whatever its score.')}>
              Pin
            </button>
          )}
          <button type="button" className="button button--danger" data-action="exclude" disabled={busy} onClick={() => void set('excluded', '')}>
            Exclude from album
          </button>
        </>
      ) : lookAlikePinned ? null : (
        <button type="button" className="button button--primary" data-action="pin" disabled={busy} onClick={() => void set('pinned', `Pinned into ${album}.`)}>
          Pin to album
        </button>
      )}
      {message && message.id === photo.id && (
        <span className={message.error ? 'form-error' : 'muted small'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </span>
      )}
      {notice}
    </div>
  );
}
