// The groups of a report still standing: every member checked against the library, not only
// the page asked for. The count a page carries (`total`, `removable`) is the whole report's,
// so a photo deleted from the viewer whose group sits on another page must leave it too, or
// the sidebar (a one-picture page) says "Duplicates 2" while the review says 1 group. Checked
// once per version of the library's photos (a lookup of the report's members only).
import type { PhotoLookups } from '../store/types';
import { memberPaths, staleMembers, withoutPaths, type KeptReport } from './dupes-report';

/** `kept` without the members gone from the library or changed since the scan (the same
 *  report when none is); `store`: the library's rows now. */
export async function standingReport(kept: KeptReport, store: Pick<PhotoLookups, 'photosByPath'>): Promise<KeptReport> {
  const paths = [...memberPaths(kept)];
  if (paths.length === 0) return kept;
  return withoutPaths(kept, staleMembers(kept, paths, await store.photosByPath(paths)));
}
