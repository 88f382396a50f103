import { useEffect, useRef } from 'react';
import type { LibraryEvent } from '../../shared/api';
import { useClient } from '../client/ClientContext';

/** Calls `onEvent` for every engine event while the component is mounted. */
export function useLibraryEvents(onEvent: (event: LibraryEvent) => void): void {
  const client = useClient();
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => client.subscribe((event) => latest.current(event)), [client]);
}
