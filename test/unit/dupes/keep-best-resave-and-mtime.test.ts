// Two keep-best rules a user relies on when trashing: a JPEG without EXIF and a lossless file
// of the same pixels (a PNG re-save of a download, or a TIFF scan master and its JPEG access
// copy) cannot be told apart as original and copy, so the lossless one, which holds every pixel
// the JPEG has, is kept ("a larger file", never "more pixels"); and "the older file" does not
// turn on sub-second digits a copy lost (an import's copy keeps milliseconds of the card's
// nanoseconds), so a cp -p copy elsewhere is not "older" than the imported one.
import { describe, expect, it } from 'vitest';
import { compareForKeeping, keepReasons, type KeepCandidate } from '../../../src/core/dupes/keep-best';

function candidate(path: string, overrides: Partial<KeepCandidate['photo']> = {}): KeepCandidate {
  return { photo: { path, width: 500, height: 375, size: 101_000, mtimeMs: 1000, takenAt: null, cameraMake: null, cameraModel: null, gpsLat: null, gpsLon: null, ...overrides }, sharpness: 0, placement: 0 };
}

const order = (...c: KeepCandidate[]) => [...c].sort(compareForKeeping).map((x) => x.photo.path);

describe('keep-best: a lossless file and a JPEG of the same pixels, no EXIF', () => {
  it('keeps the lossless one (nothing of the JPEG is lost), for the larger file, never "more pixels"', () => {
    const jpeg = candidate('/scans/0293.jpg');
    const tiff = candidate('/scans/0293.tif', { size: 560_000 });
    expect(order(jpeg, tiff)[0]).toBe(tiff.photo.path);
    expect(keepReasons(tiff, [jpeg])).toEqual(['size']);
  });

  it("keeps a JPEG with the camera's EXIF over its PNG re-save", () => {
    const camera = candidate('/a.jpg', { takenAt: 1, cameraMake: 'Canon', cameraModel: 'EOS' });
    expect(order(candidate('/a.png', { size: 308_000 }), camera)[0]).toBe('/a.jpg');
  });
});

describe('keep-best: the older file', () => {
  it('counts modification times within the same second as one: the path decides, not lost nanoseconds', () => {
    const card = Date.UTC(2024, 5, 15, 14, 55, 4) + 913.393179;
    const imported = candidate('/Photos/2024/2024-06-15/IMG_0042.JPG', { mtimeMs: Math.floor(card) });
    const outside = candidate('/Photos/backup/IMG_0042.JPG', { mtimeMs: card });
    expect(keepReasons(imported, [outside])).not.toContain('older');
    expect(keepReasons(outside, [imported])).not.toContain('older');
    // A second apart is older.
    const earlier = candidate('/z/IMG_0042.JPG', { mtimeMs: card - 1000 });
    expect(order(imported, earlier)[0]).toBe('/z/IMG_0042.JPG');
  });
});
