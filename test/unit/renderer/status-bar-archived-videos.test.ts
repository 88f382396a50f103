// The footer's archive count says an archived video as one: "· 1 archived video", "· 1 photo,
// 1 video archived" (it said "· 1 archived" for an archived video, which read as a photo).
import { describe, expect, it } from 'vitest';
import { photosText } from '../../../src/renderer/components/StatusBar';

describe('the footer’s archived count', () => {
  it('says archived videos as videos', () => {
    expect(photosText({ total: 26 }, { total: 1, videos: 1 })).toBe('26 photos · 1 archived video');
    expect(photosText({ total: 26 }, { total: 2, videos: 2 })).toBe('26 photos · 2 archived videos');
    expect(photosText({ total: 26 }, { total: 2, videos: 1 })).toBe('26 photos · 1 photo, 1 video archived');
  });

  it('keeps "N archived" for photos only, and says nothing for none', () => {
    expect(photosText({ total: 26 }, { total: 3 })).toBe('26 photos · 3 archived');
    expect(photosText({ total: 26 }, { total: 0 })).toBe('26 photos');
    expect(photosText({ total: 26 }, 1)).toBe('26 photos · 1 archived');
  });
});
