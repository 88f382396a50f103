// The selection bar's line after Tag… and Album…'s Pin / Exclude / Remove: what changed, and
// what was so already, as the core counts it (`unchanged`: a tag accepted already, a photo
// pinned already), so a second Pin does not say "Pinned 3 photos" of an album that did not
// grow. The CLI says the same of one photo ("was pinned to the album … already; nothing changed").
import type { BatchResult } from '../../shared/api';
import { formatCount, goneText } from './format';

const was = (n: number) => (n === 1 ? 'was' : 'were');

/** `changed`: the line of the photos the action changed ("Pinned 2 photos to “Trip”."); `already`: of those left as they were. */
function resultText(result: BatchResult, changed: (photos: string) => string, already: (photos: string, n: number) => string): string {
  const unchanged = Math.min(result.unchanged ?? 0, result.done);
  const count = result.done - unchanged;
  // Every photo so already: one line that says nothing changed, not "Pinned 0 photos".
  if (unchanged > 0 && count === 0) return `${already(formatCount(unchanged, 'photo'), unchanged)}: nothing changed.${goneText(result.missing)}`;
  const rest = unchanged ? ` ${already(formatCount(unchanged, 'photo'), unchanged)}.` : '';
  return `${changed(formatCount(count, 'photo'))}${rest}${goneText(result.missing)}`;
}

/** Tag…: "Tagged 2 photos “blue”. 1 photo was tagged “blue” already." */
export function tagResultText(result: BatchResult, label: string): string {
  return resultText(result, (photos) => `Tagged ${photos} “${label}”.`, (photos, n) => `${photos} ${was(n)} tagged “${label}” already`);
}

/** Album…'s Pin and Exclude, and Delete's "Remove from album" (`removed`): the album's word for an exclusion. */
export function membershipResultText(result: BatchResult, membership: 'pinned' | 'excluded', album: string, removed = false): string {
  if (membership === 'pinned') return resultText(result, (photos) => `Pinned ${photos} to “${album}”.`, (photos, n) => `${photos} ${was(n)} pinned to “${album}” already`);
  if (removed) return resultText(result, (photos) => `Removed ${photos} from “${album}”.`, (photos, n) => `${photos} ${was(n)} not in “${album}”`);
  return resultText(result, (photos) => `Excluded ${photos} from “${album}”.`, (photos, n) => `${photos} ${was(n)} excluded from “${album}” already`);
}
