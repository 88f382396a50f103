// The line left after a batch action took the photos out of the list (archived, unfavourited
// in Favourites, moved by a date shift, trashed), with **Undo** where the action has an exact
// inverse (bring back, favourite again, shift back), as Google Photos' "Archived · Undo": the
// photos are out of sight, and the user may not know where they went. Keyed by the notice
// (the parent gives it `key={notice.id}`), so its busy state is that notice's only.
import { useState } from 'react';
import type { Notice } from '../hooks/useListSelection';

interface SelectionNoticeProps {
  notice: Notice;
  /** What the undo of this notice did (or why it failed), as the next line; it has no Undo of its own. */
  onUndone: (id: number, text: string) => void;
}

export function SelectionNotice({ notice, onUndone }: SelectionNoticeProps) {
  const [busy, setBusy] = useState(false);
  const undo = notice.undo;
  return (
    <p className="selection-notice muted" role="status">
      {notice.text}
      {undo && (
        <>
          {' '}
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              undo().then(
                (text) => onUndone(notice.id, text),
                (e: unknown) => onUndone(notice.id, e instanceof Error ? e.message : String(e)),
              );
            }}
          >
            Undo
          </button>
        </>
      )}
    </p>
  );
}
