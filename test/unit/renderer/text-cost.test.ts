// Settings' "Text in photos" line: an estimate only for photos there are. A library with none
// used to read "0 photos would take about 1 min" (the minute's floor applied to nothing).
import { describe, expect, it } from 'vitest';
import type { TextInPhotosState } from '../../../src/shared/api';
import { textCostLine } from '../../../src/renderer/components/settings/text-cost';

const state = (over: Partial<TextInPhotosState>): TextInPhotosState => ({ on: false, contents: 0, left: 0, secondsPerPhoto: 0.8, costMeasured: false, ...over });

describe('the Text in photos line', () => {
  it('gives no time for an empty library, off or on', () => {
    const off = textCostLine(state({}));
    expect(off).not.toMatch(/0 photos|would take|min/);
    expect(off).toBe('Off: reading costs about 0.80 s per photo, in the background as photos are added.');
    expect(textCostLine(state({ on: true }))).not.toMatch(/all 0 photos/);
  });

  it('estimates the time for the photos there are, in the singular for one', () => {
    expect(textCostLine(state({ contents: 300, left: 300 }))).toBe('Off: reading costs about 0.80 s per photo; 300 photos would take about 4 min, in the background.');
    expect(textCostLine(state({ contents: 1, left: 1, secondsPerPhoto: 1.2, costMeasured: true }))).toBe('Off: reading costs 1.20 s per photo on this computer; 1 photo would take a few seconds, in the background.');
    expect(textCostLine(state({ on: true, contents: 300, left: 150 }))).toBe('150 of 300 photos still to read, in the background (about 2 min).');
    expect(textCostLine(state({ on: true, contents: 300 }))).toBe('Text read in all 300 photos.');
  });
});
