// A JPEG whose Photoshop APP13 holds a resource split over two segments (Photoshop does that
// above 64 KB: a big thumbnail) but no place name: a place set or removed in Shoebox is still
// written into its copy, the split segments kept byte for byte. Only a segment that cannot be
// read AND still names a place refuses a removed place's copy (export-removed-place-names.test.ts).
// A real camera photo with GPS (DSCN0029.jpg); read back by exiftool, as other apps would.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan } from '../../../src/core/albums/export-copy-bytes';
import { headerSegments, isExifSegment } from '../../../src/core/media/jpeg';
import { jpegWithEdits } from '../../../src/core/media/jpeg-shown-edits';
import { haveExiftool } from '../../helpers/captioned-photos';
import { tempDir } from '../../helpers/images';
import { SHARED_DIR } from '../../helpers/shared-data';

const DSCN0029 = path.join(SHARED_DIR, 'photos/exif-samples/jpg/gps/DSCN0029.jpg');
const FLORENCE = { lat: 43.7696, lon: 11.2558 };
const PHOTOSHOP = Buffer.from('Photoshop 3.0\0', 'latin1');

function app13(body: Buffer): Buffer {
  const length = 2 + PHOTOSHOP.length + body.length;
  return Buffer.concat([Buffer.from([0xff, 0xed, length >> 8, length & 0xff]), PHOTOSHOP, body]);
}

/** DSCN0029.jpg with a 70,000-byte thumbnail resource (0x040C) split over two APP13 segments after its EXIF: the path and the segments. */
function withSplitThumbnail(): { file: string; segments: Buffer[] } {
  const jpeg = fs.readFileSync(DSCN0029);
  const data = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251)); // never 1C 02: no IIM dataset by chance
  const head = Buffer.from([...Buffer.from('8BIM', 'latin1'), 0x04, 0x0c, 0, 0, 0, 0, 0, 0]);
  head.writeUInt32BE(data.length, 8);
  const first = 65_000;
  const segments = [app13(Buffer.concat([head, data.subarray(0, first)])), app13(data.subarray(first))];
  const exif = headerSegments(jpeg).find((s) => isExifSegment(jpeg, s))!;
  const file = path.join(tempDir('shoebox-split-app13-'), 'DSCN0029.jpg');
  fs.writeFileSync(file, Buffer.concat([jpeg.subarray(0, exif.end), ...segments, jpeg.subarray(exif.end)]));
  return { file, segments };
}

function gps(file: string): Record<string, unknown> {
  const [tags] = JSON.parse(execFileSync('exiftool', ['-j', '-n', '-GPS:all', file], { encoding: 'utf8' })) as Record<string, unknown>[];
  return Object.fromEntries(Object.entries(tags!).filter(([k]) => k.startsWith('GPS')));
}

describe.skipIf(!haveExiftool || !fs.existsSync(DSCN0029))('a JPEG whose Photoshop segment holds a resource split over two segments, naming no place', () => {
  it('gets a place set in Shoebox in its copy, the split segments kept', () => {
    const { file, segments } = withSplitThumbnail();
    expect(gps(file).GPSLatitude).toBeCloseTo(43.468, 2);
    const out = jpegWithEdits(fs.readFileSync(file), { place: FLORENCE });
    expect(out).not.toBeNull();
    const copy = path.join(path.dirname(file), 'copy.jpg');
    fs.writeFileSync(copy, out!);
    expect(gps(copy).GPSLatitude).toBeCloseTo(FLORENCE.lat, 4);
    expect(gps(copy).GPSLongitude).toBeCloseTo(FLORENCE.lon, 4);
    for (const s of segments) expect(out!.includes(s)).toBe(true);
  });

  it('is copied without its position when its place was removed, not refused', () => {
    const { file, segments } = withSplitThumbnail();
    const plan = copyPlan(file, 'copy', 0, { place: null, fileHasPlace: true });
    expect(plan).toMatchObject({ edited: true, unedited: false });
    const copy = path.join(path.dirname(file), 'copy.jpg');
    fs.writeFileSync(copy, plan.bytes!);
    expect(gps(copy)).not.toHaveProperty('GPSLatitude');
    expect(gps(copy)).not.toHaveProperty('GPSLongitude');
    for (const s of segments) expect(plan.bytes!.includes(s)).toBe(true);
  });
});

describe.skipIf(!fs.existsSync(DSCN0029))('a JPEG whose IPTC record is damaged after its City', () => {
  // City "Paris" and two stray bytes: the record cannot be read, and what follows the City is no
  // dataset, padding or resource (a reviewer's case: the copy kept "Paris" where the place was removed).
  function withDamagedRecord(): string {
    const jpeg = fs.readFileSync(DSCN0029);
    const iim = Buffer.concat([Buffer.from([0x1c, 0x02, 0x5a, 0x00, 0x05]), Buffer.from('Paris'), Buffer.from([0xff, 0x01])]);
    const head = Buffer.from([...Buffer.from('8BIM', 'latin1'), 0x04, 0x04, 0, 0, 0, 0, 0, 0]);
    head.writeUInt32BE(iim.length, 8);
    const exif = headerSegments(jpeg).find((s) => isExifSegment(jpeg, s))!;
    const file = path.join(tempDir('shoebox-damaged-iim-'), 'DSCN0029.jpg');
    fs.writeFileSync(file, Buffer.concat([jpeg.subarray(0, exif.end), app13(Buffer.concat([head, iim, Buffer.alloc(iim.length % 2)])), jpeg.subarray(exif.end)]));
    return file;
  }

  it('is refused when its place was removed: the copy would still say Paris', () => {
    const file = withDamagedRecord();
    expect(() => copyPlan(file, 'copy', 0, { place: null, fileHasPlace: true })).toThrow(/place was removed/);
  });
});
