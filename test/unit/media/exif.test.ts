import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exifDate, exifOffset, readPhotoMetadata } from '../../../src/core/media/exif';
import { syntheticTiffRaw } from '../../fixtures/photos/synthetic-raw';
import { awkwardCorpus, exifSampleFiles, haveExifSamples, sample } from './corpus';

/** A tiny JPEG carrying the given EXIF (sharp writes it with libexif). */
function jpegWithExif(gps: Record<string, string>, exif: Record<string, string> = {}, ifd0: Record<string, string> = {}): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#345' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'Shoebox\0\0', Model: '  Test   Cam  ', ...ifd0 }, IFD2: exif, IFD3: gps })
    .toBuffer();
}

describe('readPhotoMetadata', () => {
  it('reads the camera\'s clock and its offset apart, camera, and signed GPS (south and west negative)', async () => {
    const jpeg = await jpegWithExif(
      { GPSLatitudeRef: 'S', GPSLatitude: '33/1 51/1 54/1', GPSLongitudeRef: 'W', GPSLongitude: '70/1 40/1 0/1' },
      { DateTimeOriginal: '2020:02:29 23:30:00', OffsetTimeOriginal: '-03:00' },
    );
    const meta = await readPhotoMetadata(jpeg);
    expect(meta).toEqual({
      // What the camera showed (23:30 on 29 February), not the instant (02:30 UTC on 1 March):
      // the photo's day and hour are the ones its owner lived, wherever it is viewed.
      takenAt: Date.UTC(2020, 1, 29, 23, 30, 0),
      takenOffset: -180,
      cameraMake: 'Shoebox',
      cameraModel: 'Test Cam',
      gpsLat: expect.closeTo(-33.865, 6),
      gpsLon: expect.closeTo(-70.6666667, 6),
      orientation: 1,
    });
  });

  it('rejects GPS 0/0 and out-of-range values; falls back to the digitized date', async () => {
    const zero = await readPhotoMetadata(
      await jpegWithExif({ GPSLatitudeRef: 'N', GPSLatitude: '0/1 0/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '0/1 0/1 0/1' }, { DateTimeOriginal: '0000:00:00 00:00:00', DateTimeDigitized: '2001:02:03 04:05:06' }),
    );
    expect(zero).toMatchObject({ gpsLat: null, gpsLon: null, takenAt: Date.UTC(2001, 1, 3, 4, 5, 6), takenOffset: null });
    const far = await readPhotoMetadata(await jpegWithExif({ GPSLatitudeRef: 'N', GPSLatitude: '95/1 0/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '10/1 0/1 0/1' }));
    expect(far).toMatchObject({ gpsLat: null, gpsLon: null, takenAt: null });
  });

  it('never throws: garbage, truncation, unknown containers, empty input → nulls', async () => {
    const nulls = { takenAt: null, takenOffset: null, cameraMake: null, cameraModel: null, gpsLat: null, gpsLon: null, orientation: null };
    expect(await readPhotoMetadata(Buffer.alloc(0))).toEqual(nulls);
    expect(await readPhotoMetadata(Buffer.from('not a photo at all'))).toEqual(nulls);
    const jpeg = await jpegWithExif({}, { DateTimeOriginal: '2011:11:11 11:11:11' });
    for (let cut = 0; cut < jpeg.length; cut += 7) await readPhotoMetadata(jpeg.subarray(0, cut));
    for (const p of await awkwardCorpus()) await expect(readPhotoMetadata(fs.readFileSync(p.file)), path.basename(p.file)).resolves.toBeTypeOf('object');
  });

  it('reads the TIFF-based RAW container (camera and orientation of the synthetic NEF)', async () => {
    const { file } = await syntheticTiffRaw({ orientation: 6 });
    expect(await readPhotoMetadata(file)).toMatchObject({ cameraMake: 'NIKON CORPORATION', cameraModel: 'SHOEBOX SYNTHETIC', orientation: 6 });
  });
});

describe('exifDate', () => {
  it('reads the wall-clock time as UTC, whatever time zone this machine is in', () => {
    expect(exifDate('2008:10:22 16:28:39')).toBe(Date.UTC(2008, 9, 22, 16, 28, 39));
    expect(exifDate('2008-10-22T16:28:39')).toBe(Date.UTC(2008, 9, 22, 16, 28, 39));
    expect(exifDate('2008:10:22 16:28')).toBe(Date.UTC(2008, 9, 22, 16, 28, 0));
  });

  it('rejects blanks and impossible dates', () => {
    for (const v of ['0000:00:00 00:00:00', '    :  :     :  :  ', '2019:02:31 10:00:00', '2019:13:01 10:00:00', '2019:01:01 25:00:00', '', 'yesterday', 20190101, null]) {
      expect(exifDate(v), String(v)).toBeNull();
    }
  });
});

describe('exifOffset', () => {
  it('reads ±HH:MM as minutes east of UTC; anything else is no offset', () => {
    expect(exifOffset('+02:00')).toBe(120);
    expect(exifOffset('-05:30')).toBe(-330);
    expect(exifOffset('+0545')).toBe(345);
    expect(exifOffset('+00:00')).toBe(0);
    for (const v of ['', '   :  ', '+15:00', 'Z', 2, null, undefined]) expect(exifOffset(v), String(v)).toBeNull();
  });
});

describe.skipIf(!haveExifSamples)('readPhotoMetadata on real samples', () => {
  it('GPS sample jpg/gps/DSCN0010.jpg (Nikon COOLPIX P6000, Tuscany)', async () => {
    expect(await readPhotoMetadata(sample('jpg/gps/DSCN0010.jpg'))).toEqual({
      takenAt: Date.UTC(2008, 9, 22, 16, 28, 39),
      takenOffset: null,
      cameraMake: 'NIKON',
      cameraModel: 'COOLPIX P6000',
      gpsLat: expect.closeTo(43.467448, 5),
      gpsLon: expect.closeTo(11.885127, 5),
      orientation: 1,
    });
  });

  it('keeps OffsetTimeOriginal where the camera wrote one, beside its clock', async () => {
    // DateTimeOriginal 2022:08:14 14:12:31, OffsetTimeOriginal +03:00 (Finland in summer).
    expect(await readPhotoMetadata(sample('jpg/mobile/HMD_Nokia_8.3_5G.jpg'))).toMatchObject({ takenAt: Date.UTC(2022, 7, 14, 14, 12, 31), takenOffset: 180 });
  });

  it('orientation samples 1-8', async () => {
    for (const kind of ['landscape', 'portrait']) {
      for (let o = 1; o <= 8; o++) expect((await readPhotoMetadata(sample(`jpg/orientation/${kind}_${o}.jpg`))).orientation, `${kind}_${o}`).toBe(o);
    }
  });

  it('HEIC: Apple camera, offset date, western longitude', async () => {
    const meta = await readPhotoMetadata(sample('heic/IMG_5195.HEIC'));
    expect(meta).toMatchObject({ cameraMake: 'Apple', cameraModel: 'iPhone 11 Pro Max', takenAt: Date.UTC(2021, 3, 11, 15, 47, 53), takenOffset: -300 });
    expect(meta.gpsLat).toBeCloseTo(39.05134, 4);
    expect(meta.gpsLon).toBeCloseTo(-94.28877, 4);
    expect((await readPhotoMetadata(sample('heic/mobile/iphone_13_pro_max.HEIC'))).orientation).toBe(6);
  });

  it('the broken files (jpg/invalid, corrupted.jpg, jpg/tests) never throw, and stay fast', async () => {
    const broken = exifSampleFiles().filter((f) => /^jpg\/(invalid|tests)\//.test(f) || f === 'jpg/corrupted.jpg');
    expect(broken.length).toBeGreaterThan(10);
    const start = performance.now();
    for (const rel of broken) await expect(readPhotoMetadata(sample(rel)), rel).resolves.toBeTypeOf('object');
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('every sample reads without throwing, with Make/Model trimmed and NUL-free', async () => {
    for (const rel of exifSampleFiles()) {
      const meta = await readPhotoMetadata(sample(rel));
      for (const s of [meta.cameraMake, meta.cameraModel]) if (s !== null) expect(s, rel).toMatch(/^\S(.*\S)?$/);
      expect(meta.cameraModel ?? '', rel).not.toContain('\0');
    }
    // "ION230\0F": junk after the NUL is dropped.
    expect((await readPhotoMetadata(sample('jpg/WWL_(Polaroid)_ION230.jpg'))).cameraModel).toBe('ION230');
  });
});
