// The library's text-in-photos setting in one line, as `settings` shows it and `status` says
// it always (on or off): how far the reading has got and what it costs on this device. Off,
// it says what was read before (still searched) and the cost of the photos left, the count
// the app's Settings says too (shared/text-read-before.ts).
import type { TextInPhotosState } from '../core/index';
import { countText } from '../shared/count-text';
import { readingTimeText } from '../shared/reading-time';
import { offReadText } from '../shared/text-read-before';

/** "0.30 s per photo, estimated" or "0.41 s per photo, measured here". */
function cost(s: TextInPhotosState): string {
  return `${s.secondsPerPhoto.toFixed(s.secondsPerPhoto < 1 ? 2 : 1)} s per photo, ${s.costMeasured ? 'measured here' : 'estimated'}`;
}

export function textInPhotosLine(s: TextInPhotosState): string {
  if (!s.on) {
    if (s.contents === 0) return `text-in-photos: off (reading text costs ${cost(s)}; shoebox settings text-in-photos on)`;
    // Nothing left: turning it on reads only the photos added after.
    if (s.left === 0) return `text-in-photos: off; ${offReadText(s)} (shoebox settings text-in-photos on reads new photos as they are indexed)`;
    return `text-in-photos: off; ${offReadText(s)} (${countText(s.left, 'photo')} not read: ${readingTimeText(s.left, s.secondsPerPhoto)} at ${cost(s)}; shoebox settings text-in-photos on)`;
  }
  if (s.contents === 0) return 'text-in-photos: on; no photos yet: their text is read as they are indexed';
  // Counted as the reading goes: by content (status counts files), videos left out.
  if (s.left === 0) return `text-in-photos: on; text read in ${s.contents === 1 ? 'the 1 photo' : `all ${s.contents} photos`} (a photo's copies count once; videos are not read)`;
  const time = readingTimeText(s.left, s.secondsPerPhoto);
  // Said while an index run, watch or the app reads it: not "run the next index" to its user.
  if (s.readingNow) return `text-in-photos: on; being read now (${s.left} of ${countText(s.contents, 'photo')} left, ${time}: ${cost(s)})`;
  return `text-in-photos: on; ${s.left} of ${countText(s.contents, 'photo')} still to read (${time}: ${cost(s)}), done by the next "shoebox index" or while "shoebox watch" runs`;
}
