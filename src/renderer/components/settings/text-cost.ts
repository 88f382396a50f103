// The line under Settings' "Text in photos" switch: how much is left to read, or, while it is
// off, what reading would cost. An estimate is said only for photos there are: a library with
// none read "0 photos would take about 1 min" (the minute was a floor for a real backlog).
// Off, the estimate is for the photos not read yet (the core's `left`), and what was read
// before is said as still searched: with all 43 read it once said "43 photos would take under
// a minute", and turning it on read nothing.
import type { TextInPhotosState } from '../../../shared/api';
import { readingTimeText } from '../../../shared/reading-time';
import { offReadText, textReadCount } from '../../../shared/text-read-before';
import { formatCount } from '../../lib/format';

/** "about 3 min" (the CLI's estimate, src/shared/reading-time.ts), its number grouped as the app's are. */
function readingTime(photos: number, secondsPerPhoto: number): string {
  return readingTimeText(photos, secondsPerPhoto, (n) => n.toLocaleString());
}

export function textCostLine(state: TextInPhotosState): string {
  if (state.on) {
    if (state.left > 0) return `${state.left.toLocaleString()} of ${state.contents.toLocaleString()} photos still to read, in the background (${readingTime(state.left, state.secondsPerPhoto)}).`;
    return state.contents > 0 ? `Text read in all ${formatCount(state.contents, 'photo')}.` : 'No photos yet: their text is read as they are added.';
  }
  const cost = `Off: reading costs ${state.costMeasured ? '' : 'about '}${state.secondsPerPhoto.toFixed(2)} s per photo${state.costMeasured ? ' on this computer' : ''}`;
  if (state.contents === 0) return `${cost}, in the background as photos are added.`;
  const read = textReadCount(state);
  const before = offReadText(state, formatCount);
  if (state.left === 0) return `Off: ${before}.`;
  if (read === 0) return `${cost}; ${formatCount(state.left, 'photo')} would take ${readingTime(state.left, state.secondsPerPhoto)}, in the background.`;
  return `${cost}; the ${formatCount(state.left, 'photo')} not read yet would take ${readingTime(state.left, state.secondsPerPhoto)}, in the background (${before}).`;
}
