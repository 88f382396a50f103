import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { extractRawPreview, uprightPreview } from '../../../src/core/media/raw-preview';
import { jpegOrientation, readJpeg, withExifOrientation } from '../../../src/core/media/jpeg';
import { TiffBuilder, losslessJpegDecoy, solidJpeg, syntheticCr3, syntheticRaf, syntheticTiffRaw } from '../../fixtures/photos/synthetic-raw';

async function shownSize(jpeg: Buffer): Promise<[number, number]> {
  const m = await sharp(jpeg, { autoOrient: true }).metadata();
  return [m.autoOrient?.width ?? m.width!, m.autoOrient?.height ?? m.height!];
}

describe('extractRawPreview: TIFF-based RAW (synthetic NEF)', () => {
  it('returns the largest viewable JPEG: the SubIFD preview, not the IFD1 thumbnail nor the lossless sensor data', async () => {
    const raw = await syntheticTiffRaw();
    const preview = extractRawPreview(raw.file)!;
    expect(preview).not.toBeNull();
    expect(preview.jpeg.equals(raw.preview!)).toBe(true);
    expect(preview).toMatchObject({ width: 96, height: 64, rawOrientation: 1, source: 'IFD0/SubIFD0 JPEGInterchangeFormat' });
    expect(preview.jpeg[0]).toBe(0xff);
    expect(preview.jpeg[1]).toBe(0xd8);
    const { info } = await sharp(preview.jpeg).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([96, 64]);
  });

  it('finds the Compression-6 strip preview when it is the only one (IFD1)', async () => {
    const t = new TiffBuilder();
    const jpeg = await solidJpeg(40, 30, [1, 2, 3]);
    const at = t.blob(jpeg);
    const ifd1 = t.ifd({ 0x0103: { type: 3, values: [6] }, 0x0111: { type: 4, values: [at] }, 0x0117: { type: 4, values: [jpeg.length] } });
    const ifd0 = t.ifd({ 0x0106: { type: 3, values: [32803] }, 0x0112: { type: 3, values: [3] } }, ifd1);
    const preview = extractRawPreview(t.build(ifd0))!;
    expect(preview).toMatchObject({ width: 40, height: 30, rawOrientation: 3, source: 'IFD1 strip' });
    expect(preview.jpeg.equals(jpeg)).toBe(true);
  });

  it('makes the preview upright with the RAW orientation (written into its EXIF, no re-encode)', async () => {
    for (const [orientation, size] of [
      [1, [96, 64]],
      [3, [96, 64]],
      [6, [64, 96]],
      [8, [64, 96]],
    ] as const) {
      const preview = extractRawPreview((await syntheticTiffRaw({ orientation })).file)!;
      const upright = uprightPreview(preview);
      expect(jpegOrientation(upright) ?? 1).toBe(orientation);
      expect(await shownSize(upright), `orientation ${orientation}`).toEqual(size);
    }
  });

  it('the RAW orientation wins over a stale orientation inside the preview', async () => {
    const stale = withExifOrientation(await solidJpeg(50, 20, [9, 9, 9]), 6);
    expect(jpegOrientation(stale)).toBe(6);
    const fixed = uprightPreview({ jpeg: stale, width: 50, height: 20, rawOrientation: 1, source: 'test' });
    expect(jpegOrientation(fixed)).toBe(1);
    expect(await shownSize(fixed)).toEqual([50, 20]);
    // No RAW orientation (e.g. RAF): the preview's own EXIF speaks.
    expect(uprightPreview({ jpeg: stale, width: 50, height: 20, rawOrientation: null, source: 'test' })).toBe(stale);
  });

  it('returns null when there is no embedded JPEG (only sensor data and a lossless decoy)', async () => {
    expect(extractRawPreview((await syntheticTiffRaw({ withPreview: false })).file)).toBeNull();
  });

  it('survives truncation, loops and hostile offsets without throwing', async () => {
    const { file } = await syntheticTiffRaw();
    for (let cut = 0; cut < file.length; cut += 97) expect(() => extractRawPreview(file.subarray(0, cut))).not.toThrow();
    // An IFD whose "next" points at itself, and SubIFDs pointing past the end.
    const t = new TiffBuilder();
    const self = t.ifd({ 0x0106: { type: 3, values: [32803] }, 0x014a: { type: 4, values: [0xfffffff0, 3] } });
    const built = t.build(self);
    built.writeUInt32LE(self, self + 2 + 2 * 12);
    expect(extractRawPreview(built)).toBeNull();
  });
});

describe('extractRawPreview: RAF and CR3', () => {
  it('RAF: the camera JPEG the header points at', async () => {
    const raf = await syntheticRaf();
    const preview = extractRawPreview(raf.file)!;
    expect(preview).toMatchObject({ width: 80, height: 60, rawOrientation: null, source: 'RAF header' });
    expect(preview.jpeg.equals(raf.preview)).toBe(true);
  });

  it('CR3: the largest JPEG found by scanning (skipping a stray FFD8FF and the thumbnail), orientation from CMT1', async () => {
    const cr3 = await syntheticCr3(8);
    const preview = extractRawPreview(cr3.file)!;
    expect(preview).toMatchObject({ width: 120, height: 80, rawOrientation: 8, source: 'scan' });
    expect(preview.jpeg.equals(cr3.preview)).toBe(true);
    expect(await shownSize(uprightPreview(preview))).toEqual([80, 120]);
  });
});

describe('readJpeg', () => {
  it('measures a JPEG stream to its EOI, through a nested EXIF thumbnail', async () => {
    const thumb = await solidJpeg(8, 8, [0, 0, 0]);
    const main = await sharp({ create: { width: 64, height: 32, channels: 3, background: '#abc' } }).jpeg({ progressive: true }).toBuffer();
    const app1Payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.alloc(8), thumb]); // a thumbnail inside APP1
    const head = Buffer.from([0xff, 0xe1, 0, 0]);
    head.writeUInt16BE(app1Payload.length + 2, 2);
    const jpeg = Buffer.concat([main.subarray(0, 2), head, app1Payload, main.subarray(2)]);
    const padded = Buffer.concat([Buffer.alloc(10, 0xee), jpeg, Buffer.alloc(10, 0xee)]);
    expect(readJpeg(padded, 10, true)).toEqual({ sof: 0xc2, width: 64, height: 32, end: 10 + jpeg.length });
  });

  it('sees that lossless JPEG (sensor data) is a lossless frame', () => {
    expect(readJpeg(losslessJpegDecoy(4000, 3000))).toMatchObject({ sof: 0xc3, width: 4000, height: 3000 });
  });
});
