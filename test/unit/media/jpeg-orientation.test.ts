// A turned photo's exported copy: its EXIF orientation set so that it shows as the user turned
// it, with the picture's coded data and every other piece of its metadata kept. Checked on the
// EXIF sample set of ../shared (16 photos in all 8 orientations; cameras' EXIF with maker
// notes, GPS and thumbnails), decoded by sharp (what every viewer does: EXIF orientation).
import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { turnedJpeg, turnOrientation } from '../../../src/core/media/jpeg-orientation';
import { headerSegments, isExifSegment, jpegOrientation } from '../../../src/core/media/jpeg';
import { sharedAvailable, sharedPath } from '../../helpers/shared-data';

/** The picture as a viewer shows it: EXIF orientation applied, raw pixels. */
async function shown(jpeg: Buffer, turns = 0): Promise<{ data: Buffer; width: number; height: number }> {
  const image = sharp(jpeg, { autoOrient: true });
  if (turns) image.rotate(turns * 90);
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The bytes after the EXIF segment (the rest of the header and the coded picture). */
function afterExif(jpeg: Buffer): Buffer {
  const exif = headerSegments(jpeg).find((s) => isExifSegment(jpeg, s));
  return jpeg.subarray(exif ? exif.end : 2);
}

const everyTag = { tiff: true, exif: true, gps: true, interop: true, ifd1: true, makerNote: true, userComment: true, xmp: false, icc: false, iptc: false, translateKeys: false, translateValues: false, reviveValues: false, mergeOutput: false };

describe('turning a JPEG by its EXIF orientation', () => {
  it('composes orientations: four quarter turns are none, and a mirrored photo stays mirrored', () => {
    for (let o = 1; o <= 8; o++) {
      expect(turnOrientation(o, 4)).toBe(o);
      expect(turnOrientation(turnOrientation(o, 1), -1)).toBe(o);
      expect([2, 4, 5, 7].includes(turnOrientation(o, 1))).toBe([2, 4, 5, 7].includes(o));
    }
    expect(turnOrientation(null, 1)).toBe(6);
    expect(turnOrientation(1, 2)).toBe(3);
    expect(turnOrientation(6, -1)).toBe(1);
  });

  it.skipIf(!sharedAvailable('photos', 'exif-samples', 'jpg', 'orientation'))('shows each of the 8 orientations turned, pixel for pixel, the picture\'s coded data untouched', async () => {
    const dir = sharedPath('photos', 'exif-samples', 'jpg', 'orientation');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jpg'));
    expect(files).toHaveLength(16);
    for (const file of files) {
      const jpeg = fs.readFileSync(path.join(dir, file));
      for (const turns of [1, 2, 3]) {
        const turned = turnedJpeg(jpeg, turns)!;
        expect(turned, file).not.toBeNull();
        const [got, want] = await Promise.all([shown(turned), shown(jpeg, turns)]);
        expect([got.width, got.height], `${file} turned ${turns}`).toEqual([want.width, want.height]);
        expect(got.data.equals(want.data), `${file} turned ${turns}`).toBe(true);
        expect(afterExif(turned).equals(afterExif(jpeg))).toBe(true);
      }
    }
  });

  it.skipIf(!sharedAvailable('photos', 'exif-samples', 'jpg'))('keeps every other EXIF tag of cameras\' photos (maker notes, GPS, the thumbnail), with or without an orientation tag before', async () => {
    const dir = sharedPath('photos', 'exif-samples', 'jpg');
    const files = [...fs.readdirSync(dir).filter((f) => f.endsWith('.jpg') && f !== 'corrupted.jpg'), ...['mobile', 'gps'].flatMap((d) => fs.readdirSync(path.join(dir, d)).filter((f) => f.endsWith('.jpg')).map((f) => path.join(d, f)))];
    let withoutTag = 0;
    for (const file of files) {
      const jpeg = fs.readFileSync(path.join(dir, file));
      const before = jpegOrientation(jpeg);
      if (before === null) withoutTag++;
      const turned = turnedJpeg(jpeg, 1);
      expect(turned, file).not.toBeNull();
      expect(jpegOrientation(turned!), file).toBe(turnOrientation(before, 1));
      const [was, is] = await Promise.all([exifr.parse(jpeg, everyTag), exifr.parse(turned!, everyTag)]);
      if (was?.ifd0) delete was.ifd0[0x0112];
      delete is.ifd0[0x0112];
      expect(is, file).toEqual(was ?? expect.anything());
      expect(afterExif(turned!).equals(afterExif(jpeg)), file).toBe(true);
      const size = await sharp(jpeg, { autoOrient: true }).metadata();
      const turnedSize = await sharp(turned!, { autoOrient: true }).metadata();
      expect([turnedSize.autoOrient.width, turnedSize.autoOrient.height], file).toEqual([size.autoOrient.height, size.autoOrient.width]);
    }
    // The set has photos whose EXIF has no orientation: IFD0 written again with it.
    expect(withoutTag).toBeGreaterThan(0);
  });

  it('writes the orientation into a big-endian EXIF without one (IFD0 copied to the end, word-aligned), its other tags kept', async () => {
    const plain = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg().toBuffer();
    // A hand-made Motorola-order TIFF: IFD0 with Make and Software, both stored after it, 13 bytes of data: an odd length.
    const make = Buffer.from('Shoebox\0', 'latin1');
    const software = Buffer.from('test\0', 'latin1');
    const ifd = Buffer.alloc(2 + 2 * 12 + 4);
    ifd.writeUInt16BE(2, 0);
    const dataAt = 8 + ifd.length;
    [[0x010f, make, dataAt], [0x0131, software, dataAt + make.length]].forEach(([tag, value, at], i) => {
      ifd.writeUInt16BE(tag as number, 2 + i * 12);
      ifd.writeUInt16BE(2, 4 + i * 12); // ASCII
      ifd.writeUInt32BE((value as Buffer).length, 6 + i * 12);
      ifd.writeUInt32BE(at as number, 10 + i * 12);
    });
    const tiff = Buffer.concat([Buffer.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8]), ifd, make, software]);
    expect(tiff.length % 2).toBe(1);
    const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
    const app1 = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
    const jpeg = Buffer.concat([plain.subarray(0, 2), app1, payload, plain.subarray(2)]);
    expect(jpegOrientation(jpeg)).toBeNull();
    for (const turns of [1, 2, 3]) {
      const turned = turnedJpeg(jpeg, turns)!;
      expect(jpegOrientation(turned)).toBe([6, 3, 8][turns - 1]);
      // The new IFD0 starts on a word boundary, as TIFF asks.
      expect(turned.readUInt32BE(4 + 4 + 6 + 4) % 2).toBe(0);
      const tags = await exifr.parse(turned, { tiff: true, translateValues: false });
      expect([tags.Make, tags.Software]).toEqual(['Shoebox', 'test']);
      const [got, want] = await Promise.all([shown(turned), shown(jpeg, turns)]);
      expect([got.width, got.height, got.data.equals(want.data)]).toEqual([want.width, want.height, true]);
      expect(afterExif(turned).equals(afterExif(jpeg))).toBe(true);
      // Turned again from there: the tag is now in IFD0 and its two bytes change in place.
      const back = turnedJpeg(turned, 4 - turns)!;
      expect([back.length, jpegOrientation(back)]).toEqual([turned.length, 1]);
    }
  });

  it('gives a JPEG without EXIF a minimal one, and refuses what is not a JPEG', async () => {
    const plain = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg().toBuffer();
    expect(headerSegments(plain).some((s) => isExifSegment(plain, s))).toBe(false);
    const turned = turnedJpeg(plain, 3)!;
    expect(jpegOrientation(turned)).toBe(8);
    expect((await shown(turned)).width).toBe(20);
    expect(turnedJpeg(Buffer.from('not a jpeg at all'), 1)).toBeNull();
    expect(turnedJpeg(await sharp(plain).png().toBuffer(), 1)).toBeNull();
  });
});
