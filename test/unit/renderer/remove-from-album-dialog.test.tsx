// Remove from album's dialog says what becomes of the photos in that album: a smart album
// lists them under "Excluded", with Put back; a hand-picked album has no such list (its photos
// are the ones added to it), so it says how to add them again instead.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { RemoveFromAlbumDialog, removeFromAlbumText } from '../../../src/renderer/components/albums/RemoveFromAlbumDialog';

const client = { transport: 'websocket', imageUrl: () => '', onConnectionChange: () => () => {}, listAlbums: async () => [] } as unknown as ShoeboxClient;
const dialogText = (count: number, handPicked?: boolean) =>
  renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <RemoveFromAlbumDialog album="Italy trip" count={count} handPicked={handPicked} onRemove={() => {}} onTrash={() => {}} onCancel={() => {}} />
    </ClientContext.Provider>,
  )
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('Remove from album', () => {
  it('from a hand-picked album: the photo leaves it, file and library keep it, Album… adds it again; no Excluded list', () => {
    const text = dialogText(1, true);
    expect(text).toContain('Remove 1 photo from “Italy trip”?');
    expect(text).toContain('It leaves this album only: its file stays where it is, and the library keeps it. To add it again: select it, then “Album…” on the selection bar.');
    expect(text).not.toContain('Excluded');
    expect(removeFromAlbumText(3, true)).toBe('They leave this album only: their files stay where they are, and the library keeps them. To add them again: select them, then “Album…” on the selection bar.');
  });

  it('from a smart album: "Excluded" lists them, with Put back', () => {
    expect(dialogText(2, false)).toContain('They leave this album only: their files stay where they are, and the library keeps them. “Excluded” in the album lists them, with Put back.');
    expect(removeFromAlbumText(1, false)).toBe('It leaves this album only: its file stays where it is, and the library keeps it. “Excluded” in the album lists it, with Put back.');
  });

  it('until the album is known, says only what is true of both', () => {
    const text = dialogText(1);
    expect(text).toContain('It leaves this album only: its file stays where it is, and the library keeps it.');
    expect(text).not.toContain('Excluded');
    expect(text).not.toContain('add it again');
  });
});
