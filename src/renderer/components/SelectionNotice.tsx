// The line left after a batch action took the photos out of the list (archived, unfavourited
// in Favourites, moved by a date shift, trashed), with **Undo** where the action has an exact
// inverse (bring back, favourite again, shift back), as Google Photos' "Archived · Undo": the
// photos are out of sight, and the user may not know where they went.
import { useState } from 'react';
import type { Notice } from '../hooks/useListSelection';

interface SelectionNoticeProps {
  notice: Notice;
  /** What the undo did (or why it failed), as the next line; it has no Undo of its own. */
  onUndone: (text: string) => void;
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
              undo().then(onUndone, (e: unknown) => onUndone(e instanceof Error ? e.message : String(e))).finally(() => setBusy(false));
            }}
          >
            Undo
          </button>
        </>
      )}
    </p>
  );
}
