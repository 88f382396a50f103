// State a screen keeps for the session (until the page reloads) across its own unmounts: the
// duplicates review's keepers and skipped groups survive going to another screen and back,
// as the user expects of choices not yet acted on. Held by a provider above the screens, not
// in module state, so a fresh app (a test's, a reload) starts without it.
import { createContext, useCallback, useContext, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';

const SessionStore = createContext<Map<string, unknown> | null>(null);

export function SessionStateProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => new Map<string, unknown>());
  return <SessionStore.Provider value={store}>{children}</SessionStore.Provider>;
}

/** useState whose value outlives the component under `key` (without a provider: plain useState). */
export function useSessionState<T>(key: string, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  const store = useContext(SessionStore);
  const [value, setValue] = useState<T>(() => (store?.has(key) ? (store.get(key) as T) : initial instanceof Function ? initial() : initial));
  const set = useCallback<Dispatch<SetStateAction<T>>>(
    (next) =>
      setValue((current) => {
        const updated = next instanceof Function ? next(current) : next;
        store?.set(key, updated);
        return updated;
      }),
    [store, key],
  );
  return [value, set];
}
