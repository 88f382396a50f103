// The line after Trash… (the selection bar's, the viewer's) says videos apart from photos, as
// the core's trash result counts them: "Moved 1 video to the trash.", never "1 photo".
import { describe, expect, it } from 'vitest';
import { trashResultText } from '../../../src/renderer/lib/trash';

describe('the trash line with videos', () => {
  it('calls a trashed video a video', () => {
    expect(trashResultText({ moved: ['/m/clip.mp4'], movedVideos: 1, skipped: [], failed: [] })).toBe('Moved 1 video to the trash.');
  });

  it('counts photos and videos apart', () => {
    expect(trashResultText({ moved: ['/m/a.jpg', '/m/b.jpg', '/m/clip.mp4'], movedVideos: 1, skipped: [], failed: [] })).toBe('Moved 2 photos, 1 video to the trash.');
    expect(trashResultText({ moved: ['/m/a.jpg'], skipped: [], failed: [] })).toBe('Moved 1 photo to the trash.');
  });
});
