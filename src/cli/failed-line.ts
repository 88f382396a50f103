// How `index` and `watch` tell the files that could not be indexed: a count on the summary
// line, and a stderr line for each one not told before.
import type { IndexSummary } from '../core/index';
import { printable } from './output';

/** Said of a photo the library had whose new content could not be indexed (IndexSummary `dropped`). */
const DROPPED = ' (it was in the library: out of it until the file can be indexed again; its favourites, tags and description come back with it)';

export function failedLine(f: IndexSummary['failed'][number]): string {
  return `failed: ${printable(f.path)}: ${printable(f.reason)}${f.dropped ? DROPPED : ''}\n`;
}

/**
 * "3 failed", or "7 failed (5 unchanged since an earlier run: shoebox status lists them)":
 * failures recorded before (an earlier index, watch or the app), their files unchanged, are
 * counted and pointed to, not told again.
 */
export function failedText(failed: IndexSummary['failed']): string {
  const known = failed.filter((f) => f.known).length;
  return `${failed.length} failed${known ? ` (${known} unchanged since an earlier run: shoebox status lists them)` : ''}`;
}
