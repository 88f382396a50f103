// Delete (or the selection bar's Remove…) in an album's own grid: someone looking at an album
// means "not in this album", so that is the first choice and has the focus: the photos are
// excluded from it (Undo right after; "Excluded (n)" lists them with Put back later), their
// files and their place in the library untouched. Moving them to the system trash stays
// offered, second and said as what it is; it leads to the trash's own confirmation
// (SelectionTrashDialog). Esc cancels, Tab stays inside.
import { useModalDialog } from '../../hooks/useModalDialog';
import { formatCount } from '../../lib/format';

interface RemoveFromAlbumDialogProps {
  album: string;
  count: number;
  onRemove: () => void;
  /** Move them to the trash instead: asked again in the trash's own confirmation. */
  onTrash: () => void;
  onCancel: () => void;
}

export function RemoveFromAlbumDialog({ album, count, onRemove, onTrash, onCancel }: RemoveFromAlbumDialogProps) {
  // The focus opens on Remove from album: the choice the user most likely means, and one Undo takes back.
  const { dialog, cancel: remove, onKeyDown } = useModalDialog(onCancel);
  const photos = formatCount(count, 'photo');
  const them = count === 1 ? 'it' : 'them';
  return (
    <div className="overlay" onClick={(event) => event.target === event.currentTarget && onCancel()}>
      <div className="dupes-dialog" role="dialog" aria-modal="true" aria-labelledby="album-remove-title" aria-describedby="album-remove-text" ref={dialog} tabIndex={-1} onKeyDown={onKeyDown}>
        <h2 id="album-remove-title">
          Remove {photos} from “{album}”?
        </h2>
        <p id="album-remove-text" className="album-remove__text">
          {count === 1 ? 'It leaves' : 'They leave'} this album only: {count === 1 ? 'its file stays' : 'their files stay'} where {count === 1 ? 'it is' : 'they are'}, and the library keeps {them}. “Excluded” in the
          album lists {them}, with Put back.
        </p>
        <div className="dupes-dialog__buttons">
          <button type="button" className="button button--danger album-remove__trash" title={`Move ${them} to the system's trash: ${count === 1 ? 'it leaves' : 'they leave'} the library (asks first)`} onClick={onTrash}>
            Move to trash instead…
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button button--primary" ref={remove} onClick={onRemove}>
            Remove from album
          </button>
        </div>
      </div>
    </div>
  );
}
