// `shoebox show` on real camera photos (../shared/photos/exif-samples): how each was taken,
// read from its file when shown (LibraryApi.photoShot, asked apart from getPhoto; not stored): the line Google Photos and Immich show ("f/7.1 ·
// 1/160 s · 135 mm · ISO 100"), the lens, `--json`'s figures, the camera named once ("Canon
// EOS 40D", not "Canon Canon EOS 40D"); none of it once the file is not reachable from here.
// The figures are exiftool's reading of the same files.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { sharedAvailable, sharedPath } from '../helpers/shared-data';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const SAMPLES = ['photos', 'exif-samples', 'jpg'];
const CANON = 'Canon_40D.jpg';
const IPHONE = 'iphone_hdr_YES.jpg';
const NIKON = 'Nikon_D70.jpg';

/** The "key: value" lines of one photo's text output, as a map. */
function fields(text: string): Map<string, string> {
  return new Map(text.trimEnd().split('\n').map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]));
}

describe.runIf(sharedAvailable(...SAMPLES))('shoebox show: how a real photo was taken', () => {
  let home: string;
  let photos: string;
  const run = (args: string[]) => shoebox(['--home', home, ...args]);
  const at = (name: string) => path.join(photos, name);

  beforeAll(async () => {
    home = tempDir();
    // Copies in a temp folder (a later test moves it away); the samples themselves stay as they are.
    photos = tempDir('shoebox-cli-exposure-');
    for (const [from, name] of [[[CANON], CANON], [['hdr', IPHONE], IPHONE], [[NIKON], NIKON]] as const) fs.copyFileSync(sharedPath(...SAMPLES, ...from), at(name));
    const res = await run(['index', ...MODEL, photos]);
    expect(res.code, res.stderr).toBe(0);
  }, 120_000);

  it('prints the camera once, the exposure as photo apps word it, and the lens', async () => {
    const res = await run(['show', ...MODEL, at(CANON), at(IPHONE), at(NIKON)]);
    expect(res.code, res.stderr).toBe(0);
    const [canon, iphone, nikon] = res.stdout.split('\n\n').map(fields);
    expect(canon!.get('camera')).toBe('Canon EOS 40D');
    expect(canon!.get('exposure')).toBe('f/7.1 · 1/160 s · 135 mm · ISO 100');
    // No LensModel tag in the 40D's EXIF: no lens line.
    expect(canon!.has('lens')).toBe(false);
    expect(iphone!.get('camera')).toBe('Apple iPhone 6');
    expect(iphone!.get('lens')).toBe('iPhone 6 back camera 4.15mm f/2.2');
    expect(iphone!.get('exposure')).toBe('f/2.2 · 1/40 s · 4.2 mm (57 mm in 35 mm) · ISO 32');
    expect(nikon!.get('camera')).toBe('NIKON D70');
    expect(nikon!.get('exposure')).toBe('f/9 · 1/200 s · 100 mm (150 mm in 35 mm) · ISO 200');
    // In the order the viewer lists them: the camera, its lens, then the exposure.
    expect([...iphone!.keys()].filter((k) => ['camera', 'lens', 'exposure'].includes(k))).toEqual(['camera', 'lens', 'exposure']);
  });

  it('--json has the figures themselves (seconds, mm) and the make and model as the file has them', async () => {
    const res = await run(['show', ...MODEL, '--json', at(CANON), at(IPHONE)]);
    expect(res.code, res.stderr).toBe(0);
    const [canon, iphone] = JSON.parse(res.stdout) as Record<string, unknown>[];
    expect(canon).toMatchObject({ cameraMake: 'Canon', cameraModel: 'Canon EOS 40D', exposure: { time: 1 / 160, fNumber: 7.1, iso: 100, focalLength: 135, focalLength35mm: null }, lens: null });
    expect(iphone).toMatchObject({ exposure: { time: 1 / 40, fNumber: 2.2, iso: 32, focalLength: 4.15, focalLength35mm: 57 }, lens: 'iPhone 6 back camera 4.15mm f/2.2' });
  });

  it('says none of it when the file is not reachable from this device (its folder another device’s path)', async () => {
    const away = `${photos}-elsewhere`;
    fs.renameSync(photos, away);
    try {
      const res = await run(['show', ...MODEL, at(CANON)]);
      expect(res.code, res.stderr).toBe(0);
      const shown = fields(res.stdout);
      expect(shown.get('unreachable')).toMatch(/^yes/);
      // What the library keeps still shows; what only the file says does not.
      expect(shown.get('camera')).toBe('Canon EOS 40D');
      expect(shown.has('exposure')).toBe(false);
      expect(shown.has('lens')).toBe(false);
      const [json] = JSON.parse((await run(['show', ...MODEL, '--json', at(CANON)])).stdout) as Record<string, unknown>[];
      expect(json).toMatchObject({ exposure: null, lens: null, unreachable: true });
    } finally {
      fs.renameSync(away, photos);
    }
  });
});
