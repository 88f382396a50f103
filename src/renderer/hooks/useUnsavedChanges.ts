// An editor with changes not saved (the label-set and album editors) says so here, and leaving
// its screen (the sidebar, Back, a search typed meanwhile, a reload under `shoebox serve`) asks
// first instead of dropping them silently (App's LeaveDialog, hooks/useHashRoute.ts).
import { createContext, useContext, useEffect } from 'react';

/** Sets what is unsaved ("the label set “animals”"), or null once nothing is. */
export type SetUnsaved = (what: string | null) => void;

export const UnsavedChangesContext = createContext<SetUnsaved>(() => {});

/**
 * `what`: what has changes not saved (null while none). Returns the function an editor calls
 * just before it leaves by itself (after Save or Delete), so its own move is not asked about.
 */
export function useUnsavedChanges(what: string | null): () => void {
  const set = useContext(UnsavedChangesContext);
  useEffect(() => {
    set(what);
    return () => set(null);
  }, [set, what]);
  return () => set(null);
}
