// A JPEG's copy whose date was set or shifted in Shoebox says the new date in its IPTC-IIM record
// too (Date/Time Created, Digital Creation Date/Time), as its EXIF and XMP do, with every other
// dataset kept and the IIM digest matching again. Photos tagged and read back by exiftool
// (Debian's libimage-exiftool-perl), as other apps would read the copy.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jpegWithEdits } from '../../../src/core/media/jpeg-shown-edits';
import { haveExiftool } from '../../helpers/captioned-photos';
import { writeExifColourPhoto } from '../../helpers/exif-photos';
import { tempDir } from '../../helpers/images';

const DATES = ['-IPTC:DateCreated=2008:10:22', '-IPTC:TimeCreated=16:38:20+02:00', '-IPTC:DigitalCreationDate=2008:10:22', '-IPTC:DigitalCreationTime=16:38:20+02:00'];
const OTHERS = ['-IPTC:Keywords=duomo', '-IPTC:Headline=Giostra', '-IPTC:City=Arezzo', '-Photoshop:IPTCDigest=new'];

async function photo(tags: string[]): Promise<string> {
  const file = await writeExifColourPhoto(tempDir('shoebox-iptc-dates-'), 'DSCN0021.jpg', [200, 60, 40], { taken: '2008:10:22 16:38:20', offset: '+02:00' });
  execFileSync('exiftool', ['-q', '-overwrite_original', ...tags, file]);
  return file;
}

/** What exiftool reads in the bytes, by "Group:Tag". */
function tags(bytes: Buffer): Record<string, unknown> {
  const file = `${tempDir('shoebox-iptc-dates-read-')}/copy.jpg`;
  fs.writeFileSync(file, bytes);
  return (JSON.parse(execFileSync('exiftool', ['-j', '-G1', '-a', '-CurrentIPTCDigest', '-all', file], { encoding: 'utf8' })) as Record<string, unknown>[])[0]!;
}

describe.skipIf(!haveExiftool)("a JPEG's copy whose date was set or shifted", () => {
  it.each([
    ['with its offset', -300, '10:30:05-05:00'],
    ['with none stated', null, '10:30:05'],
  ] as const)('states the new date in the IIM record, %s, keeping every other dataset', async (_how, takenOffset, time) => {
    const original = fs.readFileSync(await photo([...DATES, ...OTHERS]));
    expect(tags(original)).toMatchObject({ 'IPTC:DateCreated': '2008:10:22', 'IPTC:TimeCreated': '16:38:20+02:00' });

    const copy = jpegWithEdits(original, { date: { takenAt: Date.UTC(2021, 5, 15, 10, 30, 5), takenOffset } })!;
    expect(copy).not.toBeNull();
    const after = tags(copy);

    expect(after).toMatchObject({
      'IPTC:DateCreated': '2021:06:15',
      'IPTC:TimeCreated': time,
      'IPTC:DigitalCreationDate': '2021:06:15',
      'IPTC:DigitalCreationTime': time,
      'ExifIFD:DateTimeOriginal': '2021:06:15 10:30:05',
      'IPTC:Keywords': 'duomo',
      'IPTC:Headline': 'Giostra',
      'IPTC:City': 'Arezzo',
    });
    expect(JSON.stringify(after)).not.toMatch(/2008/);
    // The digest matched the record before; it matches the new one (Photoshop trusts the IIM).
    expect(after['Photoshop:IPTCDigest']).toBe(after['File:CurrentIPTCDigest']);
  }, 30_000);

  it('adds no date to a record that states none', async () => {
    const original = fs.readFileSync(await photo(OTHERS));
    const copy = jpegWithEdits(original, { date: { takenAt: Date.UTC(2021, 5, 15, 10, 30, 5), takenOffset: null } })!;
    const after = tags(copy);
    expect(Object.keys(after).filter((k) => k.startsWith('IPTC:')).sort()).toEqual(['IPTC:ApplicationRecordVersion', 'IPTC:City', 'IPTC:Headline', 'IPTC:Keywords']);
    expect(after['Photoshop:IPTCDigest']).toBe(after['File:CurrentIPTCDigest']);
  }, 30_000);

  it('still states the date in the EXIF of a copy whose IIM record cannot be read', async () => {
    const original = fs.readFileSync(await photo([...DATES, ...OTHERS]));
    // Bytes after the APP13's resources that iptc-record.ts does not know.
    const at = original.indexOf('Photoshop 3.0\0') - 4;
    const end = at + 2 + original.readUInt16BE(at + 2);
    const odd = Buffer.concat([original.subarray(0, end), Buffer.from('odd!'), original.subarray(end)]);
    odd.writeUInt16BE(original.readUInt16BE(at + 2) + 4, at + 2);
    const copy = jpegWithEdits(odd, { date: { takenAt: Date.UTC(2021, 5, 15, 10, 30, 5), takenOffset: null } })!;
    expect(copy).not.toBeNull();
    expect(tags(copy)).toMatchObject({ 'ExifIFD:DateTimeOriginal': '2021:06:15 10:30:05' });
  }, 30_000);
});
