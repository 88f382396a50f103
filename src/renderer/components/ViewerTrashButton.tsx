// The viewer's Trash… button, and its key: Delete (or ⌫, as in the grid) while the viewer is
// open (not while typing in a field, nor with ctrl/cmd/alt, which belong to the browser). It
// asks first with the grid's own confirmation (SelectionTrashDialog: Cancel has the focus, Esc
// cancels); the viewer moves the photo and steps on. Not offered while the library is only
// viewed, as the grid's Trash… is not.
import { useState } from 'react';
import type { Photo } from '../../shared/api';
import { isTyping, useKeydown } from '../hooks/useShortcut';
import { useViewingOnly } from '../hooks/useViewingOnly';
import { SelectionTrashDialog } from './SelectionTrashDialog';

interface ViewerTrashButtonProps {
  /** undefined while the photo's page loads (or it is away): the button waits, disabled. */
  photo: Photo | undefined;
  /** The key works (not while the slideshow plays over the viewer). */
  keys: boolean;
  /** A trash of this viewer's is under way: another ask waits for its answer. */
  busy: boolean;
  /** The user confirmed: the photo is to go to the trash. */
  onTrash: (photo: Photo) => void;
}

export function ViewerTrashButton({ photo, keys, busy, onTrash }: ViewerTrashButtonProps) {
  const viewingOnly = useViewingOnly();
  // The photo asked about: the one on screen when asked, whatever the list does meanwhile.
  const [asking, setAsking] = useState<Photo | null>(null);
  const ask = () => {
    if (photo && !busy) setAsking(photo);
  };

  useKeydown(
    (event) => {
      if ((event.key !== 'Delete' && event.key !== 'Backspace') || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return false;
      // Holding the key down must not ask again behind the dialog.
      if (!event.repeat) ask();
      return true;
    },
    keys && !viewingOnly && asking === null,
  );

  if (viewingOnly) return null;
  return (
    <>
      <button type="button" className="button button--danger" title="Move it to the system's trash (asks first; Delete)" disabled={!photo} onClick={ask}>
        Trash…
      </button>
      {asking && (
        <SelectionTrashDialog
          photos={[asking]}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            onTrash(asking);
          }}
        />
      )}
    </>
  );
}
