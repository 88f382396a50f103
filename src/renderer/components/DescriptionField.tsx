// The viewer's description of a photo, as Google Photos' "Add a description": the user's own
// words ("Grandma's 80th, in the garden"), kept by content in the library (every copy of the
// photo has it; core/api/descriptions-api.ts) and found from the search box. The file is never
// touched.
import { useState } from 'react';
import { MAX_DESCRIPTION, type PhotoDetails } from '../../shared/api';
import { escapeCancels, useFieldSave, useFocusBack } from '../hooks/useFieldSave';

interface DescriptionFieldProps {
  photo: PhotoDetails;
  /** Sets the description (the engine's setDescription; null removes it) and reads the photo
   *  again; absent where this device may not change the library (it is only viewed). */
  edit?: (text: string | null) => Promise<void>;
}

export function DescriptionField({ photo, edit }: DescriptionFieldProps) {
  const [value, setValue] = useState<string | null>(null); // null: not editing
  const { busy, error, save, clearError } = useFieldSave(edit, () => setValue(null));
  const opener = useFocusBack(value !== null);
  const text = photo.description;

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
        autoFocus
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={escapeCancels(() => setValue(null))}
      />
      <span className="taken-at__buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
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
      <p className="muted small">The file is not changed; every copy of this photo has the description, and search finds it.</p>
    </form>
  );
}
