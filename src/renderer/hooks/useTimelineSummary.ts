import { useEffect, useState } from 'react';
import type { TimelineSummary } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { viewKey, type View } from '../lib/view';
import { timelineOptions } from './usePhotoSource';

/**
 * The days of a library view's timeline with their counts (null for other views, and until
 * the first answer). `refresh` changes when the library changed: the summary is asked again,
 * the old one shown meanwhile so the grid does not jump.
 */
export function useTimelineSummary(view: View, refresh: number): { summary: TimelineSummary | null; error: string | null; /** The error itself, to decide by its name. */ failure: unknown } {
  const client = useClient();
  const [state, setState] = useState<{ key: string; summary: TimelineSummary | null; error: string | null; failure: unknown }>({ key: '', summary: null, error: null, failure: null });
  const key = viewKey(view);
  useEffect(() => {
    if (view.kind !== 'library') return;
    let live = true;
    client.timelineSummary(timelineOptions(view)).then(
      (summary) => live && setState({ key, summary, error: null, failure: null }),
      (e: unknown) => live && setState({ key, summary: null, error: e instanceof Error ? e.message : String(e), failure: e }),
    );
    return () => {
      live = false;
    };
    // `view` is identified by its key.
  }, [client, key, refresh]);
  if (view.kind !== 'library' || state.key !== key) return { summary: null, error: null, failure: null };
  return { summary: state.summary, error: state.error, failure: state.failure };
}
