// What "Text in photos" has read so far, said the same by `status` / `settings` and the app's
// Settings. The count is the core's (TextInPhotosState: the library's photo contents less those
// `left` to read, the number status counts down), never the whole library: turned off with
// everything read, the app once said "43 photos would take under a minute", though none was
// left and turning it on read nothing.
import type { TextInPhotosState } from './api';
import { countText } from './count-text';

type Counts = Pick<TextInPhotosState, 'contents' | 'left'>;

/** Photos whose text has been read, and is searched whether the setting is on or off. */
export function textReadCount(s: Counts): number {
  return Math.max(0, s.contents - s.left);
}

/**
 * While the setting is off, what was read before it was: "all 43 photos read before, still
 * searched", "12 of 43 photos read before, still searched", "no text read yet" (none). `count`
 * words a count and its noun (the app groups digits).
 */
export function offReadText(s: Counts, count: (n: number, one: string) => string = countText): string {
  const read = textReadCount(s);
  if (read === 0) return 'no text read yet';
  if (s.left === 0) return `${read === 1 ? 'the 1 photo' : `all ${count(read, 'photo')}`} read before, still searched`;
  return `${read.toLocaleString()} of ${count(s.contents, 'photo')} read before, still searched`;
}
