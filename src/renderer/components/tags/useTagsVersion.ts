// When tags may have changed, every tag view reloads: after a decision or a label-set edit
// made on this page (notifyTagsChanged) and after any job finishes (a tagging job, or an
// indexing job whose new photos were auto-tagged as they were committed).
import { useEffect, useState } from 'react';
import { useLibraryEvents } from '../../hooks/useLibraryEvents';

const listeners = new Set<() => void>();

/** Tells every mounted tag view that the library's label sets or tags changed. */
export function notifyTagsChanged(): void {
  for (const listener of listeners) listener();
}

/**
 * A number that changes whenever tags or label sets may have changed: put it in deps.
 * `local: false` ignores this page's own changes (a view that applies them itself, like
 * the review list, which would otherwise lose its scroll position and focus).
 */
export function useTagsVersion({ local = true }: { local?: boolean } = {}): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!local) return;
    const bump = () => setVersion((v) => v + 1);
    listeners.add(bump);
    return () => {
      listeners.delete(bump);
    };
  }, [local]);
  useLibraryEvents((event) => {
    if (event.type === 'job' && event.job.state !== 'queued' && event.job.state !== 'running') setVersion((v) => v + 1);
  });
  return version;
}
