import { useRef, useState, type KeyboardEvent } from 'react';
import { useClient } from '../client/ClientContext';
import { useFolderPathForm } from '../hooks/useFolderPathForm';
import { refocusWhenLost } from '../hooks/useRefocus';
import { addedFolderNote } from '../lib/added-folder';

/**
 * Adds a folder by its path, typed or pasted. In the desktop app "Browse…" fills it from the
 * system's folder dialog; a page served by `shoebox serve` has none (browsers never reveal
 * local paths), so there the path is typed.
 * `onClose`: Esc closes the form (the sidebar's; first run's has nowhere else to go), as Esc
 * closes the import form and the other panels, unless a folder is being added.
 */
export function AddFolderForm({ autoFocus, onAdded, onClose }: { autoFocus?: boolean; onAdded?: () => void; onClose?: () => void }) {
  // What happened that the sidebar does not show (a folder inside a library folder).
  const [note, setNote] = useState<string | null>(null);
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const { path, setPath, busy, error, browse, submit, canBrowse } = useFolderPathForm(async (folder) => {
    setNote(null);
    const job = await client.addFolder(folder);
    const outcome = addedFolderNote(job.folder, (await client.listFolders()).map((f) => f.path));
    setPath('');
    // The Add button was disabled while adding, and the form may close (the sidebar's) or give
    // way to the library (first run): the new folder in the sidebar takes the focus, or the
    // path field when the form stays to say what happened. Not tied to this form's life.
    const field = input.current;
    refocusWhenLost(() => (outcome ? field : document.querySelector<HTMLElement>(`.folder__name[data-folder="${CSS.escape(job.folder)}"]`) ?? field), 5000);
    // The form stays open to say so (the sidebar's own form closes once added).
    if (outcome) setNote(outcome);
    else onAdded?.();
  });

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape' || !onClose || busy || event.defaultPrevented || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  return (
    <form className="add-folder" onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown}>
      <label className="add-folder__label" htmlFor="add-folder-path">
        Folder to add
      </label>
      <div className="add-folder__row">
        <input
          id="add-folder-path"
          ref={input}
          type="text"
          placeholder="/home/you/Pictures"
          value={path}
          autoFocus={autoFocus}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setPath(event.target.value)}
        />
        {canBrowse && (
          <button type="button" className="button" disabled={busy} onClick={() => void browse()}>
            Browse…
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={busy || !path.trim()}>
          {busy ? 'Adding…' : 'Add folder'}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {note && (
        <p className="muted" role="status">
          {note}
        </p>
      )}
    </form>
  );
}
