// Two keep-best rules a user relies on when trashing: a lossless re-save (PNG, TIFF) of a JPEG,
// at the same pixel size and with no more EXIF, is never kept over the JPEG (it adds bytes, not
// information), and the review never calls it "more pixels"; and "the older file" does not
// turn on sub-second digits a copy lost (an import's copy keeps milliseconds of the card's
// nanoseconds), so a cp -p copy elsewhere is not "older" than the imported one.
import { describe, expect, it } from 'vitest';
import { compareForKeeping, keepReasons, type KeepCandidate } from '../../../src/core/dupes/keep-best';

function candidate(path: string, overrides: Partial<KeepCandidate['photo']> = {}): KeepCandidate {
  return { photo: { path, width: 500, height: 375, size: 101_000, mtimeMs: 1000, takenAt: null, cameraMake: null, cameraModel: null, gpsLat: null, gpsLon: null, ...overrides }, sharpness: 0, placement: 0 };
}

const order = (...c: KeepCandidate[]) => [...c].sort(compareForKeeping).map((x) => x.photo.path);

describe('keep-best: a lossless re-save of a JPEG', () => {
  it('keeps the JPEG without EXIF over its PNG or TIFF re-save of the same size, however many more bytes', () => {
    const jpeg = candidate('/n01440764/ILSVRC2012_val_00000293.JPEG');
    const png = candidate('/n01440764/ILSVRC2012_val_00000293.png', { size: 308_000 });
    const tiff = candidate('/export/ILSVRC2012_val_00000293.tif', { size: 560_000 });
    expect(order(png, jpeg, tiff)[0]).toBe(jpeg.photo.path);
    expect(order(jpeg, png)[0]).toBe(jpeg.photo.path);
    // The review's reasons: never "more pixels" (resolution) nor "a larger file" for the same size.
    expect(keepReasons(jpeg, [png, tiff])).not.toContain('resolution');
    expect(keepReasons(jpeg, [png, tiff])).not.toContain('size');
  });

  it('still keeps a larger PNG (more pixels) or one with the camera\'s EXIF', () => {
    const jpeg = candidate('/a.jpg');
    expect(order(jpeg, candidate('/big.png', { width: 1000, height: 750 }))[0]).toBe('/big.png');
    expect(order(jpeg, candidate('/dated.png', { takenAt: 1 }))[0]).toBe('/dated.png');
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
