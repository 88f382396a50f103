// The sidebar's album row tooltip counts videos as videos, as the album's header and `shoebox
// albums list` do: "2 photos, 1 video", never "3 photos" for two photos and a clip.
import { describe, expect, it } from 'vitest';
import { albumRowTitle } from '../../../src/renderer/components/albums/album-row-title';

describe('the album row tooltip', () => {
  it('says the videos of an album apart from its photos', () => {
    expect(albumRowTitle({ query: 'beach', handPicked: false, members: 3, videos: 1 })).toBe('“beach”: 2 photos, 1 video');
    expect(albumRowTitle({ query: '', handPicked: true, members: 2, videos: 2 })).toBe('Hand-picked: 2 videos');
    expect(albumRowTitle({ query: 'beach', handPicked: false, members: 1 })).toBe('“beach”: 1 photo');
  });

  it('says why a broken album holds nothing', () => {
    expect(albumRowTitle({ query: 'red', handPicked: false, members: 0, videos: 0, error: 'no label set has the tag “red” (any more)' })).toBe('“red” cannot be computed: no label set has the tag “red” (any more)');
  });
});
