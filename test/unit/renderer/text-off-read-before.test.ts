// Turned off, "Text in photos" counts only the photos not read yet, the core's `left` (the
// number `status` counts down), and says that what was read before is still searched. With all
// 43 photos read, Settings said "43 photos would take under a minute", though turning it on
// again read nothing. `shoebox status` / `settings` say the same facts off, in the same words.
import { describe, expect, it } from 'vitest';
import type { TextInPhotosState } from '../../../src/shared/api';
import { textCostLine } from '../../../src/renderer/components/settings/text-cost';
import { textInPhotosLine } from '../../../src/cli/text-in-photos-line';

const state = (over: Partial<TextInPhotosState>): TextInPhotosState => ({ on: false, contents: 43, left: 0, secondsPerPhoto: 1.27, costMeasured: true, ...over });

describe('Text in photos turned off', () => {
  it('with every photo read, gives no time to read them and says their text is still searched', () => {
    const line = textCostLine(state({}));
    expect(line).not.toMatch(/would take|43 photos would|under a minute/);
    expect(line).toBe('Off: all 43 photos read before, still searched.');
    expect(textInPhotosLine(state({}))).toBe('text-in-photos: off; all 43 photos read before, still searched (shoebox settings text-in-photos on reads new photos as they are indexed)');
  });

  it('with some read, estimates only the photos not read yet', () => {
    const line = textCostLine(state({ left: 31 }));
    expect(line).toBe('Off: reading costs 1.27 s per photo on this computer; the 31 photos not read yet would take under a minute, in the background (12 of 43 photos read before, still searched).');
    expect(textInPhotosLine(state({ left: 31 }))).toBe('text-in-photos: off; 12 of 43 photos read before, still searched (31 photos not read: under a minute at 1.3 s per photo, measured here; shoebox settings text-in-photos on)');
  });

  it('with none read, estimates them all, as before', () => {
    expect(textCostLine(state({ left: 43 }))).toBe('Off: reading costs 1.27 s per photo on this computer; 43 photos would take under a minute, in the background.');
    expect(textInPhotosLine(state({ left: 43 }))).toMatch(/^text-in-photos: off; no text read yet \(43 photos not read: under a minute at/);
  });
});
