import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exportPhotos } from '../../../src/core/albums/album-export';
import { haveExiftool } from '../../helpers/captioned-photos';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-export-'));
}

describe('album export of sidecars', () => {
  it('copies a photo\'s own sidecar, never the target of a sidecar that is a link', () => {
    const photos = tempDir();
    const out = tempDir();
    const secret = path.join(tempDir(), 'private.txt');
    fs.writeFileSync(secret, 'not for the export');
    fs.writeFileSync(path.join(photos, 'a.jpg'), 'jpeg a');
    fs.writeFileSync(path.join(photos, 'a.jpg.xmp'), '<x:xmpmeta/>');
    fs.writeFileSync(path.join(photos, 'b.jpg'), 'jpeg b');
    fs.symlinkSync(secret, path.join(photos, 'b.jpg.xmp'));

    const report = exportPhotos([path.join(photos, 'a.jpg'), path.join(photos, 'b.jpg')], out, { mode: 'copy' });

    expect(report.exported).toBe(2);
    expect(fs.readFileSync(path.join(out, 'a.jpg.xmp'), 'utf8')).toBe('<x:xmpmeta/>');
    expect(fs.existsSync(path.join(out, 'b.jpg'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'b.jpg.xmp'))).toBe(false);
    expect(fs.readdirSync(out).some((f) => fs.readFileSync(path.join(out, f), 'utf8').includes('not for the export'))).toBe(false);
  });
});

describe('album export of turned photos', () => {
  /** A JPEG (or PNG) red on its left half, blue on its right; the side red shows on. */
  const flag = (format: 'jpeg' | 'png') =>
    sharp({ create: { width: 64, height: 32, channels: 3, background: '#00f' } })
      .composite([{ input: { create: { width: 32, height: 32, channels: 3, background: '#f00' } }, left: 0, top: 0 }])
      .toFormat(format)
      .toBuffer();
  const redSide = async (file: string): Promise<string> => {
    const { data, info } = await sharp(file, { autoOrient: true }).raw().toBuffer({ resolveWithObject: true });
    const red = (x: number, y: number) => data[(y * info.width + x) * info.channels]! > 128;
    return red(2, 2) && red(info.width - 3, 2) ? 'top' : red(2, 2) && red(2, info.height - 3) ? 'left' : red(info.width - 3, info.height - 3) ? (red(2, info.height - 3) ? 'bottom' : 'right') : 'none';
  };

  it('copies a turned JPEG turned (its EXIF orientation; the original untouched), others as their files show them, and says which', async () => {
    const photos = tempDir();
    const out = tempDir();
    const [jpeg, png] = await Promise.all([flag('jpeg'), flag('png')]);
    const sources = ['turned.jpg', 'upright.jpg', 'turned.png'].map((n) => path.join(photos, n));
    fs.writeFileSync(sources[0]!, jpeg);
    fs.writeFileSync(sources[1]!, jpeg);
    fs.writeFileSync(sources[2]!, png);
    const turns = new Map([[sources[0]!, 1], [sources[2]!, 2]]);

    const report = exportPhotos(sources, out, { mode: 'copy', turns });
    expect(report).toMatchObject({ exported: 3, turned: 1, unturned: [sources[2]], failed: [] });
    expect(await redSide(path.join(out, 'turned.jpg'))).toBe('top'); // a quarter turn right: the left side on top
    expect(await redSide(path.join(out, 'upright.jpg'))).toBe('left');
    expect(await redSide(path.join(out, 'turned.png'))).toBe('left');
    expect(fs.readFileSync(sources[0]!).equals(jpeg)).toBe(true);
    expect(Math.round(fs.statSync(path.join(out, 'turned.jpg')).mtimeMs)).toBe(Math.round(fs.statSync(sources[0]!).mtimeMs));

    // Again: everything is already there (the turned copy too), nothing is added.
    expect(exportPhotos(sources, out, { mode: 'copy', turns })).toMatchObject({ exported: 0, skipped: 3 });
    expect(fs.readdirSync(out).sort()).toEqual(['turned.jpg', 'turned.png', 'upright.jpg']);
  });

  it('copies a photo again when it was turned otherwise since its last export (a camera JPEG: the same size at every turn)', async () => {
    const photos = tempDir();
    const out = tempDir();
    const source = path.join(photos, 'camera.jpg');
    // A camera's JPEG carries an orientation tag: a turn rewrites its two bytes, not the size.
    fs.writeFileSync(source, await sharp(await flag('jpeg')).withMetadata({ orientation: 1 }).jpeg().toBuffer());
    const exportAt = (turns: number) => exportPhotos([source], out, { mode: 'copy', turns: new Map([[source, turns]]) });
    expect(exportAt(1)).toMatchObject({ exported: 1, turned: 1 });
    expect(exportAt(1)).toMatchObject({ exported: 0, skipped: 1 });
    expect(exportAt(2)).toMatchObject({ exported: 1, turned: 1 });
    expect(exportAt(0)).toMatchObject({ exported: 1, turned: 0 });
    expect(exportAt(0)).toMatchObject({ exported: 0, skipped: 1 });
    const sides = await Promise.all(['camera.jpg', 'camera (2).jpg', 'camera (3).jpg'].map((n) => redSide(path.join(out, n))));
    expect(sides).toEqual(['top', 'right', 'left']);
    expect(new Set(['camera.jpg', 'camera (2).jpg', 'camera (3).jpg'].map((n) => fs.statSync(path.join(out, n)).size)).size).toBe(1);
  });

  it.skipIf(!haveExiftool)('a copied sidecar that states an orientation states the turned copy\'s, and keeps the rest of it (needs exiftool)', async () => {
    const photos = tempDir();
    const out = tempDir();
    const sources = ['turned.jpg', 'upright.jpg', 'sidecar-only.jpg'].map((n) => path.join(photos, n));
    for (const source of sources) {
      fs.writeFileSync(source, await sharp(await flag('jpeg')).withMetadata({ orientation: 1 }).jpeg().toBuffer());
      // A sidecar as digiKam keeps it: the photo's metadata, the user's description.
      execFileSync('exiftool', ['-q', '-tagsfromfile', source, '-XMP-tiff:Orientation<EXIF:Orientation', '-XMP-dc:Description=Harbour at dawn', '-o', `${source}.xmp`]);
    }
    // Turned in digiKam by its sidecar alone (6 there, 1 in the file): Shoebox shows the file's
    // EXIF and the user turns it from there, so the copy's sidecar must say what its EXIF says.
    execFileSync('exiftool', ['-q', '-overwrite_original', '-n', '-XMP-tiff:Orientation=6', `${sources[2]}.xmp`]);
    const upright = fs.readFileSync(`${sources[1]}.xmp`);
    const read = (file: string, tag: string) => execFileSync('exiftool', ['-s3', '-n', `-${tag}`, file], { encoding: 'utf8' }).trim();
    expect(read(`${sources[0]}.xmp`, 'XMP-tiff:Orientation')).toBe('1');

    const turns = new Map([[sources[0]!, 1], [sources[2]!, 2]]);
    expect(exportPhotos(sources, out, { mode: 'copy', turns })).toMatchObject({ exported: 3, turned: 2 });
    expect(read(path.join(out, 'turned.jpg'), 'EXIF:Orientation')).toBe('6');
    expect(read(path.join(out, 'turned.jpg.xmp'), 'XMP-tiff:Orientation')).toBe('6');
    expect(read(path.join(out, 'turned.jpg.xmp'), 'XMP-dc:Description')).toBe('Harbour at dawn');
    expect(read(`${sources[0]}.xmp`, 'XMP-tiff:Orientation')).toBe('1');
    expect(fs.readFileSync(path.join(out, 'upright.jpg.xmp')).equals(upright)).toBe(true);
    expect(read(path.join(out, 'sidecar-only.jpg'), 'EXIF:Orientation')).toBe('3');
    expect(read(path.join(out, 'sidecar-only.jpg.xmp'), 'XMP-tiff:Orientation')).toBe('3');
  });

  it('links turned photos as their files show them, and says so', () => {
    const photos = tempDir();
    const out = tempDir();
    const source = path.join(photos, 'turned.jpg');
    fs.writeFileSync(source, 'jpeg');
    expect(exportPhotos([source], out, { mode: 'symlink', turns: new Map([[source, 3]]) })).toMatchObject({ exported: 1, turned: 0, unturned: [source] });
    expect(fs.readlinkSync(path.join(out, 'turned.jpg'))).toBe(source);
  });
});
