import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { errorMessage } from './useAsync';
import { focusLost } from './useRefocus';

/**
 * A viewer field's save (the date taken, the place): busy while the engine writes, its refusal
 * as one line, `done` once it took the value (the field closes).
 */
export function useFieldSave<T>(edit: ((value: T) => Promise<void>) | undefined, done: () => void): { busy: boolean; error: string | null; save: (value: T) => Promise<void>; clearError: () => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (value: T) => {
    setBusy(true);
    setError(null);
    try {
      await edit?.(value);
      done();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  // A refusal belongs to the edit it answered: the field opened again starts without it.
  return { busy, error, save, clearError: () => setError(null) };
}

/** A field's key handler: Esc leaves the editor, not the viewer (its window handler skips a prevented key). */
export function escapeCancels(cancel: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    // Esc that cancels an input method's composition (Japanese, Chinese) is not the field's.
    if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    cancel();
  };
}

/**
 * The button that opened a viewer field's editor, given the focus back when the editor closes
 * (saved, cancelled, Esc): the editor's controls leave the page, and the focus would fall to
 * the body. A focus the user moved elsewhere meanwhile stays there.
 */
export function useFocusBack(editing: boolean): RefObject<HTMLButtonElement | null> {
  const opener = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    if (wasEditing.current && !editing && focusLost()) opener.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  return opener;
}
