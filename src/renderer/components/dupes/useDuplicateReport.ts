// A page of the last duplicate scan, fetched again whenever a duplicates job (a scan, or
// moving photos to the trash) finishes or photos change: the engine keeps the report, the UI only shows it.
import type { DuplicateReport, PageOptions } from '../../../shared/api';
import { useClient } from '../../client/ClientContext';
import { useAsync, type AsyncState } from '../../hooks/useAsync';
import type { LibraryState } from '../../hooks/useLibrary';

export interface DuplicateReportPage {
  /** The page, with the `version` it was fetched at (the previous page stays while the next loads). */
  state: AsyncState<{ report: DuplicateReport | null; version: number }>;
  /** Changes when the report itself may have changed (a duplicates job finished). */
  version: number;
}

export function useDuplicateReport(library: LibraryState, page: PageOptions = {}): DuplicateReportPage {
  const client = useClient();
  const version = library.jobs.reduce((v, job) => (job.kind === 'dupes' && job.state === 'done' ? Math.max(v, job.finishedAt ?? 0) : v), 0);
  const { offset = 0, limit } = page;
  // Photos that left the library (a folder removed, files deleted) leave the report's pages
  // as the engine serves them: read again then too, without starting the review again.
  const [state] = useAsync(async () => ({ report: await client.duplicates(limit === undefined ? { offset } : { offset, limit }), version }), [client, version, library.photosVersion, offset, limit]);
  return { state, version };
}
