// A copy of a photo whose place was removed in Shoebox is refused wherever the copy would still
// say where it was taken: not only an EXIF position (what the index knows), but a position in
// XMP, or a place name in XMP or an IPTC-IIM record, in a JPEG this cannot edit (an APP13 it
// cannot read) and in formats whose copy is never edited (PNG, TIFF, HEIF). Files tagged and
// read back by exiftool (Debian's libimage-exiftool-perl), as other apps would write them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { copyPlan } from '../../../src/core/albums/export-copy-bytes';
import type { ExportEdits } from '../../../src/core/albums/export-edits';
import { haveExiftool } from '../../helpers/captioned-photos';
import { tempDir } from '../../helpers/images';

const REMOVED: ExportEdits = { place: null, fileHasPlace: false };
const REFUSED = /^not copied: its place was removed in Shoebox, but a copy of this file would still say where it was taken/;

async function photo(dir: string, name: string, tags: string[]): Promise<string> {
  const file = path.join(dir, name);
  const format = path.extname(name).slice(1) as 'jpg' | 'png' | 'tiff' | 'heif';
  const image = sharp({ create: { width: 16, height: 16, channels: 3, background: '#a52' } });
  await (format === 'heif' ? image.heif({ compression: 'av1' }) : image.toFormat(format === 'jpg' ? 'jpeg' : format)).toFile(file);
  if (tags.length) execFileSync('exiftool', ['-q', '-q', '-overwrite_original', ...tags, file]);
  return file;
}

const read = (file: string) => JSON.stringify(JSON.parse(execFileSync('exiftool', ['-j', '-G1', '-a', file], { encoding: 'utf8' })));

/** The JPEG with bytes iptc-record.ts does not know after its APP13's resources (which exiftool skips). */
function withOddApp13(file: string): void {
  const bytes = fs.readFileSync(file);
  const at = bytes.indexOf(Buffer.from('Photoshop 3.0\0', 'latin1')) - 4;
  expect(bytes.readUInt16BE(at)).toBe(0xffed);
  const end = at + 2 + bytes.readUInt16BE(at + 2);
  const odd = Buffer.concat([bytes.subarray(0, end), Buffer.from('odd!', 'latin1'), bytes.subarray(end)]);
  odd.writeUInt16BE(bytes.readUInt16BE(at + 2) + 4, at + 2);
  fs.writeFileSync(file, odd);
}

/** The JPEG with its IPTC resource saying it is longer than its APP13 (as one split over two segments). */
function withSplitApp13(file: string): void {
  const bytes = fs.readFileSync(file);
  const at = bytes.indexOf(Buffer.from('8BIM\x04\x04', 'latin1'));
  expect(at).toBeGreaterThan(0);
  bytes.writeUInt32BE(0xffff, at + 8);
  fs.writeFileSync(file, bytes);
}

describe.skipIf(!haveExiftool)('a copy whose place was removed, where the file names the place but has no GPS', () => {
  it('refuses a JPEG whose IPTC record names the place but cannot be read, and copies one it can edit without the name', async () => {
    const dir = tempDir('shoebox-removed-names-');
    const odd = await photo(dir, 'odd.jpg', ['-IPTC:City=Paris', '-IPTC:Keywords=tour']);
    withOddApp13(odd);
    expect(read(odd)).toMatch(/Paris/);
    expect(() => copyPlan(odd, 'copy', 0, REMOVED)).toThrow(REFUSED);
    // One exiftool cannot read either: the name is in its bytes all the same, for other readers.
    const split = await photo(dir, 'split.jpg', ['-IPTC:City=Paris', '-IPTC:Keywords=tour']);
    withSplitApp13(split);
    expect(fs.readFileSync(split).includes('Paris')).toBe(true);
    expect(() => copyPlan(split, 'copy', 0, REMOVED)).toThrow(REFUSED);

    // A record in an APP13 that is not Photoshop's, which the copy's edit leaves alone.
    const other = await photo(dir, 'other.jpg', ['-IPTC:City=Paris']);
    const bytes = fs.readFileSync(other);
    bytes.write('Photoshop 2.9', bytes.indexOf('Photoshop 3.0'), 'latin1');
    fs.writeFileSync(other, bytes);
    expect(() => copyPlan(other, 'copy', 0, REMOVED)).toThrow(REFUSED);

    const readable = await photo(dir, 'readable.jpg', ['-IPTC:City=Paris', '-IPTC:Keywords=tour']);
    const plan = copyPlan(readable, 'copy', 0, REMOVED);
    expect(plan.edited).toBe(true);
    const copy = path.join(dir, 'copy.jpg');
    fs.writeFileSync(copy, plan.bytes!);
    expect(read(copy)).not.toMatch(/Paris/);
    expect(read(copy)).toMatch(/tour/);

    // An odd record that names no place is no privacy matter: the copy is made, the record in it as it is.
    const keywords = await photo(dir, 'keywords.jpg', ['-IPTC:Keywords=tour']);
    withOddApp13(keywords);
    const kept = copyPlan(keywords, 'copy', 0, REMOVED);
    expect(kept.unedited).toBe(false);
    const shipped = kept.bytes ?? fs.readFileSync(keywords);
    expect(shipped.includes('odd!') && shipped.includes('tour')).toBe(true);
  }, 60_000);

  it.each([
    ['an IPTC city in a PNG (a compressed raw profile)', 'iptc.png', ['-IPTC:City=Paris']],
    ['an XMP city in a PNG', 'xmp.png', ['-XMP-photoshop:City=Paris']],
    ['a compressed XMP location in a PNG', 'zxmp.png', ['-z', '-XMP-iptcExt:LocationShownCity=Paris']],
    ['an XMP position (no EXIF) in a PNG', 'gps.png', ['-XMP-exif:GPSLatitude=48.8584', '-XMP-exif:GPSLongitude=2.2945']],
    ['an IPTC country in a TIFF', 'iptc.tiff', ['-IPTC:Country-PrimaryLocationName=France']],
    ['an XMP city in a TIFF', 'xmp.tiff', ['-XMP-photoshop:City=Paris']],
    ['an XMP city in a HEIF', 'xmp.heif', ['-XMP-photoshop:City=Paris']],
  ])('refuses %s', async (_what, name, tags) => {
    const file = await photo(tempDir('shoebox-removed-names-'), name, tags);
    expect(read(file)).toMatch(/Paris|France|48 deg/);
    expect(() => copyPlan(file, 'copy', 0, REMOVED)).toThrow(REFUSED);
  }, 30_000);

  it.each([
    ['a PNG with keywords and a headline only', 'keywords.png', ['-IPTC:Keywords=tour', '-XMP-dc:Subject=tour', '-XMP-photoshop:Headline=Paris by night']],
    ['a TIFF with no metadata', 'plain.tiff', []],
    ['a HEIF with keywords only', 'keywords.heif', ['-XMP-dc:Subject=tour']],
  ])('copies %s as it is', async (_what, name, tags) => {
    const file = await photo(tempDir('shoebox-removed-names-'), name, tags);
    expect(copyPlan(file, 'copy', 0, REMOVED)).toMatchObject({ bytes: null, edited: false, unedited: false });
  }, 30_000);
});
