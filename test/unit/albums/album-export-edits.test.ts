// An export's copy is the photo as Shoebox shows it: the date and place the user set by hand are
// in the copy's EXIF (and its sidecar's XMP), and a place removed by hand is nowhere in the copy
// (privacy). The original is never touched. A copy that cannot be made so is refused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exportPhotos } from '../../../src/core/albums/album-export';
import type { ExportEdits } from '../../../src/core/albums/export-edits';
import { readPhotoMetadata } from '../../../src/core/media';
import { writeExifColourPhoto } from '../../helpers/exif-photos';

const AREZZO = { lat: 43.46708, lon: 11.88454 };
const FLORENCE = { lat: 43.7696, lon: 11.2558 };

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-export-edits-'));
}
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const gpsOf = async (file: string) => (await exifr.gps(file).catch(() => undefined)) ?? null;
/** The degrees as EXIF writes them (43/1 28/1 ...): the rational of the whole degrees and minutes. */
const rawPosition = (lat: number) => {
  const b = Buffer.alloc(16);
  b.writeUInt32BE(Math.floor(lat), 0);
  b.writeUInt32BE(1, 4);
  b.writeUInt32BE(Math.floor((lat % 1) * 60), 8);
  b.writeUInt32BE(1, 12);
  return [b, Buffer.from(b).swap32()];
};

describe('exported copies carry the dates and places set in Shoebox', () => {
  it('a place removed by hand: the copy carries no position at all, and the original is untouched', async () => {
    const photos = tempDir();
    const out = tempDir();
    const photo = await writeExifColourPhoto(photos, 'DSCN0021.jpg', [200, 80, 40], { taken: '2008:10:22 16:38:20', gps: AREZZO });
    fs.writeFileSync(`${photo}.xmp`, `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="43,28.0248N" exif:GPSLongitude="11,53.0724E"><exif:GPSAltitude>300/1</exif:GPSAltitude></rdf:Description></rdf:RDF></x:xmpmeta>`);
    expect(await gpsOf(photo)).not.toBeNull();
    const before = sha256(photo);
    const edits = new Map<string, ExportEdits>([[photo, { place: null, fileHasPlace: true }]]);

    const report = exportPhotos([photo], out, { mode: 'copy', edits });

    expect(report).toMatchObject({ exported: 1, edited: 1, failed: [], unedited: [] });
    const copy = path.join(out, 'DSCN0021.jpg');
    expect(await gpsOf(copy)).toBeNull();
    expect((await readPhotoMetadata(fs.readFileSync(copy))).gpsLat).toBeNull();
    // Not only unlinked: the position's bytes are gone from the copy.
    expect(rawPosition(AREZZO.lat).some((raw) => fs.readFileSync(photo).includes(raw))).toBe(true);
    const bytes = fs.readFileSync(copy);
    for (const raw of rawPosition(AREZZO.lat)) expect(bytes.includes(raw)).toBe(false);
    expect(fs.readFileSync(`${copy}.xmp`, 'utf8')).not.toMatch(/GPS/);
    // The rest is kept: the date, and the picture itself.
    expect((await exifr.parse(copy, ['DateTimeOriginal']))?.DateTimeOriginal).toEqual(new Date(Date.UTC(2008, 9, 22, 16, 38, 20)));
    expect(await sharp(copy).raw().toBuffer()).toEqual(await sharp(photo).raw().toBuffer());
    expect(sha256(photo)).toBe(before);
  });

  it('a date shifted or set, and a place set: the copy says them (EXIF and sidecar), Shoebox reads them back', async () => {
    const photos = tempDir();
    const out = tempDir();
    const shifted = await writeExifColourPhoto(photos, 'DSCN0012.jpg', [40, 80, 200], { taken: '2008:10:22 16:29:49', gps: AREZZO });
    const set = await writeExifColourPhoto(photos, 'Canon_40D.jpg', [40, 200, 80], { taken: '2008:05:30 15:56:01' });
    fs.writeFileSync(`${set}.xmp`, `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreateDate="2008-05-30T15:56:01"/></rdf:RDF></x:xmpmeta>`);
    const before = [sha256(shifted), sha256(set)];
    const edits = new Map<string, ExportEdits>([
      [shifted, { date: { takenAt: Date.UTC(2008, 9, 22, 18, 29, 49), takenOffset: null }, fileHasPlace: true }],
      [set, { date: { takenAt: Date.UTC(2021, 5, 15, 10, 30), takenOffset: 120 }, place: FLORENCE, fileHasPlace: false }],
    ]);

    const report = exportPhotos([shifted, set], out, { mode: 'copy', edits });

    expect(report).toMatchObject({ exported: 2, edited: 2, failed: [] });
    const shiftedCopy = await readPhotoMetadata(fs.readFileSync(path.join(out, 'DSCN0012.jpg')));
    expect(shiftedCopy).toMatchObject({ takenAt: Date.UTC(2008, 9, 22, 18, 29, 49), gpsLat: expect.closeTo(AREZZO.lat, 4) });
    const setCopy = path.join(out, 'Canon_40D.jpg');
    expect(await readPhotoMetadata(fs.readFileSync(setCopy))).toMatchObject({ takenAt: Date.UTC(2021, 5, 15, 10, 30), takenOffset: 120 });
    const tags = await exifr.parse(setCopy, { pick: ['DateTimeOriginal', 'CreateDate', 'OffsetTimeOriginal'] });
    expect(tags).toMatchObject({ OffsetTimeOriginal: '+02:00' });
    const gps = await gpsOf(setCopy);
    expect(gps?.latitude).toBeCloseTo(FLORENCE.lat, 5);
    expect(gps?.longitude).toBeCloseTo(FLORENCE.lon, 5);
    expect(fs.readFileSync(`${setCopy}.xmp`, 'utf8')).toContain('xmp:CreateDate="2021-06-15T10:30:00+02:00"');
    expect([sha256(shifted), sha256(set)]).toEqual(before);
  });

  it('a copy of a turned photo is turned and edited; exported again, it is there already', async () => {
    const photos = tempDir();
    const out = tempDir();
    const photo = await writeExifColourPhoto(photos, 'turned.jpg', [90, 90, 200], { taken: '2010:01:01 10:00:00', gps: AREZZO });
    const options = { mode: 'copy' as const, turns: new Map([[photo, 1]]), edits: new Map<string, ExportEdits>([[photo, { place: null, fileHasPlace: true }]]) };
    expect(exportPhotos([photo], out, options)).toMatchObject({ exported: 1, turned: 1, edited: 1 });
    const copy = path.join(out, 'turned.jpg');
    expect(await gpsOf(copy)).toBeNull();
    expect((await readPhotoMetadata(fs.readFileSync(copy))).orientation).toBe(6);
    expect(exportPhotos([photo], out, options)).toMatchObject({ exported: 0, skipped: 1 });
  });

  it('refuses a copy that would carry a position removed by hand (a format whose copy cannot be edited), saying why', async () => {
    const photos = tempDir();
    const out = tempDir();
    const png = path.join(photos, 'map.png');
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0a0' } }).png().toFile(png);
    const dated = path.join(photos, 'dated.png');
    fs.copyFileSync(png, dated);
    const edits = new Map<string, ExportEdits>([
      [png, { place: null, fileHasPlace: true }],
      [dated, { date: { takenAt: Date.UTC(2020, 0, 1), takenOffset: null }, fileHasPlace: false }],
    ]);

    const report = exportPhotos([png, dated], out, { mode: 'copy', edits });

    expect(report.failed).toEqual([{ path: png, error: expect.stringMatching(/^not copied: its place was removed in Shoebox/) }]);
    expect(fs.existsSync(path.join(out, 'map.png'))).toBe(false);
    // Another edit is no privacy matter: that copy goes, and is named as not carrying it.
    expect(report).toMatchObject({ exported: 1, edited: 0, unedited: [dated] });
  });
});

describe('exporting again into the same folder', () => {
  it('adds a sidecar made since the first export to a photo already there, and never overwrites one', () => {
    const photos = tempDir();
    const out = tempDir();
    const yellow = path.join(photos, 'yellow.jpg');
    const red = path.join(photos, 'red.jpg');
    fs.writeFileSync(yellow, 'jpeg yellow');
    fs.writeFileSync(red, 'jpeg red');
    fs.writeFileSync(`${red}.xmp`, '<x:xmpmeta>red</x:xmpmeta>');
    expect(exportPhotos([yellow, red], out, { mode: 'copy' })).toMatchObject({ exported: 2 });

    fs.writeFileSync(`${yellow}.xmp`, '<x:xmpmeta>yellow</x:xmpmeta>');
    fs.writeFileSync(`${red}.xmp`, '<x:xmpmeta>red, edited since</x:xmpmeta>');
    const again = exportPhotos([yellow, red], out, { mode: 'copy' });

    expect(again).toMatchObject({ exported: 0, skipped: 2, failed: [], keptSidecars: [path.join(out, 'red.jpg.xmp')] });
    expect(fs.readFileSync(path.join(out, 'yellow.jpg.xmp'), 'utf8')).toBe('<x:xmpmeta>yellow</x:xmpmeta>');
    expect(fs.readFileSync(path.join(out, 'red.jpg.xmp'), 'utf8')).toBe('<x:xmpmeta>red</x:xmpmeta>');

    const links = tempDir();
    fs.rmSync(`${yellow}.xmp`);
    exportPhotos([yellow], links, { mode: 'symlink' });
    fs.writeFileSync(`${yellow}.xmp`, '<x:xmpmeta>yellow</x:xmpmeta>');
    expect(exportPhotos([yellow], links, { mode: 'symlink' })).toMatchObject({ skipped: 1 });
    expect(fs.readlinkSync(path.join(links, 'yellow.jpg.xmp'))).toBe(`${yellow}.xmp`);
  });
});
