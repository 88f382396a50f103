// The last duplicate scan, fetched again whenever a duplicates job (a scan, or moving photos
// to the trash) finishes: the engine keeps the report, the UI only shows it.
import type { DuplicateReport } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { useAsync, type AsyncState } from '../../hooks/useAsync';
import type { LibraryState } from '../../hooks/useLibrary';

export function useDuplicateReport(library: LibraryState): [AsyncState<DuplicateReport | null>, () => void] {
  const client = useClient();
  const version = library.jobs.reduce((v, job) => (job.kind === 'dupes' && job.state === 'done' ? Math.max(v, job.finishedAt ?? 0) : v), 0);
  return useAsync(() => client.duplicates(), [client, version]);
}
