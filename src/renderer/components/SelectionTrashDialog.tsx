// The confirmation before selected photos move to the trash, as the duplicates review asks:
// how many, which files, where they go (the system trash, where they can be restored), what
// stays (a photo whose file changed since it was indexed, or that is the real file of a photo
// that stays), and, for a selection of LARGE_DUPLICATE_GROUP photos or more, an explicit yes.
// Cancel has the focus, Esc cancels, Tab stays inside.
import { useState } from 'react';
import { useModalDialog } from '../hooks/useModalDialog';
import { LARGE_DUPLICATE_GROUP, type Photo } from '../../shared/api';
import { formatCount } from '../lib/format';
import { itemsText } from '../../shared/count-text';

interface SelectionTrashDialogProps {
  photos: Photo[];
  onConfirm: () => void;
  onCancel: () => void;
  /** Where the focus goes back to, when not the control that opened it (an album's Remove dialog, gone by then). */
  returnTo?: () => HTMLElement | null;
}

export function SelectionTrashDialog({ photos, onConfirm, onCancel, returnTo }: SelectionTrashDialogProps) {
  const { dialog, cancel, onKeyDown } = useModalDialog(onCancel, returnTo);
  const large = photos.length >= LARGE_DUPLICATE_GROUP;
  const [sure, setSure] = useState(!large);
  // A video is said as one: "Move 1 video to the trash?", "2 photos, 1 video".
  const count = itemsText(photos.length, photos.filter((p) => p.kind === 'video').length, formatCount);
  return (
    <div className="overlay" onClick={(event) => event.target === event.currentTarget && onCancel()}>
      <div className="dupes-dialog" role="dialog" aria-modal="true" aria-labelledby="selection-trash-title" aria-describedby="selection-trash-text" ref={dialog} tabIndex={-1} onKeyDown={onKeyDown}>
        <h2 id="selection-trash-title">Move {count} to the trash?</h2>
        <p id="selection-trash-text">
          {count} will go to the system trash, where you can restore {photos.length === 1 ? 'it' : 'them'}, and leave the library. A photo whose file changed since it was indexed, or whose file
          another photo of the library shows, stays where it is.
        </p>
        {large && (
          <label className="dupes-dialog__warning">
            <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} /> Yes, move all {count}: a selection this large is easy to make by
            mistake (select all).
          </label>
        )}
        <ul className="dupes-dialog__files" aria-label="Photos to move" tabIndex={0}>
          {photos.map((p) => (
            <li key={p.id}>{p.path}</li>
          ))}
        </ul>
        <div className="dupes-dialog__buttons">
          <button type="button" className="button" ref={cancel} onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button button--danger-solid" disabled={!sure} onClick={onConfirm}>
            Move to trash
          </button>
        </div>
      </div>
    </div>
  );
}
