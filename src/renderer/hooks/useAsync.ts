import { useCallback, useEffect, useState } from 'react';

export type AsyncState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string; /** The error itself, to decide by its name or detail. */ error?: unknown };

/**
 * Runs `load` on mount and whenever `reload()` is called or `deps` change; a stale answer
 * (an older call finishing after a newer one) is dropped. `set(value)` shows a value the
 * caller already has (a save's answer) at once, without a round trip's stale view; a
 * `reload()` after it still confirms it.
 */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): [AsyncState<T>, () => void, (value: T) => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) => current && setState({ status: 'error', message: errorMessage(error), error }),
    );
    return () => {
      current = false;
    };
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const set = useCallback((value: T) => setState({ status: 'ready', value }), []);
  return [state, reload, set];
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The kind of error the engine reported (its `name`, kept over the RPC and IPC: "LibraryBusyError"), for deciding by rather than by its message; undefined for a value not an Error. */
export function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}
