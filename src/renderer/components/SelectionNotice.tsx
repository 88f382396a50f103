// The line left after a batch action took the photos out of the list (archived, unfavourited
// in Favourites, moved by a date shift, trashed), with **Undo** where the action has an exact
// inverse (bring back, favourite again, shift back), as Google Photos' "Archived · Undo": the
// photos are out of sight, and the user may not know where they went. Keyed by the notice
// (the parent gives it `key={notice.id}`), so its busy state is that notice's only.
import { useEffect, useRef, useState } from 'react';
import type { Notice } from '../hooks/useListSelection';
import { refocusWhenLost } from '../hooks/useRefocus';

interface SelectionNoticeProps {
  notice: Notice;
  /** What the undo of this notice did (or why it failed), as the next line; it has no Undo of its own. */
  onUndone: (id: number, text: string) => void;
}

/** Notices whose line has already drawn the focus once. */
const focusedNotices = new WeakSet<Notice>();

export function SelectionNotice({ notice, onUndone }: SelectionNoticeProps) {
  const [busy, setBusy] = useState(false);
  const line = useRef<HTMLParagraphElement>(null);
  const undo = notice.undo;
  // The action's control usually went with the photos (the selection bar, the trash dialog, an
  // Undo now answered): a focus fallen to the page comes here, to its Undo (the likely next
  // move) or else the line itself, which a screen reader then reads.
  // Once per notice: one shown again elsewhere (the album viewer's line, then the screen's once
  // it closes) must not take the focus from where closing the viewer put it.
  useEffect(() => {
    if (focusedNotices.has(notice)) return;
    focusedNotices.add(notice);
    return refocusWhenLost(() => line.current?.querySelector<HTMLElement>('button:not(:disabled)') ?? line.current, 1500);
  }, [notice]);
  return (
    <p className="selection-notice muted" role="status" ref={line} tabIndex={-1}>
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
