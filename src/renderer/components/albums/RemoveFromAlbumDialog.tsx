// Delete (or the selection bar's Remove…) in an album's own grid: someone looking at an album
// means "not in this album", so that is the first choice and has the focus: the photos leave
// it (Undo right after), their files and their place in the library untouched. A smart album
// excludes them ("Excluded (n)" lists them with Put back later); a hand-picked one has no such
// list, its photos are the ones added to it: they are simply taken out, and added again as any
// photo is (select, then Album…). Moving them to the system trash stays offered, second and
// said as what it is; it leads to the trash's own confirmation (SelectionTrashDialog). Esc
// cancels, Tab stays inside.
import { useClient } from '../../client/ClientContext';
import { useAsync } from '../../hooks/useAsync';
import { useModalDialog } from '../../hooks/useModalDialog';
import { formatCount } from '../../lib/format';

interface RemoveFromAlbumDialogProps {
  album: string;
  count: number;
  onRemove: () => void;
  /** Move them to the trash instead: asked again in the trash's own confirmation. */
  onTrash: () => void;
  onCancel: () => void;
  /** Whether the album is hand-picked (no query); looked up by its name when not given. */
  handPicked?: boolean;
}

export function RemoveFromAlbumDialog({ album, count, onRemove, onTrash, onCancel, handPicked }: RemoveFromAlbumDialogProps) {
  // The focus opens on Remove from album: the choice the user most likely means, and one Undo takes back.
  const { dialog, cancel: remove, onKeyDown } = useModalDialog(onCancel);
  const client = useClient();
  const [looked] = useAsync(async () => (handPicked !== undefined ? handPicked : ((await client.listAlbums()).find((a) => a.name === album)?.handPicked ?? null)), [client, album, handPicked]);
  const photos = formatCount(count, 'photo');
  const them = count === 1 ? 'it' : 'them';
  return (
    <div className="overlay" onClick={(event) => event.target === event.currentTarget && onCancel()}>
      <div className="dupes-dialog" role="dialog" aria-modal="true" aria-labelledby="album-remove-title" aria-describedby="album-remove-text" ref={dialog} tabIndex={-1} onKeyDown={onKeyDown}>
        <h2 id="album-remove-title">
          Remove {photos} from “{album}”?
        </h2>
        <p id="album-remove-text" className="album-remove__text">
          {removeFromAlbumText(count, handPicked ?? (looked.status === 'ready' ? looked.value : null))}
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

/**
 * What Remove from album does, for `count` photos: they leave the album, their files and the
 * library keep them; then how they come back, which depends on the album (null: not known yet,
 * so not said). A smart album lists them under "Excluded", with Put back; a hand-picked one
 * has no such list: they are added again as any photo is.
 */
export function removeFromAlbumText(count: number, handPicked: boolean | null): string {
  const one = count === 1;
  const them = one ? 'it' : 'them';
  const leaves = `${one ? 'It leaves' : 'They leave'} this album only: ${one ? 'its file stays' : 'their files stay'} where ${one ? 'it is' : 'they are'}, and the library keeps ${them}.`;
  if (handPicked === null) return leaves;
  if (handPicked) return `${leaves} To add ${them} again: select ${them}, then “Album…” on the selection bar.`;
  return `${leaves} “Excluded” in the album lists ${them}, with Put back.`;
}
