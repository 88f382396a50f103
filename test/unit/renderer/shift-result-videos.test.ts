// The line after Shift dates says videos as videos, as the core's shiftTakenAt counts them
// (taken-at-api.ts changedVideos): "Shifted the date taken of 2 photos, 1 video by +1d.",
// never "3 photos" for two photos and a clip.
import { describe, expect, it } from 'vitest';
import { shiftResultText } from '../../../src/renderer/lib/format';

describe('the line after a shift of dates, with videos among the photos', () => {
  it('says the videos apart from the photos', () => {
    expect(shiftResultText({ done: 3, missing: 0, undated: 0, changedVideos: 1 }, 86_400)).toBe('Shifted the date taken of 2 photos, 1 video by +1d.');
    expect(shiftResultText({ done: 2, missing: 0, undated: 0, changedVideos: 2 }, -3600)).toBe('Shifted the date taken of 2 videos by -1h.');
    expect(shiftResultText({ done: 1, missing: 1, undated: 0, changedVideos: 1 }, 60)).toBe('Shifted the date taken of 1 video by +1m. 1 photo no longer in the library.');
  });
});
