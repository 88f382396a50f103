// The scan's rules as pure functions: which path a linked file is indexed under, and which
// rows an unreadable folder, file or link keeps.
import { describe, expect, it } from 'vitest';
import { FOLDER_EMPTY, FOLDER_NOT_FOUND, indexedPath, outermostFolder } from '../../../src/core/library/scan';
import { keptUnder } from '../../../src/core/library/kept-rows';

describe('indexedPath: one real file, one photo', () => {
  const folders = ['/photos', '/albums'];
  it('prefers the real path when a library folder holds it', () => {
    expect(indexedPath('/albums/best/a.jpg', '/photos/2024/a.jpg', folders)).toBe('/photos/2024/a.jpg');
  });
  it('keeps the path found when the real file is outside the library (or the library folder is itself a link)', () => {
    expect(indexedPath('/albums/a.jpg', '/mnt/nas/a.jpg', folders)).toBe('/albums/a.jpg');
    expect(indexedPath('/photos/a.jpg', '/data/pics/a.jpg', folders)).toBe('/photos/a.jpg');
  });
  it('names the outermost library folder, folder boundaries respected', () => {
    expect(outermostFolder('/photos/trips/a.jpg', ['/photos/trips', '/photos'])).toBe('/photos');
    expect(outermostFolder('/photosx/a.jpg', ['/photos'])).toBeUndefined();
  });
});

describe('keptUnder', () => {
  const rows = ['/p/a.jpg', '/p/sub/b.jpg', '/p/sub/deep/c.jpg', '/p/subway/d.jpg', '/q/e.jpg', '/p/link.jpg'];
  it('covers rows at or under what could not be read, and nothing else', () => {
    const kept = keptUnder([{ path: '/p/sub', reason: 'cannot read folder (EACCES)' }, { path: '/p/link.jpg', reason: 'link target not found' }]);
    expect(rows.filter((r) => kept.covers(r))).toEqual(['/p/sub/b.jpg', '/p/sub/deep/c.jpg', '/p/link.jpg']);
  });
  it('reports what kept photos, any other path that could not be read, and the folders asked for unless merely empty', () => {
    const kept = keptUnder([
      { path: '/p/sub', reason: 'cannot read folder (EIO)' },
      { path: '/gone', reason: FOLDER_NOT_FOUND },
      { path: '/empty', reason: FOLDER_EMPTY },
      { path: '/p/dangling.jpg', reason: 'link target not found' },
    ]);
    expect(kept.report(rows, ['/gone', '/empty'])).toEqual([
      { path: '/p/sub', reason: 'cannot read folder (EIO)', kept: 2 },
      { path: '/gone', reason: FOLDER_NOT_FOUND, kept: 0 },
      // Nothing indexed through it, but a file left out silently is worse than a line about it.
      { path: '/p/dangling.jpg', reason: 'link target not found', kept: 0 },
    ]);
    // A library folder missing or empty that nobody asked for and that kept nothing: not news.
    expect(kept.report([], [])).toEqual([{ path: '/p/sub', reason: 'cannot read folder (EIO)', kept: 0 }, { path: '/p/dangling.jpg', reason: 'link target not found', kept: 0 }]);
  });
  it('covers nothing when everything was read', () => {
    expect(keptUnder([]).covers('/p/a.jpg')).toBe(false);
  });
});
