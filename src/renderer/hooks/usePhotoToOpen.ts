// A photo to open in the viewer by its id alone, as the URL names it (a reload, Back or
// Forward onto it, a copied link): it opens once the grid's list has it, wherever it sits in
// the first MAX_PAGES pages of the list, which are read in order until it turns up (straight,
// outside the grid's own queue: its tiles load as they would). A photo the library no longer
// has, one no longer in this list (unfavourited since, say) or one further down than that
// opens nothing: the screen shows without the viewer, as it would without the photo in its URL.
//
// It is the URL's, not the user's: whatever the user does meanwhile wins. Opening a photo
// themselves (or the viewer open for any reason), moving to another list or another screen
// (`active` false) drops it for good. A refresh of the same list (photos indexed meanwhile, a
// change from elsewhere) goes on from the page it had reached, not from the first again.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from '../client/ClientContext';
import type { PagedPhotos } from '../lib/paged-photos';

/** The pages (of PAGE_SIZE photos) read looking for a photo, at most: 10,000 photos. */
export const MAX_PAGES = 50;

export interface PhotoToOpen {
  /** The photo looked for, not open yet; null when none is. */
  wanted: string | null;
  /** Opens photo `id` of the list shown from the next render on (null: none). */
  openById: (id: string | null) => void;
}

export interface PhotoToOpenOptions {
  /** The photo of the URL the page opened on. */
  initial: string | null;
  /** Names the list `source` is (a refresh of the same list keeps it). */
  listKey: string;
  source: PagedPhotos;
  /** Whether the photo may open now: no viewer open, the screen the URL named shown. When it
   *  turns false, the photo is dropped (the user moved on). */
  active: boolean;
  /** Opens the viewer at the photo's index. */
  open: (index: number, id: string) => void;
  /** Told it opened nothing (gone, not in the list, too far down). */
  notFound: () => void;
}

/** One ask for a photo (each its own answer from the library, its own reading of the pages). */
interface Ask {
  id: string;
  /** The list it is looked for in, the one shown when it was asked for (null: not read yet). */
  key: string | null;
  n: number;
}

let asks = 0;

export function usePhotoToOpen({ initial, listKey, source, active, open, notFound }: PhotoToOpenOptions): PhotoToOpen {
  const client = useClient();
  const [wanted, setWanted] = useState<Ask | null>(() => (initial === null ? null : { id: initial, key: null, n: ++asks }));
  // Whether the library still has it (null: the engine could not say, as when busy or
  // reconnecting: looked for all the same). A photo gone is not looked for page by page.
  const [known, setKnown] = useState<{ n: number; inLibrary: boolean | null } | null>(null);
  // The next page to read for this ask, kept across a refresh of its list.
  const reached = useRef<{ n: number; page: number }>({ n: 0, page: 0 });
  const told = useRef({ open, notFound });
  told.current = { open, notFound };
  const id = wanted?.id ?? null;
  const n = wanted?.n ?? null;
  useEffect(() => {
    if (id === null || n === null) return;
    let current = true;
    const answer = (inLibrary: boolean | null) => current && setKnown({ n, inLibrary });
    client.getPhoto(id).then(
      (photo) => answer(photo !== null),
      () => answer(null),
    );
    return () => {
      current = false;
    };
  }, [client, id, n]);
  // The ask answered last: each is answered once (the reading and a page the grid loaded may both find it).
  const answered = useRef(0);
  const drop = useCallback((found: number | null, ask: Ask) => {
    if (answered.current === ask.n) return;
    answered.current = ask.n;
    setWanted((current) => (current?.n === ask.n ? null : current));
    if (found !== null) told.current.open(found, ask.id);
    else told.current.notFound();
  }, []);
  // On every render: the user may have moved on, and each page that arrives may hold it.
  useEffect(() => {
    if (!wanted) return;
    if (!active || (wanted.key !== null && wanted.key !== listKey)) {
      setWanted(null);
    } else if (wanted.key === null) {
      setWanted({ ...wanted, key: listKey });
    } else if (source.settled) {
      const at = source.indexOf(wanted.id);
      if (at >= 0) drop(at, wanted);
      else if (known?.n === wanted.n && known.inLibrary === false) drop(null, wanted);
    }
  });
  // Its list's pages, read in order from where the last reading (of this list, refreshed since) stopped.
  const reading = wanted !== null && active && wanted.key === listKey && source.settled && known?.n === wanted.n && known.inLibrary !== false;
  useEffect(() => {
    if (!reading || !wanted) return;
    let live = true;
    if (reached.current.n !== wanted.n) reached.current = { n: wanted.n, page: 0 };
    const progress = reached.current;
    void (async () => {
      // A page back: photos removed above it since may have moved it up into the page before.
      let page = Math.max(0, progress.page - 1);
      for (;;) {
        const at = source.indexOf(wanted.id);
        if (at >= 0) return drop(at, wanted);
        if (page >= MAX_PAGES || source.error) return drop(null, wanted);
        let more: boolean;
        try {
          more = await source.readPage(page);
        } catch {
          more = false;
        }
        if (!live) return;
        if (!more) return drop(null, wanted);
        progress.page = Math.max(progress.page, ++page);
      }
    })();
    return () => {
      live = false;
    };
  }, [reading, wanted, source, drop]);
  const openById = useCallback((to: string | null) => setWanted(to === null ? null : { id: to, key: null, n: ++asks }), []);
  return { wanted: id, openById };
}
