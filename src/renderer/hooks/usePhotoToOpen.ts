// A photo to open in the viewer by its id alone, as the URL names it (a reload, Back or
// Forward onto it, a copied link): it opens once the grid's list has it, wherever it sits in
// the list, whose pages are read in order until it turns up. A photo the library no longer has,
// or one no longer in this list (unfavourited since, say), opens nothing: the screen shows
// without the viewer, as it would without the photo in its URL. The user moving to another
// list meanwhile drops it.
import { useCallback, useEffect, useState } from 'react';
import { useClient } from '../client/ClientContext';
import { PAGE_SIZE, type PagedPhotos } from '../lib/paged-photos';

export interface PhotoToOpen {
  /** The photo looked for, not open yet; null when none is. */
  wanted: string | null;
  /** Opens photo `id` of the list shown from the next render on (null: none). */
  openById: (id: string | null) => void;
}

/** The first page of `source` not read yet, in order; null when every page has been. */
function pageToRead(source: PagedPhotos): number | null {
  const pages = Math.ceil(source.count / PAGE_SIZE);
  for (let page = 0; page < pages; page++) if (!source.hasLoaded(page * PAGE_SIZE)) return page;
  // Search results know no total: they grow a page at a time until one comes back short.
  return source.complete ? null : pages;
}

/** `initial`: the photo of the URL the page opened on. `listKey` names the list `source` is;
 *  `open` opens the viewer at the photo's index; `notFound` is told it opened nothing. */
export function usePhotoToOpen(initial: string | null, listKey: string, source: PagedPhotos, open: (index: number, id: string) => void, notFound: () => void): PhotoToOpen {
  const client = useClient();
  // `key`: the list it is looked for in, the one shown when it was asked for (null: not read yet).
  const [wanted, setWanted] = useState<{ id: string; key: string | null } | null>(() => (initial === null ? null : { id: initial, key: null }));
  // Whether the library still has it, asked once: a photo gone is not looked for page by page.
  const [known, setKnown] = useState<{ id: string; inLibrary: boolean } | null>(null);
  const id = wanted?.id ?? null;
  useEffect(() => {
    if (id === null) return;
    let current = true;
    const answer = (inLibrary: boolean) => current && setKnown({ id, inLibrary });
    client.getPhoto(id).then(
      (photo) => answer(photo !== null),
      () => answer(false),
    );
    return () => {
      current = false;
    };
  }, [client, id]);
  // On every render: each page that arrives may hold it.
  useEffect(() => {
    if (!wanted) return;
    if (wanted.key === null) {
      setWanted({ ...wanted, key: listKey });
    } else if (wanted.key !== listKey) {
      setWanted(null);
    } else if (source.settled) {
      const at = source.indexOf(wanted.id);
      if (at >= 0) {
        setWanted(null);
        open(at, wanted.id);
      } else if (known?.id === wanted.id) {
        const page = known.inLibrary && !source.error ? pageToRead(source) : null;
        if (page !== null) {
          source.request(page * PAGE_SIZE, page * PAGE_SIZE + 1);
        } else {
          setWanted(null);
          notFound();
        }
      }
    }
  });
  const openById = useCallback((to: string | null) => setWanted(to === null ? null : { id: to, key: null }), []);
  return { wanted: id, openById };
}
