// The viewer's description of a photo, as Google Photos' "Add a description": the user's own
// words ("Grandma's 80th, in the garden"), kept by content in the library (every copy of the
// photo has it; core/api/descriptions-api.ts) and found from the search box. The file is never
// touched.
import type { KeyboardEvent } from 'react';
import { MAX_DESCRIPTION, type PhotoDetails } from '../../shared/api';
import { escapeCancels, useFieldSave, useFocusBack } from '../hooks/useFieldSave';
import { useKeptDraft } from '../hooks/useKeptDraft';

/** The keys that save: Enter alone starts a new line in the text. */
const SAVE_KEYS = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform ?? '') ? '⌘+Enter' : 'Ctrl+Enter';

interface DescriptionFieldProps {
  photo: PhotoDetails;
  /** Sets the description (the engine's setDescription; null removes it) and reads the photo
   *  again; absent where this device may not change the library (it is only viewed). */
  edit?: (text: string | null) => Promise<void>;
}

export function DescriptionField({ photo, edit }: DescriptionFieldProps) {
  const text = photo.description;
  // null: not editing. Stepping to another photo or closing the viewer keeps what was typed and
  // not saved: this photo's editor opens on it again (useKeptDraft), rather than losing it.
  const { value, setValue, restored } = useKeptDraft(`description-draft:${photo.id}`, text ?? '');
  const { busy, error, save, clearError } = useFieldSave(edit, () => setValue(null));
  const opener = useFocusBack(value !== null);
  // Ctrl/⌘+Enter saves (Enter is a new line); Esc cancels the edit, not the viewer.
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (!busy && value !== null) void save(value);
      return;
    }
    escapeCancels(() => setValue(null))(event);
  };

  if (value === null) {
    return (
      <span className="description">
        {/* Without one, "Add a description" says it (no "none" before it); only viewing, "none". */}
        {text ? <span className="description__text">{text}</span> : !edit && <span className="muted">none</span>}
        {edit && (
          // Named as it reads ("Add a description"), or "Edit description" beside one shown.
          <button
            type="button"
            className="link-button"
            ref={opener}
            {...(text ? { 'aria-label': 'Edit description' } : {})}
            onClick={() => {
              clearError();
              setValue(text ?? '');
            }}
          >
            {text ? 'Edit' : 'Add a description'}
          </button>
        )}
      </span>
    );
  }
  return (
    <form
      className="taken-at__form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(value);
      }}
    >
      <textarea
        aria-label="Description"
        rows={3}
        maxLength={MAX_DESCRIPTION}
        // A draft shown again (back on this photo) does not take the focus from ‹ › or the viewer.
        autoFocus={!restored}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {restored && (
        <p className="muted small" role="status">
          Not saved yet: what you were writing. Save keeps it, Cancel drops it.
        </p>
      )}
      <span className="taken-at__buttons">
        <button type="submit" className="button button--primary" disabled={busy} title={`Save (${SAVE_KEYS})`}>
          Save
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setValue(null)}>
          Cancel
        </button>
        {text && (
          <button type="button" className="link-button" disabled={busy} onClick={() => void save(null)}>
            Remove
          </button>
        )}
      </span>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="muted small">{SAVE_KEYS} saves. The file is not changed; every copy of this photo has the description, and search finds it.</p>
    </form>
  );
}
