// A timeline view's count as the core answers it, videos said apart (timelineSummary's total
// and videos): for a line that says "20 photos, 5 videos" of a view it does not show, as the
// status bar says All photos whichever view is open. Asked again whenever the library changed.
import { useEffect, useState } from 'react';
import type { TimelineOptions, TimelineSummary } from '../../shared/api';
import { useClient } from '../client/ClientContext';

export type TimelineTotals = Pick<TimelineSummary, 'total' | 'videos'>;

/** The view's total and videos; null until known (or when the engine could not say), the last
 *  answer kept while the next is asked. `key` names the options: asked again when it changes. */
export function useTimelineTotals(options: TimelineOptions, key: string, refresh: number, enabled: boolean): TimelineTotals | null {
  const client = useClient();
  const [totals, setTotals] = useState<TimelineTotals | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    client.timelineSummary(options).then(
      ({ total, videos }) => live && setTotals(videos === undefined ? { total } : { total, videos }),
      () => live && setTotals(null),
    );
    return () => {
      live = false;
    };
    // `options` is named by `key`: a new object each render must not ask again.
  }, [client, key, refresh, enabled]);
  return enabled ? totals : null;
}
