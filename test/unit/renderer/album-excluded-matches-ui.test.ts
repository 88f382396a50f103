// The app's album view, empty because its matches are all excluded by hand, says so (in the
// CLI's words, shared/excluded-matches-text.ts), not that no photo matches its query.
import { describe, expect, it } from 'vitest';
import { emptyAlbumText } from '../../../src/renderer/components/albums/album-text';
import type { AlbumInfo } from '../../../src/shared/api';

const album = (excludedMatches?: number) => ({ name: 'Reds', query: 'red', handPicked: false, filters: {}, ...(excludedMatches ? { excludedMatches } : {}) }) as AlbumInfo;

describe('an empty album in the app', () => {
  it('whose matches are excluded says so, and where they are put back', () => {
    expect(emptyAlbumText(album(1))).toBe('No photo to show: 1 matching photo is excluded (Excluded puts it back).');
    expect(emptyAlbumText(album(2))).toBe('No photo to show: 2 matching photos are excluded (Excluded puts them back).');
  });

  it('matching nothing says that, as before', () => {
    expect(emptyAlbumText(album())).toBe('No photo matches “red” yet: photos indexed later join by themselves.');
  });
});
