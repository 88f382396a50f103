// The viewer's date taken and its editor, as Google Photos' "Edit date & time": for a scan, a
// camera whose clock was wrong, a photo sent without its EXIF. The camera's clock as the library
// keeps it (shared/taken-at.ts), its offset kept; the file is never touched and every copy of
// the photo takes the date (core/api/taken-at-api.ts). A date set by hand says so, and the
// editor offers the file's own back.
import { useState } from 'react';
import type { PhotoDetails } from '../../shared/api';
import { offsetText, takenAtText } from '../../shared/taken-at';
import { escapeCancels, useFieldSave, useFocusBack } from '../hooks/useFieldSave';

interface TakenAtFieldProps {
  photo: PhotoDetails;
  /** Sets the date (the engine's setTakenAt; null: the file's own back) and reads the photo
   *  again; absent where this device may not change the library (it is only viewed). */
  edit?: (takenAt: string | null) => Promise<void>;
}

export function TakenAtField({ photo, edit }: TakenAtFieldProps) {
  const [value, setValue] = useState<string | null>(null); // null: not editing
  const edited = photo.takenEdited;
  const fileDate = edited ? (edited.fileTakenAt === null ? 'none' : takenAtText(edited.fileTakenAt, edited.fileTakenOffset)) : null;

  const { busy, error, save, clearError } = useFieldSave(edit, () => setValue(null));
  const opener = useFocusBack(value !== null);

  if (value === null) {
    return (
      <span className="taken-at">
        {photo.takenAt === null ? 'unknown' : takenAtText(photo.takenAt, photo.takenOffset)}
        {edited && (
          <span className="muted small" title={`The file's own date: ${fileDate}`}>
            {' '}
            · set by hand
          </span>
        )}
        {edit && (
          <>
            {' '}
            <button type="button" className="link-button" aria-label="Edit date taken" ref={opener} onClick={() => {
                clearError();
                setValue(photo.takenAt === null ? '' : new Date(photo.takenAt).toISOString().slice(0, 19));
              }}
            >
              Edit
            </button>
          </>
        )}
      </span>
    );
  }
  // The field is the camera's clock; the photo's offset, when it has one, stays with it.
  const zone = typeof photo.takenOffset === 'number' ? offsetText(photo.takenOffset) : '';
  return (
    <form
      className="taken-at__form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(value + zone);
      }}
      // Esc anywhere in the editor leaves it, not the viewer.
      onKeyDown={escapeCancels(() => setValue(null))}
    >
      <input type="datetime-local" step="1" required autoFocus aria-label="Date taken" value={value} onChange={(e) => setValue(e.target.value)} />
      <span className="taken-at__buttons">
        <button type="submit" className="button button--primary" disabled={busy || !value}>
          Save
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setValue(null)}>
          Cancel
        </button>
      </span>
      {edited && (
        <button type="button" className="link-button" disabled={busy} onClick={() => void save(null)}>
          Use the file&rsquo;s date ({fileDate})
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="muted small">{zone ? `Keeps its time zone (UTC${zone}). ` : ''}The file is not changed; every copy of this photo takes the date.</p>
    </form>
  );
}
