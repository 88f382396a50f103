import { useEffect, useState } from 'react';
import type { EngineInfo } from '../shared/api';
import { libraryApi } from './api';

export type EngineInfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: EngineInfo }
  | { status: 'error'; message: string };

/** Asks the engine who it is, once per mount. */
export function useEngineInfo(): EngineInfoState {
  const [state, setState] = useState<EngineInfoState>({ status: 'loading' });
  useEffect(() => {
    // StrictMode mounts twice in development; a stale answer must not land after unmount.
    let current = true;
    Promise.resolve()
      .then(() => libraryApi().info())
      .then(
        (info) => current && setState({ status: 'ready', info }),
        (error: unknown) =>
          current && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
  }, []);
  return state;
}
