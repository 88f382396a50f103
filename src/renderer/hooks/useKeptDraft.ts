// A viewer field's editor whose text outlives the field: the viewer's details go when it steps
// to another photo (‹ ›) or closes, and words typed and not saved went with them without a
// word. What differs from the saved value is kept for the session (useSessionState, until the
// page reloads) under `key`; that photo's field opens on it again, still not saved, for Save
// or Cancel. An editor opened and left as it was keeps nothing.
import { useState } from 'react';
import { useSessionState } from './useSessionState';

export interface KeptDraft {
  /** The editor's text; null while it is closed. */
  value: string | null;
  setValue: (value: string | null) => void;
  /** The editor opened on a draft kept from before (the user stepped away from it). */
  restored: boolean;
}

export function useKeptDraft(key: string, saved: string): KeptDraft {
  const [kept, setKept] = useSessionState<string | null>(key, null);
  const [value, setShown] = useState<string | null>(kept);
  const [restored, setRestored] = useState(kept !== null);
  const setValue = (next: string | null) => {
    setShown(next);
    setKept(next !== null && next !== saved ? next : null);
    // Saved, cancelled or opened again: no longer the draft from before.
    if (next === null) setRestored(false);
  };
  return { value, setValue, restored };
}
