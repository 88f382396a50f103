// `shoebox settings` / `status` and the app's Settings say how long the text in photos still
// takes to read. A user who reads one and then the other must see the same minutes for the
// same photos left: both lines, for backlogs that round differently (under half a minute, a
// half minute, thousands of minutes), give one number.
import { describe, expect, it } from 'vitest';
import type { TextInPhotosState } from '../../../src/shared/api';
import { textInPhotosLine } from '../../../src/cli/text-in-photos-line';
import { textCostLine } from '../../../src/renderer/components/settings/text-cost';

const state = (over: Partial<TextInPhotosState>): TextInPhotosState => ({ on: true, contents: 300_000, left: 150, secondsPerPhoto: 0.8, costMeasured: false, ...over });

/** The minutes a line says ("about 1,204 min": the app groups digits). */
function minutes(line: string): number {
  const m = /about ([\d,. \u202f\u00a0]+) min/.exec(line);
  if (!m) throw new Error(`no time in: ${line}`);
  return Number(m[1]!.replace(/\D/g, ''));
}

describe('the time left to read the text in photos', () => {
  it('is the same number of minutes in the CLI and in the app', () => {
    for (const secondsPerPhoto of [0.8, 0.3, 1.5]) {
      for (const left of [1, 10, 37, 75, 100, 130, 150, 1000, 9999, 250_000]) {
        const s = state({ left, secondsPerPhoto });
        const cli = minutes(textInPhotosLine(s));
        expect(minutes(textCostLine(s)), `${left} photos at ${secondsPerPhoto} s`).toBe(cli);
        expect(minutes(textInPhotosLine({ ...s, readingNow: true }))).toBe(cli);
      }
    }
  });

  it('says a real estimate: about 2 min for 150 photos at 0.8 s, a minute at least', () => {
    expect(minutes(textInPhotosLine(state({})))).toBe(2);
    expect(minutes(textCostLine(state({})))).toBe(2);
    expect(minutes(textCostLine(state({ left: 1 })))).toBe(1);
    // Off: what reading every photo would take, as the CLI would say for them all left.
    expect(minutes(textCostLine(state({ on: false, left: 0, contents: 1000 })))).toBe(minutes(textInPhotosLine(state({ left: 1000 }))));
  });
});
