// A one-photo mark toggled in the viewer (the heart, Archive): changed at once on screen
// (optimistic), written with one call; a failed write puts the mark back and says why in
// one line. The listing catches up by itself (the engine's photos-changed event refetches
// the grid).
import { useCallback, useState } from 'react';
import type { BatchResult, Photo } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import type { ShoeboxClient } from '../client/client';
import { revertOverride, shownMark, withOverride, type MarkOverrides } from '../lib/marks';
import { errorMessage, errorName } from './useAsync';

/** The marks the viewer toggles: the photo's field, and the engine's batch write for it. */
export type Mark = 'favourite' | 'archived';

const WRITE: Record<Mark, (client: ShoeboxClient, ids: string[], on: boolean) => Promise<BatchResult>> = {
  favourite: (client, ids, on) => client.setFavourites(ids, on),
  archived: (client, ids, on) => client.setArchived(ids, on),
};

export interface MarkToggle {
  /** Whether `photo` shows as marked (what was set here last, else the listing's). */
  isOn: (photo: Photo) => boolean;
  toggle: (photo: Photo) => void;
  /** The last failed write, for the photo it was about; `name`: the engine's error's (its kind). */
  error: { id: string; text: string; name?: string } | null;
}

export function useMarkToggle(mark: Mark): MarkToggle {
  const client = useClient();
  // Kept while the viewer is open: stepping away and back shows what was set, even before
  // the listing has been fetched again.
  const [overrides, setOverrides] = useState<MarkOverrides>(new Map());
  const [error, setError] = useState<{ id: string; text: string; name?: string } | null>(null);

  const isOn = useCallback((photo: Photo) => shownMark(photo.id, photo[mark] === true, overrides), [mark, overrides]);

  const toggle = useCallback(
    (photo: Photo) => {
      const previous = overrides.get(photo.id);
      const next = !shownMark(photo.id, photo[mark] === true, overrides);
      setOverrides(withOverride(overrides, photo.id, next));
      setError(null);
      const fail = (text: string, name?: string) => {
        // Only if nothing was toggled since: a later press owns the mark now.
        setOverrides((current) => (current.get(photo.id) === next ? revertOverride(current, photo.id, previous) : current));
        setError({ id: photo.id, text, name });
      };
      WRITE[mark](client, [photo.id], next).then(
        (result) => {
          if (result.missing > 0) fail('This photo is no longer in the library.');
        },
        (e: unknown) => fail(errorMessage(e).split('\n')[0]!, errorName(e)),
      );
    },
    [client, mark, overrides],
  );

  return { isOn, toggle, error };
}
