// `albums export --copy` of photos whose place was removed or replaced in Shoebox: the copies
// name the old place nowhere (XMP city/country/location, the IPTC-IIM record), keep their
// keywords and headline, and the originals are untouched. Real LanceDB, tiny model, tags written
// and read back by exiftool (Debian's libimage-exiftool-perl).
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from '../cli/run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { haveExiftool } from '../helpers/captioned-photos';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { tempDir } from '../helpers/images';

const AREZZO = { lat: 43.46708, lon: 11.88454 };
const NAMES = [
  '-XMP-photoshop:City=Arezzo', '-XMP-photoshop:Country=Italia', '-XMP-iptcCore:Location=Piazza Grande',
  '-XMP-iptcExt:LocationCreatedCity=Arezzo', '-XMP-iptcExt:LocationShownCity=Arezzo',
  '-IPTC:City=Arezzo', '-IPTC:Sub-location=Piazza Grande', '-IPTC:Province-State=Toscana', '-IPTC:Country-PrimaryLocationName=Italia',
  '-IPTC:Keywords=duomo', '-IPTC:Headline=Giostra', '-XMP-dc:Subject=duomo', '-XMP-photoshop:Headline=Giostra',
];
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const read = (file: string) => (JSON.parse(execFileSync('exiftool', ['-j', '-G1', '-a', file], { encoding: 'utf8' })) as Record<string, unknown>[])[0]!;

describe.skipIf(!haveExiftool)('exporting copies of photos whose place was removed or replaced', () => {
  it('`albums export --copy` writes no old city, country or location into either copy', async () => {
    const dir = tempDir('shoebox-export-names-');
    const photos = await Promise.all(
      ['removed.jpg', 'replaced.jpg'].map(async (name, i) => {
        const file = await writeExifColourPhoto(dir, name, [200, 60 + i * 100, 40], { taken: '2008:10:22 16:38:20', gps: AREZZO });
        execFileSync('exiftool', ['-q', '-overwrite_original', ...NAMES, file]);
        return file;
      }),
    );
    const [removed, replaced] = photos as [string, string];
    const before = photos.map(sha256);
    const home = tempDir();
    const model = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...model, dir)).code).toBe(0);
    expect((await run('place', 'remove', ...model, removed)).code).toBe(0);
    expect((await run('place', 'set', ...model, '43.7696,11.2558', replaced)).code).toBe(0);
    expect((await run('albums', 'create', ...model, 'Trip', ...photos)).code).toBe(0);
    const out = path.join(tempDir(), 'out');
    const copied = await run('albums', 'export', ...model, '--copy', 'Trip', out);
    expect(copied.code, copied.stderr).toBe(0);

    for (const name of ['removed.jpg', 'replaced.jpg']) {
      const tags = read(path.join(out, name));
      expect(JSON.stringify(tags)).not.toMatch(/Arezzo|Italia|Toscana|Piazza/);
      expect(tags).toMatchObject({ 'IPTC:Keywords': 'duomo', 'IPTC:Headline': 'Giostra', 'XMP-dc:Subject': 'duomo', 'XMP-photoshop:Headline': 'Giostra' });
    }
    expect(read(path.join(out, 'replaced.jpg'))['Composite:GPSLatitude']).toMatch(/^43 deg 46'/);
    expect(photos.map(sha256)).toEqual(before);
    expect(JSON.stringify(read(removed))).toMatch(/Arezzo/);
  }, 120_000);
});
