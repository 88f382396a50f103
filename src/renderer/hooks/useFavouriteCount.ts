// The sidebar's count beside "Favourites": the favourites' timeline total, asked again
// whenever the library changed (a favourite set anywhere emits photos-changed). The engine
// answers it from the timeline's cached date order, so it is one cheap call.
import { useEffect, useState } from 'react';
import { useClient } from '../client/ClientContext';

/** How many favourites the library holds; null until known (or when the engine could not say). */
export function useFavouriteCount(refresh: number, enabled: boolean): number | null {
  const client = useClient();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    client.timelineSummary({ favourite: true }).then(
      (summary) => live && setCount(summary.total),
      () => live && setCount(null),
    );
    return () => {
      live = false;
    };
  }, [client, refresh, enabled]);
  return count;
}
