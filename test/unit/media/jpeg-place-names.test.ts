// A JPEG's copy whose place was removed or replaced in Shoebox names the old place nowhere: not
// in XMP (photoshop:City..., Iptc4xmpCore:Location..., Iptc4xmpExt:LocationCreated/Shown) nor in
// the IPTC-IIM record of its APP13 segment, while its keywords, headline and pixels stay as they
// were. Photos tagged and read back by exiftool (Debian's libimage-exiftool-perl), as other apps
// would read the copy.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jpegWithoutIptcLocation } from '../../../src/core/media/iptc-location';
import { headerSegments } from '../../../src/core/media/jpeg';
import { jpegWithEdits } from '../../../src/core/media/jpeg-shown-edits';
import { haveExiftool } from '../../helpers/captioned-photos';
import { writeExifColourPhoto } from '../../helpers/exif-photos';
import { tempDir } from '../../helpers/images';

const AREZZO = { lat: 43.46708, lon: 11.88454 };
const FLORENCE = { lat: 43.7696, lon: 11.2558 };

/** Every place name other apps write, and tags that are not places. */
const TAGS = [
  '-XMP-photoshop:City=Arezzo', '-XMP-photoshop:State=Toscana', '-XMP-photoshop:Country=Italia',
  '-XMP-iptcCore:Location=Piazza Grande', '-XMP-iptcCore:CountryCode=IT',
  '-XMP-iptcExt:LocationCreatedCity=Arezzo', '-XMP-iptcExt:LocationCreatedSublocation=Piazza Grande', '-XMP-iptcExt:LocationCreatedGPSLatitude=43.46708',
  '-XMP-iptcExt:LocationShownCity=Arezzo', '-XMP-iptcExt:LocationShownCountryName=Italia', '-XMP-iptcExt:LocationShownProvinceState=Toscana',
  '-XMP-exif:GPSLatitude=43.46708', '-XMP-exif:GPSLongitude=11.88454',
  '-IPTC:City=Arezzo', '-IPTC:Sub-location=Piazza Grande', '-IPTC:Province-State=Toscana',
  '-IPTC:Country-PrimaryLocationCode=ITA', '-IPTC:Country-PrimaryLocationName=Italia', '-IPTC:ContentLocationName=Arezzo',
  '-IPTC:Keywords=duomo', '-IPTC:Keywords=piazza', '-IPTC:Headline=Giostra', '-IPTC:Caption-Abstract=La Giostra del Saracino',
  '-XMP-dc:Subject=duomo', '-XMP-photoshop:Headline=Giostra', '-Photoshop:IPTCDigest=new',
];
const PLACE = /Arezzo|Toscana|Ital|Piazza|\bITA?\b|43\.46|43 deg 28|Location|City|Country|Province|State\b|GPS/;

async function taggedPhoto(): Promise<string> {
  const file = await writeExifColourPhoto(tempDir('shoebox-place-names-'), 'DSCN0021.jpg', [200, 60, 40], { taken: '2008:10:22 16:38:20', gps: AREZZO });
  execFileSync('exiftool', ['-q', '-overwrite_original', '-charset', 'iptc=UTF8', '-IPTC:CodedCharacterSet=UTF8', ...TAGS, file]);
  return file;
}

/** What exiftool reads in a file, by "Group:Tag" (the File and System groups left out). */
function tags(file: string): Record<string, unknown> {
  const [read] = JSON.parse(execFileSync('exiftool', ['-j', '-G1', '-a', file], { encoding: 'utf8' })) as Record<string, unknown>[];
  return Object.fromEntries(Object.entries(read!).filter(([k]) => !/^(System|File|ExifTool|Composite):|^SourceFile$/.test(k)));
}

/** The bytes that are neither EXIF, XMP nor IIM (APP1, APP13): the picture and its tables. */
function otherBytes(jpeg: Buffer): Buffer {
  const segments = headerSegments(jpeg);
  const kept = segments.filter((s) => s.marker !== 0xe1 && s.marker !== 0xed).map((s) => jpeg.subarray(s.start, s.end));
  return Buffer.concat([jpeg.subarray(0, 2), ...kept, jpeg.subarray(segments.at(-1)!.end)]);
}

describe.skipIf(!haveExiftool)("a JPEG's copy where the place was removed or replaced", () => {
  it.each([
    ['removed', null],
    ['replaced', FLORENCE],
  ] as const)('names the old place nowhere when it was %s, and keeps every other tag and the pixels', async (_how, place) => {
    const file = await taggedPhoto();
    const original = fs.readFileSync(file);
    const before = tags(file);
    expect(JSON.stringify(before)).toMatch(/Arezzo/);

    const copy = jpegWithEdits(original, { place })!;
    expect(copy).not.toBeNull();
    const out = `${file}.copy.jpg`;
    fs.writeFileSync(out, copy);
    const after = tags(out);

    const placeTags = (t: Record<string, unknown>) => Object.keys(t).filter((k) => PLACE.test(`${k} ${JSON.stringify(t[k])}`));
    if (place === null) expect(placeTags(after)).toEqual([]);
    else expect(placeTags(after).sort()).toEqual(['GPS:GPSLatitude', 'GPS:GPSLatitudeRef', 'GPS:GPSLongitude', 'GPS:GPSLongitudeRef', 'GPS:GPSVersionID', 'XMP-exif:GPSLatitude', 'XMP-exif:GPSLongitude']);
    expect(copy.toString('latin1')).not.toMatch(/Arezzo|Toscana|Italia|Piazza/);
    // Everything else reads as it did, the IIM digest matching the record again.
    const unchanged = Object.keys(before).filter((k) => !placeTags(before).includes(k) && k !== 'Photoshop:IPTCDigest');
    expect(Object.fromEntries(unchanged.map((k) => [k, after[k]]))).toEqual(Object.fromEntries(unchanged.map((k) => [k, before[k]])));
    expect(after).toMatchObject({ 'IPTC:Keywords': ['duomo', 'piazza'], 'IPTC:Headline': 'Giostra', 'XMP-dc:Subject': 'duomo', 'XMP-photoshop:Headline': 'Giostra', 'IPTC:CodedCharacterSet': 'UTF8' });
    expect(execFileSync('exiftool', ['-s3', '-CurrentIPTCDigest', out], { encoding: 'utf8' }).trim()).toBe(after['Photoshop:IPTCDigest']);
    expect(otherBytes(copy).equals(otherBytes(original))).toBe(true);
    expect(fs.readFileSync(file).equals(original)).toBe(true);
  }, 30_000);

  it('leaves the IIM alone where only the date was edited, and refuses a record it cannot read', async () => {
    const original = fs.readFileSync(await taggedPhoto());
    const dated = jpegWithEdits(original, { date: { takenAt: Date.UTC(2021, 5, 15, 10, 30), takenOffset: null } })!;
    expect(dated.toString('latin1')).toMatch(/Arezzo/);
    // A resource that says it is longer than its segment (one split over two APP13 segments).
    const damaged = Buffer.from(original);
    const at = damaged.indexOf(Buffer.from('8BIM\x04\x04', 'latin1'));
    damaged.writeUInt32BE(0xffff, at + 8);
    expect(jpegWithoutIptcLocation(damaged)).toBeNull();
    expect(jpegWithEdits(damaged, { place: null })).toBeNull();
  }, 30_000);

  it('refuses a removed place still named in extended XMP, which this does not edit', async () => {
    const original = fs.readFileSync(await taggedPhoto());
    const chunk = Buffer.concat([Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1'), Buffer.alloc(40, 0x30), Buffer.from('<rdf:Description xmlns:ps="http://ns.adobe.com/photoshop/1.0/"><ps:City>Arezzo</ps:City>')]);
    const segment = Buffer.concat([Buffer.from([0xff, 0xe1, (chunk.length + 2) >> 8, (chunk.length + 2) & 0xff]), chunk]);
    const extended = Buffer.concat([original.subarray(0, 2), segment, original.subarray(2)]);
    expect(jpegWithEdits(extended, { place: null })).toBeNull();
    expect(jpegWithEdits(original, { place: null })).not.toBeNull();
  }, 30_000);
});
