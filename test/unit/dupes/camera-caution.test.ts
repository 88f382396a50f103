// A keeper chosen by "more pixels" over a copy that carries the camera's EXIF it lacks may be an
// enlarged or re-saved copy (a JPEG the upscale check cannot judge): the reasons say so, the
// trash holds the picture back, and the saved report keeps the reasons. The ordinary cases (a
// share copy, a re-encode, a crop) keep their keepers and go as before.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareForKeeping, keepReasons, type KeepCandidate } from '../../../src/core/dupes/keep-best';
import { heldBack, heldReasons, heldReasonsLeft } from '../../../src/core/dupes/held-back';
import { loadReport, saveReport, type SavedReport } from '../../../src/core/dupes/report-store';
import type { DuplicateGroup } from '../../../src/core/dupes/types';
import { tempDir } from '../../helpers/images';

const CAMERA = { takenAt: 1_600_000_000_000, cameraMake: 'NIKON', cameraModel: 'COOLPIX P6000' };

function candidate(file: string, width: number, height: number, size: number, exif: Partial<KeepCandidate['photo']> = {}, upscale = 1): KeepCandidate {
  return { photo: { path: file, width, height, size, mtimeMs: 1000, takenAt: null, cameraMake: null, cameraModel: null, gpsLat: null, gpsLon: null, ...exif }, sharpness: 1, placement: 0, upscale };
}

const ranked = (...c: KeepCandidate[]) => [...c].sort(compareForKeeping);

describe('a keeper with more pixels than the camera\'s file', () => {
  const original = candidate('/p/IMG_0018.JPG', 500, 375, 167_000, CAMERA);
  const enlarged = candidate('/p/IMG_0035.JPG', 1000, 750, 316_000);

  it('keeps its place, but its reason is a caution, not "more pixels"', () => {
    const [keeper, other] = ranked(original, enlarged);
    expect(keeper!.photo.path).toBe('/p/IMG_0035.JPG'); // the order is not changed: resolution first
    expect(keepReasons(keeper!, [other!])).toEqual(['resolution-without-camera']);
    // A date taken alone (an editor that kept it but not the camera) is the camera's data too.
    expect(keepReasons(keeper!, [candidate('/p/a.jpg', 500, 375, 1, { takenAt: 1 })])).toEqual(['resolution-without-camera']);
  });

  it('is listed first, beside the plain reasons over the group\'s other copies', () => {
    const share = candidate('/p/IMG_0018 small.jpg', 250, 188, 20_000);
    expect(keepReasons(enlarged, [share, original])).toEqual(['resolution-without-camera', 'resolution']);
  });

  it('is not given in the ordinary cases', () => {
    // A phone's downscaled share copy: no EXIF, but smaller; the original has the camera data.
    expect(keepReasons(original, [candidate('/p/share.jpg', 250, 188, 20_000)])).toEqual(['resolution']);
    // A crop that kept the EXIF: the original has it too.
    expect(keepReasons(original, [candidate('/p/crop.jpg', 450, 338, 140_000, CAMERA)])).toEqual(['resolution']);
    // A re-encode with the EXIF kept, a PNG re-save: the same pixels.
    expect(keepReasons(original, [candidate('/p/q70.jpg', 500, 375, 90_000, CAMERA)])).toEqual(['size']);
    expect(keepReasons(original, [candidate('/p/re.png', 500, 375, 400_000)])).toEqual(['exif']);
    // Neither has camera data (a cloud download beside a messenger copy): nothing to go on.
    expect(keepReasons(candidate('/p/dl.jpg', 500, 375, 1), [candidate('/p/msg.jpg', 250, 188, 1)])).toEqual(['resolution']);
    // GPS alone is not the camera's: apps add and strip places.
    expect(keepReasons(candidate('/p/big.jpg', 500, 375, 1, { ...CAMERA }), [candidate('/p/small.jpg', 250, 188, 1, { ...CAMERA, gpsLat: 1, gpsLon: 2 })])).toEqual(['resolution']);
    // A lossless enlargement the upscale check told: the original is kept, as before.
    expect(keepReasons(original, [candidate('/p/x2.png', 1000, 750, 900_000, {}, 2)])).toEqual(['not-upscaled']);
  });
});

describe('the trash holds such a picture back', () => {
  const group = (why?: DuplicateGroup['why']): DuplicateGroup => ({
    kind: 'near',
    keep: '/p/IMG_0035.JPG',
    members: [
      { path: '/p/IMG_0035.JPG', width: 1000, height: 750, bytes: 316_000 },
      { path: '/p/IMG_0018.JPG', width: 500, height: 375, bytes: 167_000 },
    ],
    ...(why ? { why } : {}),
  });

  it('until the user includes it, apart from similar shots', () => {
    expect(heldReasons([group(['resolution-without-camera'])])).toEqual(['unsure-keeper']);
    expect(heldBack([group(['resolution'])])).toBe(false);
    expect(heldBack([group()])).toBe(false);
    const both = [group(['resolution-without-camera']), { ...group(['resolution']), kind: 'similar' as const }];
    expect(heldReasons(both)).toEqual(['similar', 'unsure-keeper']);
    expect(heldReasonsLeft(both, ['similar'])).toEqual(['unsure-keeper']); // --include-similar alone does not move it
    expect(heldReasonsLeft(both, ['similar', 'unsure-keeper'])).toEqual([]);
    expect(heldReasonsLeft(both, true)).toEqual([]);
    expect(heldReasonsLeft(both, false)).toEqual(['similar', 'unsure-keeper']);
  });

  it('read back from the saved report after a restart', async () => {
    const g = group(['resolution-without-camera']);
    const report: SavedReport = { scannedAt: 1, kinds: ['exact', 'near'], photos: 2, scanned: 2, seconds: 1, groups: [g], states: new Map(g.members.map((m) => [m.path, { size: m.bytes, mtimeMs: 1, hash: m.path }])) };
    const file = path.join(tempDir('shoebox-caution-report-'), 'report.json');
    await saveReport(file, 'm', report);
    const read = await loadReport(file, 'm', () => undefined);
    expect(read!.groups[0]!.why).toEqual(['resolution-without-camera']);
    expect(heldBack(read!.groups)).toBe(true);
  });
});
