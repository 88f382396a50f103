// `shoebox settings` / `status` and the app's Settings say how long the text in photos still
// takes to read. Both wrote the estimate out (minutes, rounding, floor): a change to one would
// have left the other giving another time. Here the shared estimate is replaced, and both
// lines must say what it says, for the photos left at their cost.
import { describe, expect, it, vi } from 'vitest';
import type { TextInPhotosState } from '../../../src/shared/api';
import { textInPhotosLine } from '../../../src/cli/text-in-photos-line';
import { textCostLine } from '../../../src/renderer/components/settings/text-cost';

vi.mock('../../../src/shared/reading-time', () => ({ readingTimeText: (photos: number, secondsPerPhoto: number) => `in ${photos * secondsPerPhoto} s` }));

const state = (over: Partial<TextInPhotosState>): TextInPhotosState => ({ on: true, contents: 300, left: 150, secondsPerPhoto: 0.8, costMeasured: false, ...over });

describe('the time left to read the text in photos', () => {
  it('is the one estimate in the CLI and in the app', () => {
    expect(textInPhotosLine(state({}))).toContain('(in 120 s: 0.80 s per photo, estimated)');
    expect(textInPhotosLine(state({ readingNow: true }))).toContain('left, in 120 s:');
    expect(textCostLine(state({}))).toBe('150 of 300 photos still to read, in the background (in 120 s).');
    expect(textCostLine(state({ on: false, left: 0 }))).toContain('300 photos would take in 240 s');
  });
});
