// "Locate folder…": a library folder this device cannot find (a shared library's folder under
// another device's path, say /mnt/nas/photos where this laptop has /Volumes/photos) is mapped
// to where it is here. The desktop app offers the system's folder dialog; a page served by
// `shoebox serve` takes the path typed. The mapping is this device's (kept in its home). A place
// that holds none of the folder's photos (not synced yet, or another folder) is mapped all the
// same, as `folders map` does, and said in the words it uses (mappedFolderLine).
import type { FolderInfo } from '../../shared/api';
import { mappedFolderLine } from '../../shared/mapped-folder-line';
import { useClient } from '../client/ClientContext';
import { useFolderPathForm } from '../hooks/useFolderPathForm';

/** `onDone(note)`: mapped; `note` is the line to show when the place holds none of the folder's photos. */
export function LocateFolder({ folder, onDone }: { folder: FolderInfo; onDone: (note: string | null) => void }) {
  const client = useClient();
  const { path: place, setPath: setPlace, busy, error, browse, submit, canBrowse } = useFolderPathForm(async (here) => {
    const libraryPath = folder.libraryPath ?? folder.path;
    const mapped = await client.mapFolders(libraryPath, here);
    const holdsNone = mapped.holdingNone?.includes(libraryPath) === true;
    // The place as the core took it (~ expanded, a trailing slash gone), as `folders map` says it.
    const now = mapped.folders.find((f) => (f.libraryPath ?? f.path) === libraryPath);
    onDone(holdsNone ? mappedFolderLine(libraryPath, now?.path ?? here, now?.photos ?? folder.photos, true) : null);
  });

  const id = `locate-${folder.path}`;
  return (
    <form className="add-folder folder__locate-form" onSubmit={(event) => void submit(event)}>
      <label className="add-folder__label" htmlFor={id}>
        Where is {folder.libraryPath ?? folder.path} on this device?
      </label>
      <div className="add-folder__row">
        <input id={id} type="text" placeholder="/Volumes/photos" value={place} spellCheck={false} autoComplete="off" onChange={(e) => setPlace(e.target.value)} disabled={busy} />
        {canBrowse && (
          <button type="button" className="button" onClick={() => void browse()} disabled={busy}>
            Browse…
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={busy || !place.trim()}>
          Locate
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
