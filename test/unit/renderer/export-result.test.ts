// The selection bar's line after Export…: an export run again into the same folder says the
// photos were there already rather than claiming to have written them.
import { describe, expect, it } from 'vitest';
import type { AlbumExportReport } from '../../../src/shared/api';
import { exportResultText } from '../../../src/renderer/lib/export-result';

const report = (exported: number, alreadyThere: number, more: Partial<AlbumExportReport> = {}): AlbumExportReport => ({ dir: '/x', exported, videos: 0, alreadyThere, failed: [], turned: 0, unturned: [], ...more });

describe('the line after Export…', () => {
  it('says what was exported, and which of it the folder held already', () => {
    expect(exportResultText(report(3, 0), false)).toBe('Exported 3 photos to /x.');
    expect(exportResultText(report(3, 3), false)).toBe('Exported 3 photos to /x (all were there already: nothing new written).');
    expect(exportResultText(report(1, 1), true)).toBe('Exported 1 photo to /x (it was there already: nothing new written).');
    expect(exportResultText(report(3, 2), false)).toBe('Exported 3 photos to /x (2 of them there already).');
  });

  it('says videos apart from photos, as the grid and status count them: a video is never a photo', () => {
    expect(exportResultText(report(4, 0, { videos: 1 }), true)).toBe('Exported 3 photos, 1 video to /x.');
    expect(exportResultText(report(1, 0, { videos: 1 }), false)).toBe('Exported 1 video to /x.');
  });

  it('names the first failure and the turns a link cannot keep', () => {
    expect(exportResultText(report(1, 0, { failed: [{ path: '/p/a.jpg', error: 'gone' }], unturned: ['/p/b.jpg'] }), false)).toBe('Exported 1 photo to /x. 1 failed: /p/a.jpg: gone. 1 turned photo is linked as its file shows it: export copies to keep the turn.');
  });

  it('says what the copies carry of Shoebox\'s turns and edits, in the words the CLI uses too', () => {
    expect(exportResultText(report(3, 0, { turned: 1, edited: 2 }), true)).toBe('Exported 3 photos to /x. 1 copied turned, 2 copied with the date or place set in Shoebox, as Shoebox shows them.');
    expect(exportResultText(report(2, 2, { unedited: ['/p/a.jpg'], keptSidecars: ['/x/b.jpg.xmp'] }), false)).toBe(
      'Exported 2 photos to /x (all were there already: nothing new written). 1 photo with a date or place set in Shoebox is linked as its file shows it: export copies to carry the edits. 1 sidecar already in the folder differs from its photo\'s now: left as it is.',
    );
  });
});
