// A sidebar count beside a timeline view ("Favourites", "On this day"): the view's total,
// asked again whenever the library changed (photos-changed). The engine answers it from the
// timeline's cached date order, so it is one cheap call.
import { useEffect, useState } from 'react';
import type { TimelineOptions } from '../../shared/api';
import { useClient } from '../client/ClientContext';

/** How many photos the view holds; null until known (or when the engine could not say).
 *  `key` names the options: the count is asked again when it changes. */
export function useTimelineCount(options: TimelineOptions, key: string, refresh: number, enabled: boolean): number | null {
  const client = useClient();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    client.timelineSummary(options).then(
      (summary) => live && setCount(summary.total),
      () => live && setCount(null),
    );
    return () => {
      live = false;
    };
    // `options` is named by `key`: a new object each render must not ask again.
  }, [client, key, refresh, enabled]);
  return count;
}
