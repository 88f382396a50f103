import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareForKeeping, exifCompleteness, isCopyName, keepReasons, keepRealFiles, type KeepCandidate } from '../../../src/core/dupes/keep-best';
import { tempDir } from '../../helpers/images';

function candidate(path: string, overrides: Partial<KeepCandidate['photo']> = {}, sharpness = 0, placement: 0 | 1 = 0): KeepCandidate {
  return {
    photo: { path, width: 100, height: 100, size: 1000, mtimeMs: 1000, takenAt: null, cameraMake: null, cameraModel: null, gpsLat: null, gpsLon: null, ...overrides },
    sharpness,
    placement,
  };
}

const best = (...c: KeepCandidate[]) => [...c].sort(compareForKeeping)[0]!.photo.path;

describe('keep-best', () => {
  it('prefers resolution, then EXIF completeness, then file size, then sharpness, then the path', () => {
    expect(best(candidate('/small', { size: 9999 }), candidate('/big', { width: 200, size: 10 }))).toBe('/big');
    expect(best(candidate('/light', { size: 900 }, 50), candidate('/heavy', { size: 1000 }))).toBe('/heavy');
    // A lossless export without EXIF (more bytes, sharper if anything) loses to the camera's file.
    expect(best(candidate('/export.png', { size: 9000 }, 2), candidate('/IMG_1001.JPG', { takenAt: 1, cameraMake: 'Canon', cameraModel: 'Canon EOS 40D' }, 1))).toBe('/IMG_1001.JPG');
    expect(best(candidate('/soft', { takenAt: 1, cameraMake: 'X', gpsLat: 1, gpsLon: 2 }, 1), candidate('/sharp', {}, 2))).toBe('/soft');
    expect(best(candidate('/soft', {}, 1), candidate('/sharp', {}, 2))).toBe('/sharp');
    expect(best(candidate('/bare'), candidate('/dated', { takenAt: 1 }), candidate('/full', { takenAt: 1, cameraModel: 'Y', gpsLat: 0, gpsLon: 0 }))).toBe('/full');
    expect(best(candidate('/b'), candidate('/a'))).toBe('/a');
  });

  it('counts date, camera and GPS (both coordinates) for EXIF completeness', () => {
    expect(exifCompleteness(candidate('/x').photo)).toBe(0);
    expect(exifCompleteness(candidate('/x', { takenAt: 0, cameraMake: 'C', gpsLat: 1 }).photo)).toBe(2);
    expect(exifCompleteness(candidate('/x', { takenAt: 0, cameraModel: 'M', gpsLat: 1, gpsLon: 1 }).photo)).toBe(3);
  });

  it('is a total order, so one photo is best in every group it shares', () => {
    const cs = [candidate('/a', { size: 5 }), candidate('/b', { size: 5 }), candidate('/c', { size: 7 }, 3), candidate('/d', { width: 50 })];
    const sorted = [...cs].sort(compareForKeeping).map((c) => c.photo.path);
    expect([...cs].reverse().sort(compareForKeeping).map((c) => c.photo.path)).toEqual(sorted);
    expect(sorted).toEqual(['/c', '/a', '/b', '/d']);
  });
});

describe('why the keeper is suggested', () => {
  it('names the criterion that puts it ahead of each other member, each once, in the ranking\'s order', () => {
    const keeper = candidate('/p/IMG_1.jpg', { width: 200, size: 5000 });
    const smaller = candidate('/p/IMG_1 small.jpg', { size: 9000 });
    const lighter = candidate('/p/IMG_1 lighter.jpg', { width: 200, size: 4000 });
    const copy = candidate('/p/IMG_1 copy.jpg', { width: 200, size: 5000 });
    expect(keepReasons(keeper, [copy, smaller, lighter, copy])).toEqual(['resolution', 'size', 'name']);
    // Identical but for a link, then for the file's age, then only the path.
    expect(keepReasons(candidate('/b'), [candidate('/a', {}, 0, 1)])).toEqual(['real-file']);
    expect(keepReasons(candidate('/b'), [candidate('/a', { mtimeMs: 2000 })])).toEqual(['older']);
    expect(keepReasons(candidate('/a'), [candidate('/b')])).toEqual(['path']);
  });

  it('gives no reason over a member that ranks ahead of the keeper now', () => {
    expect(keepReasons(candidate('/a'), [candidate('/b', { width: 300 })])).toEqual([]);
  });
});

describe('keep-best between byte-identical copies', () => {
  it('keeps a real file inside the library over a link to a file outside it, whatever the names', () => {
    expect(best(candidate('/lib/a-link.jpg', {}, 0, 1), candidate('/lib/z.jpg'))).toBe('/lib/z.jpg');
  });

  it('keeps the original over a copy-named file, then the oldest file, then the path', () => {
    // "Bridge copy.jpg" sorts before "Bridge.jpg" (a space before a dot): the name must decide.
    expect(best(candidate('/p/Bridge copy.jpg'), candidate('/p/Bridge.jpg'))).toBe('/p/Bridge.jpg');
    expect(best(candidate('/p/Bridge (1).jpg'), candidate('/p/Bridge.jpg', { mtimeMs: 5000 }))).toBe('/p/Bridge.jpg');
    expect(best(candidate('/p/a.jpg', { mtimeMs: 2000 }), candidate('/p/b.jpg', { mtimeMs: 1000 }))).toBe('/p/b.jpg');
    expect(best(candidate('/p/b.jpg'), candidate('/p/a.jpg'))).toBe('/p/a.jpg');
    // Still before all of these: resolution and the rest.
    expect(best(candidate('/p/Bridge copy.jpg', { width: 200 }), candidate('/p/Bridge.jpg'))).toBe('/p/Bridge copy.jpg');
  });

  it('recognises the names file managers give copies, and not names that merely look alike', () => {
    for (const name of ['Bridge copy.jpg', 'Bridge copy 2.jpg', 'Bridge (1).jpg', 'Bridge (12).JPG', 'Bridge - Copy.jpg', 'Bridge - Copy (2).jpg', 'Copy of Bridge.jpg', 'Copy (2) of Bridge.jpg', 'Bridge_copy.jpg', 'Bridge-copy.jpg', 'Bridge_copy2.jpg', 'Bridge Copy.heic']) {
      expect(isCopyName(`/photos/${name}`), name).toBe(true);
    }
    for (const name of ['Bridge.jpg', 'copy.jpg', 'Photocopy.jpg', 'Copyright.jpg', 'IMG-1.jpg', 'DSC_0001-1.jpg', 'Holiday (2019).jpg', 'copy of/Bridge.jpg', 'Bridge copyedit.jpg']) {
      expect(isCopyName(`/photos/${name}`), name).toBe(false);
    }
  });
});

describe('keep-best with symbolic links', () => {
  const member = (p: string) => ({ path: p, width: 1, height: 1, bytes: 1 });
  const group = (...paths: string[]) => ({ kind: 'exact' as const, keep: paths[0]!, members: paths.map(member) });

  it('keeps the real file over any link to it, and leaves the order between files alone', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'originals'));
    const real = path.join(dir, 'originals', 'tench.jpg');
    const other = path.join(dir, 'other.jpg');
    fs.writeFileSync(real, 'x');
    fs.writeFileSync(other, 'x');
    const link = path.join(dir, 'album-tench.jpg');
    const link2 = path.join(dir, 'b-tench.jpg');
    fs.symlinkSync(real, link);
    fs.symlinkSync(real, link2);
    const dangling = path.join(dir, 'a-dangling.jpg');
    fs.symlinkSync(path.join(dir, 'gone.jpg'), dangling);
    const [a, b, c] = await keepRealFiles([group(link, real), group(other, link2, link, real), group(dangling, link, other)]);
    expect(a).toMatchObject({ keep: real, members: [member(real), member(link)] });
    expect(b).toMatchObject({ keep: other, members: [member(other), member(real), member(link2), member(link)] });
    // A link whose target is not in the group may be kept: trashing the other files leaves it whole.
    expect(c).toMatchObject({ keep: dangling, members: [member(dangling), member(link), member(other)] });
  });
});

describe('keep-best with enlarged copies (upscale-check.ts)', () => {
  const up = (c: KeepCandidate, upscale: number): KeepCandidate => ({ ...c, upscale });
  const original = candidate('/p/tench.jpg', { width: 500, height: 375, size: 60_000 });
  // Twice the sides, a larger file, first by path: everything today's ranking rewards.
  const enlarged = up(candidate('/p/enhanced tench.jpg', { width: 1000, height: 750, size: 400_000 }, 50), 3);

  it('keeps the original over its enlargement, for the reason it gives', () => {
    expect(best(enlarged, original)).toBe('/p/tench.jpg');
    expect(keepReasons(original, [enlarged])).toEqual(['not-upscaled']);
    // Enlarged by exactly the factor reported: the same real detail, and the original goes first.
    const exact = up(candidate('/p/a.jpg', { width: 1000, height: 750, size: 400_000 }), 2);
    expect(best(exact, original)).toBe('/p/tench.jpg');
    expect(keepReasons(original, [exact])).toEqual(['not-upscaled']);
  });

  it('still keeps a larger photo with real detail, and an enlargement of a much larger picture', () => {
    const larger = candidate('/p/big.jpg', { width: 1000, height: 750 });
    expect(best(original, larger)).toBe('/p/big.jpg');
    expect(keepReasons(larger, [original])).toEqual(['resolution']);
    const hugeEnlarged = up(candidate('/p/huge.jpg', { width: 8000, height: 6000 }), 2);
    expect(best(original, hugeEnlarged)).toBe('/p/huge.jpg');
    expect(keepReasons(hugeEnlarged, [original])).toEqual(['resolution']);
    // More pixels than an enlarged copy, and more real detail: the reason is the pixels.
    expect(keepReasons(larger, [up(candidate('/p/x.jpg', { width: 800, height: 600 }), 2)])).toEqual(['resolution']);
  });

  it('stays a total order: every subset of members keeps the photo the whole order ranks first', () => {
    const cs = [
      original,
      enlarged,
      candidate('/p/half.jpg', { width: 250, height: 188 }),
      up(candidate('/p/same-size.jpg', { width: 500, height: 375, size: 90_000 }), 2),
      up(candidate('/p/huge.jpg', { width: 4000, height: 3000 }), 4),
      candidate('/p/big.jpg', { width: 700, height: 525 }),
    ];
    const order = [...cs].sort(compareForKeeping).map((c) => c.photo.path);
    expect([...cs].reverse().sort(compareForKeeping).map((c) => c.photo.path)).toEqual(order);
    expect(order).toEqual(['/p/huge.jpg', '/p/big.jpg', '/p/tench.jpg', '/p/enhanced tench.jpg', '/p/half.jpg', '/p/same-size.jpg']);
    // Groups sharing members (near groups inside a similar one): each keeps its best by the one order.
    for (let mask = 3; mask < 1 << cs.length; mask++) {
      const group = cs.filter((_, i) => mask & (1 << i));
      if (group.length < 2) continue;
      expect([...group].sort(compareForKeeping)[0]!.photo.path).toBe(order.find((p) => group.some((c) => c.photo.path === p)));
    }
  });
});
