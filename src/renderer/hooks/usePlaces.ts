// The library's places (country by country, town by town), for the sidebar's count and the
// Places page: asked again whenever the library changed (places change when photos do),
// the last answer kept on screen meanwhile so the page does not flash.
import { useEffect, useState } from 'react';
import type { PlacesSummary } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { errorMessage } from './useAsync';

export interface PlacesState {
  /** null until the first answer (or when the engine could not say). */
  summary: PlacesSummary | null;
  error: string | null;
}

export function usePlaces(refresh: number, enabled: boolean): PlacesState {
  const client = useClient();
  const [state, setState] = useState<PlacesState>({ summary: null, error: null });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    client.places().then(
      (summary) => live && setState({ summary, error: null }),
      (e: unknown) => live && setState((s) => ({ summary: s.summary, error: errorMessage(e) })),
    );
    return () => {
      live = false;
    };
  }, [client, refresh, enabled]);
  return state;
}
