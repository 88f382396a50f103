// The stderr line `index` and `watch` give each file that could not be indexed.
import type { IndexSummary } from '../core/index';
import { printable } from './output';

/** Said of a photo the library had whose new content could not be indexed (IndexSummary `dropped`). */
const DROPPED = ' (it was in the library: out of it until the file can be indexed again; its favourites, tags and description come back with it)';

export function failedLine(f: IndexSummary['failed'][number]): string {
  return `failed: ${printable(f.path)}: ${printable(f.reason)}${f.dropped ? DROPPED : ''}\n`;
}
