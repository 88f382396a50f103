// "Show in folder": the photo in the platform's file manager. Only the desktop app can (the
// client has revealPhoto there); under `shoebox serve` the button is not rendered at all.
import { useState } from 'react';
import type { Photo } from '../../shared/api';
import { useClient } from '../client/ClientContext';

interface RevealButtonProps {
  /** The photo to show (resolved on click: a selection's may not be loaded); null disables
   *  the button, and `hint` says why. */
  photo: (() => Promise<Photo | undefined>) | null;
  hint?: string;
  /** Where a failure is said (null: said no more, on the next click) when the button sits in a
   *  bar with its own message line (the selection bar's); without it, beside the button. */
  onError?: (message: string | null) => void;
}

export function RevealButton({ photo, hint, onError }: RevealButtonProps) {
  const client = useClient();
  const [ownError, setOwnError] = useState<string | null>(null);
  const setError = onError ?? setOwnError;
  const error = onError ? null : ownError;
  const reveal = client.revealPhoto;
  if (!reveal) return null;
  const onClick = async () => {
    setError(null);
    try {
      const chosen = await photo?.();
      if (chosen) await reveal(chosen.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <button type="button" className="button" disabled={!photo} title={photo ? 'Show it in the file manager' : hint} onClick={() => void onClick()}>
        Show in folder
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
