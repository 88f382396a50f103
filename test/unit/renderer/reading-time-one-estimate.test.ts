// `shoebox settings` / `status` and the app's Settings say how long the text in photos still
// takes to read. A user who reads one and then the other must see the same time for the
// same photos left: both lines, for backlogs that round differently (a few seconds, under a
// minute, a half minute, thousands of minutes), give one.
import { describe, expect, it } from 'vitest';
import type { TextInPhotosState } from '../../../src/shared/api';
import { textInPhotosLine } from '../../../src/cli/text-in-photos-line';
import { textCostLine } from '../../../src/renderer/components/settings/text-cost';

const state = (over: Partial<TextInPhotosState>): TextInPhotosState => ({ on: true, contents: 300_000, left: 150, secondsPerPhoto: 0.8, costMeasured: false, ...over });

/** The time a line says, its digits ungrouped ("about 1,204 min" is "about 1204 min": the app groups digits). */
function timeSaid(line: string): string {
  const m = /a few seconds|under a minute|about [\d,. \u202f\u00a0]+ min/.exec(line);
  if (!m) throw new Error(`no time in: ${line}`);
  return m[0].replace(/(?<=\d)[,. \u202f\u00a0](?=\d)/g, '');
}

describe('the time left to read the text in photos', () => {
  it('is the same in the CLI and in the app', () => {
    for (const secondsPerPhoto of [0.8, 0.3, 1.5]) {
      for (const left of [1, 10, 37, 75, 100, 130, 150, 1000, 9999, 250_000]) {
        const s = state({ left, secondsPerPhoto });
        const cli = timeSaid(textInPhotosLine(s));
        expect(timeSaid(textCostLine(s)), `${left} photos at ${secondsPerPhoto} s`).toBe(cli);
        expect(timeSaid(textInPhotosLine({ ...s, readingNow: true }))).toBe(cli);
      }
    }
  });

  it('says a real estimate: about 2 min for 150 photos at 0.8 s, seconds for a few photos', () => {
    expect(timeSaid(textInPhotosLine(state({})))).toBe('about 2 min');
    expect(timeSaid(textCostLine(state({})))).toBe('about 2 min');
    expect(timeSaid(textCostLine(state({ left: 1 })))).toBe('a few seconds');
    expect(timeSaid(textInPhotosLine(state({ left: 8, secondsPerPhoto: 0.31 })))).toBe('a few seconds');
    expect(timeSaid(textInPhotosLine(state({ left: 40, secondsPerPhoto: 0.31 })))).toBe('under a minute');
    // Off: what reading the photos not read yet would take, as the CLI says it off and on.
    const off = state({ on: false, left: 1000, contents: 1200 });
    expect(timeSaid(textCostLine(off))).toBe(timeSaid(textInPhotosLine(state({ left: 1000 }))));
    expect(timeSaid(textInPhotosLine(off))).toBe(timeSaid(textInPhotosLine(state({ left: 1000 }))));
  });
});
