import { describe, expect, it } from 'vitest';
import { contentsWithoutText, type TextReadingStore } from '../../../src/core/text/text-reading';
import type { PhotoDates } from '../../../src/core/store/types';

const row = (path: string, hash: string, extra: Partial<PhotoDates> = {}): PhotoDates => ({ path, hash, takenAt: null, mtimeMs: 1, indexedAt: 1, gpsLat: null, gpsLon: null, ...extra });

describe('what the text reading pass reads', () => {
  it('reads photos, never videos (OCR would call every video unreadable)', async () => {
    const store: TextReadingStore = {
      listPhotoDates: () => Promise.resolve([row('/p/sign.jpg', 'a'), row('/p/clip.mp4', 'b', { durationMs: 8000 }), row('/p/old.jpg', 'c', { durationMs: null })]),
      photoTextModels: () => Promise.resolve(new Map<string, string>()),
      rotations: () => Promise.resolve(new Map<string, number>()),
      putPhotoText: () => Promise.resolve(),
    };
    expect((await contentsWithoutText(store)).map((p) => p.path).sort()).toEqual(['/p/old.jpg', '/p/sign.jpg']);
  });
});
