// The selection's Album… panel's "New album": a name field (Enter, or its button, makes a
// hand-picked album of the selected photos), so a first album needs no query and no other
// screen. The album is an album without a query (src/core/albums/album.ts isHandPicked): the
// engine saves it with the photos pinned in the same write, and the line says so as pinning does.
import { useEffect, useState, type FormEvent } from 'react';
import type { ShoeboxClient } from '../../client/client';
import { itemsText } from '../../../shared/count-text';
import { formatCount, goneText } from '../../lib/format';
import { notifyAlbumsChanged } from './albums-changed';
import { announceAlbumMade, onAlbumMade } from './album-made';

interface NewAlbumFieldProps {
  /** An action of the bar is running: the field waits. */
  busy: boolean;
  /** Makes the album with the selected photos (the bar's run(): its line says what came of it). */
  onCreate: (name: string) => void;
}

export function NewAlbumField({ busy, onCreate }: NewAlbumFieldProps) {
  const [name, setName] = useState('');
  // Emptied once the album is made (album-made.ts), not on Enter: a refused name stays to be corrected.
  useEffect(() => onAlbumMade((made) => setName((typed) => (typed.trim() === made ? '' : typed))), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || busy) return;
    onCreate(name.trim());
  };
  return (
    <form className="new-album-field" onSubmit={submit}>
      <input type="text" aria-label="Name of a new album" placeholder="New album…" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="button" disabled={!name.trim() || busy}>
        New album
      </button>
    </form>
  );
}

/**
 * Makes the hand-picked album `name` holding the photos `ids`, in that order; the line to say.
 * The engine saves the album with its photos in one step: a name another album holds, or a
 * selection none of whose photos is in the library any more, is refused (nothing is made, no
 * empty album left behind), its line said as an error.
 */
export async function newAlbumWith(client: ShoeboxClient, name: string, ids: string[]): Promise<string> {
  const album = await client.saveAlbum({ name, query: '', pins: ids });
  notifyAlbumsChanged(); // the sidebar lists it, with its count
  announceAlbumMade(name); // the field that named it empties
  // The album's own count: videos said as videos, a photo selected twice (or two copies of one) once.
  return `Made the album “${album.name}” with ${itemsText(album.members, album.videos ?? 0, formatCount)}.${goneText(album.missingPins ?? 0)}`;
}
