// The selection bar's line after Archive says videos as videos where the engine counts them
// (BatchResult.changedVideos / unchangedVideos), as `shoebox archive add` says "archived 2
// photos, 1 video": never "Archived 3 photos." for two photos and a clip.
import { describe, expect, it } from 'vitest';
import { archiveResultText } from '../../../src/renderer/lib/archive';

describe('archiveResultText with videos', () => {
  it('counts the videos archived apart from the photos', () => {
    expect(archiveResultText({ done: 3, missing: 0, changedVideos: 1 }, true)).toBe('Archived 2 photos, 1 video.');
    expect(archiveResultText({ done: 1, missing: 0, changedVideos: 1 }, false)).toBe('Unarchived 1 video.');
  });

  it('counts the videos already archived apart too', () => {
    expect(archiveResultText({ done: 3, missing: 0, unchanged: 2, changedVideos: 0, unchangedVideos: 1 }, true)).toBe('Archived 1 photo. 1 photo, 1 video were already archived.');
    expect(archiveResultText({ done: 2, missing: 0, unchanged: 1, unchangedVideos: 1 }, false)).toBe('Unarchived 1 photo. 1 video was not archived.');
  });

  it('says photos as before when the engine counts no video', () => {
    expect(archiveResultText({ done: 3, missing: 0 }, true)).toBe('Archived 3 photos.');
  });
});
