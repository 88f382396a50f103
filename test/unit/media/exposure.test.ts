// How a photo was taken, read from its file when its details are asked: every real camera file
// of ../shared/photos/exif-samples reads as exiftool reads the same EXIF tags (shutter,
// aperture, ISO, focal lengths, lens), and a file that is gone, garbage or a broken JPEG reads
// as nothing rather than failing the photo's details.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShotFacts, type ShotFacts } from '../../../src/core/media/exposure';
import { haveExiftool } from '../../helpers/captioned-photos';
import { tempDir } from '../../helpers/images';
import { EXIF_SAMPLES, exifSampleFiles, haveExifSamples } from './corpus';

const PHOTOS = exifSampleFiles().filter((f) => /\.(jpe?g|heic|heif|tiff?)$/i.test(f));

/** What exiftool reads from the same tags, in readShotFacts' shape. */
function exiftoolFacts(files: string[]): Map<string, ShotFacts> {
  const out = JSON.parse(execFileSync('exiftool', ['-j', '-n', '-q', '-q', '-EXIF:ExposureTime', '-EXIF:FNumber', '-EXIF:ISO', '-EXIF:FocalLength', '-EXIF:FocalLengthIn35mmFormat', '-EXIF:LensModel', ...files], { cwd: EXIF_SAMPLES, maxBuffer: 1 << 24 }).toString()) as Record<string, unknown>[];
  const positive = (x: unknown) => (typeof x === 'number' && x > 0 ? x : undefined);
  return new Map(
    out.map((t) => {
      const exposure = Object.fromEntries(
        Object.entries({ time: positive(t.ExposureTime), fNumber: positive(t.FNumber), iso: positive(Array.isArray(t.ISO) ? t.ISO[0] : t.ISO), focalLength: positive(t.FocalLength), focalLength35mm: positive(t.FocalLengthIn35mmFormat) }).filter(([, v]) => v !== undefined),
      );
      const lens = typeof t.LensModel === 'string' && t.LensModel.trim() ? t.LensModel.trim() : undefined;
      return [String(t.SourceFile), { ...(Object.keys(exposure).length ? { exposure } : {}), ...(lens ? { lens } : {}) }];
    }),
  );
}

describe('readShotFacts', () => {
  it.runIf(haveExifSamples && haveExiftool)('reads every sample camera file as exiftool reads its EXIF', async () => {
    const expected = exiftoolFacts(PHOTOS);
    let withExposure = 0;
    for (const file of PHOTOS) {
      const facts = await readShotFacts(path.join(EXIF_SAMPLES, file));
      const want = expected.get(file) ?? {};
      expect(Object.keys(facts.exposure ?? {}).sort(), file).toEqual(Object.keys(want.exposure ?? {}).sort());
      for (const [key, value] of Object.entries(want.exposure ?? {})) expect(facts.exposure?.[key as keyof typeof facts.exposure], `${file} ${key}`).toBeCloseTo(value, 6);
      expect(facts.lens, file).toBe(want.lens);
      if (facts.exposure) withExposure++;
    }
    // Most of them are real cameras' photos: the comparison is not of empty readings.
    expect(withExposure).toBeGreaterThan(20);
  });

  it.runIf(haveExifSamples)("reads the Canon 40D's 1/160 s at f/7.1, ISO 100, 135 mm, and the iPhone 6's lens", async () => {
    expect(await readShotFacts(path.join(EXIF_SAMPLES, 'jpg', 'Canon_40D.jpg'))).toEqual({ exposure: { time: 1 / 160, fNumber: 7.1, iso: 100, focalLength: 135 } });
    expect((await readShotFacts(path.join(EXIF_SAMPLES, 'jpg', 'hdr', 'iphone_hdr_YES.jpg'))).lens).toBe('iPhone 6 back camera 4.15mm f/2.2');
  });

  it('reads nothing, without failing, from a file that is gone, is not a photo, or is cut short', async () => {
    const dir = tempDir('shoebox-exposure-');
    expect(await readShotFacts(path.join(dir, 'gone.jpg'))).toEqual({});
    fs.writeFileSync(path.join(dir, 'notes.jpg'), 'not a photo at all');
    expect(await readShotFacts(path.join(dir, 'notes.jpg'))).toEqual({});
    expect(await readShotFacts(dir)).toEqual({});
    if (haveExifSamples) {
      const real = fs.readFileSync(path.join(EXIF_SAMPLES, 'jpg', 'Canon_40D.jpg'));
      fs.writeFileSync(path.join(dir, 'cut.jpg'), real.subarray(0, 300));
      expect(await readShotFacts(path.join(dir, 'cut.jpg'))).toEqual({});
    }
  });

  it('leaves no file open after an empty file (one being written, or truncated by an editor)', async () => {
    const dir = tempDir('shoebox-exposure-empty-');
    const empty = path.join(dir, 'empty.jpg');
    fs.writeFileSync(empty, '');
    const open = () => fs.readdirSync('/proc/self/fd').length;
    if (!fs.existsSync('/proc/self/fd')) return; // Linux only: counted through /proc
    const before = open();
    for (let i = 0; i < 20; i++) expect(await readShotFacts(empty)).toEqual({});
    expect(open()).toBeLessThan(before + 5);
  });
});
