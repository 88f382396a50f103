// Files on a card that an import used to pass over unsaid or fail on (library/photo-import.ts):
// a name that is not valid UTF-8 is a failure in the indexer's words (maybe a photo never copied:
// the CLI exits 1, so `import && wipe-card` keeps it), the rest imported; a link
// is listed as skipped with why, never silently left out; Lightroom's sidecar named for the
// shot (IMG_7005.xmp) goes with its photo, under the name the copy's shot has; the failures are
// listed by path. Real files, no library (the lookups are stubbed).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPhotoFiles } from '../../src/core/library/photo-import';
import { NAME_NOT_UTF8 } from '../../src/core/library/scan';
import { SKIPPED_LINK } from '../../src/shared/import-skipped';
import { tempDir, writeColourPhoto } from '../helpers/images';

const nothingKnown = { known: async () => new Set<string>(), ffmpeg: null };

/** A path whose name holds a byte that is not UTF-8 (as a camera or another OS may write it). */
function rawName(dir: string, before: string, after: string): Buffer {
  return Buffer.concat([Buffer.from(path.join(dir, before)), Buffer.from([0xff]), Buffer.from(after)]);
}

describe('an import meets the odd files of a card', () => {
  it('fails a file whose name is not UTF-8 in the indexer’s words (never copied, not skipped) and imports the rest', async () => {
    const card = tempDir('shoebox-import-odd-card-');
    const dcim = path.join(card, 'DCIM');
    fs.mkdirSync(dcim);
    await writeColourPhoto(dcim, 'IMG_7001.JPG', [200, 40, 40]);
    fs.copyFileSync(path.join(dcim, 'IMG_7001.JPG'), rawName(dcim, 'IMG_', '7002.JPG'));
    const into = tempDir('shoebox-import-odd-into-');
    const report = await importPhotoFiles(card, into, nothingKnown);
    expect(report.skipped).toEqual([]);
    expect(report.failed).toEqual([{ path: path.join(dcim, 'IMG_\uFFFD7002.JPG'), error: NAME_NOT_UTF8 }]);
    expect(report.copied.map((p) => path.basename(p))).toEqual(['IMG_7001.JPG']);
  });

  it('lists a link on the card as skipped, with why', async () => {
    const card = tempDir('shoebox-import-link-card-');
    await writeColourPhoto(card, 'IMG_0001.JPG', [40, 200, 40]);
    const elsewhere = await writeColourPhoto(tempDir(), 'far.jpg', [40, 40, 200]);
    fs.symlinkSync(elsewhere, path.join(card, 'IMG_0002.JPG'));
    const report = await importPhotoFiles(card, tempDir('shoebox-import-link-into-'), nothingKnown);
    expect(report.skipped).toEqual([{ path: path.join(card, 'IMG_0002.JPG'), reason: SKIPPED_LINK }]);
    expect(report.copied.map((p) => path.basename(p))).toEqual(['IMG_0001.JPG']);
  });

  it('takes Lightroom’s shot sidecar (IMG_7005.xmp) along, named as the copy', async () => {
    const card = tempDir('shoebox-import-shot-card-');
    const photo = await writeColourPhoto(card, 'IMG_7005.JPG', [90, 160, 20]);
    fs.writeFileSync(path.join(card, 'IMG_7005.xmp'), '<x:xmpmeta xmlns:x="adobe:ns:meta/"><!-- caption --></x:xmpmeta>');
    const noon = new Date(2022, 1, 3, 12, 0, 0); // no EXIF: the file's day
    fs.utimesSync(photo, noon, noon);
    const into = tempDir('shoebox-import-shot-into-');
    const day = path.join(into, '2022', '2022-02-03');
    fs.mkdirSync(day, { recursive: true });
    await writeColourPhoto(day, 'IMG_7005.JPG', [10, 10, 10]); // another photo has the name already
    const report = await importPhotoFiles(card, into, nothingKnown);
    expect(report).toMatchObject({ skipped: [], failed: [], copied: [path.join(day, 'IMG_7005 (2).JPG')] });
    expect(fs.readFileSync(path.join(day, 'IMG_7005 (2).xmp'), 'utf8')).toContain('caption');
    expect(fs.existsSync(path.join(day, 'IMG_7005.xmp'))).toBe(false); // never beside another shot
  });

  it('never names a copy beside another shot’s sidecar: the card’s caption goes with it, under the next free name', async () => {
    const card = tempDir('shoebox-import-other-shot-card-');
    const raw = await writeColourPhoto(card, 'IMG_7005.CR2', [200, 40, 40]);
    fs.writeFileSync(path.join(card, 'IMG_7005.xmp'), 'CARD CAPTION');
    const noon = new Date(2022, 1, 3, 12, 0, 0);
    fs.utimesSync(raw, noon, noon);
    const into = tempDir('shoebox-import-other-shot-into-');
    const day = path.join(into, '2022', '2022-02-03');
    fs.mkdirSync(day, { recursive: true });
    await writeColourPhoto(day, 'IMG_7005.JPG', [10, 10, 10]); // another photo, with its own shot sidecar
    fs.writeFileSync(path.join(day, 'IMG_7005.xmp'), 'OTHER SHOT');
    const report = await importPhotoFiles(card, into, nothingKnown);
    expect(report).toMatchObject({ failed: [], copied: [path.join(day, 'IMG_7005 (2).CR2')] });
    expect(fs.readFileSync(path.join(day, 'IMG_7005 (2).xmp'), 'utf8')).toBe('CARD CAPTION');
    expect(fs.readFileSync(path.join(day, 'IMG_7005.xmp'), 'utf8')).toBe('OTHER SHOT');
  });

  it('keeps a RAW and its JPEG beside the one shot sidecar they share', async () => {
    const card = tempDir('shoebox-import-one-shot-card-');
    const noon = new Date(2022, 1, 3, 12, 0, 0);
    for (const [name, colour] of [['IMG_7006.CR2', [200, 40, 40]], ['IMG_7006.JPG', [40, 40, 200]]] as const) fs.utimesSync(await writeColourPhoto(card, name, [...colour]), noon, noon);
    fs.writeFileSync(path.join(card, 'IMG_7006.xmp'), 'CARD CAPTION');
    const into = tempDir('shoebox-import-one-shot-into-');
    const report = await importPhotoFiles(card, into, nothingKnown);
    const day = path.join(into, '2022', '2022-02-03');
    expect(report).toMatchObject({ failed: [], copied: [path.join(day, 'IMG_7006.CR2'), path.join(day, 'IMG_7006.JPG')] });
    expect(fs.readdirSync(day).sort()).toEqual(['IMG_7006.CR2', 'IMG_7006.JPG', 'IMG_7006.xmp']);
  });

  it('says a shot sidecar that could not go along because another is there, never silently', async () => {
    const { copyShotSidecar } = await import('../../src/core/library/import-shot-sidecar');
    const card = tempDir('shoebox-import-sidecar-race-card-');
    fs.writeFileSync(path.join(card, 'IMG_7007.xmp'), 'CARD CAPTION');
    const day = tempDir('shoebox-import-sidecar-race-day-');
    fs.writeFileSync(path.join(day, 'IMG_7007.xmp'), 'OTHER SHOT');
    expect(() => copyShotSidecar(path.join(card, 'IMG_7007.xmp'), path.join(day, 'IMG_7007.CR2'))).toThrow(/another sidecar/);
    expect(fs.readFileSync(path.join(day, 'IMG_7007.xmp'), 'utf8')).toBe('OTHER SHOT');
    fs.writeFileSync(path.join(day, 'IMG_7007.xmp'), 'CARD CAPTION'); // the same shot's, copied with its RAW: fine
    expect(() => copyShotSidecar(path.join(card, 'IMG_7007.xmp'), path.join(day, 'IMG_7007.JPG'))).not.toThrow();
  });

  it('lists its failures by path, whichever step met them', async () => {
    const card = tempDir('shoebox-import-order-card-');
    // A folder whose name is not UTF-8 (its photos cannot be reached) fails while listing the card,
    fs.mkdirSync(rawName(card, 'z', ''));
    fs.writeFileSync(Buffer.concat([rawName(card, 'z', ''), Buffer.from('/IMG_0009.JPG')]), 'x');
    // photos whose day folder cannot be made (a file has its year's name) fail later, while copying.
    for (const name of ['a', 'm']) {
      fs.mkdirSync(path.join(card, name));
      const photo = await writeColourPhoto(path.join(card, name), 'IMG_0001.JPG', name === 'a' ? [40, 200, 40] : [200, 40, 40]);
      fs.utimesSync(photo, new Date(2022, 1, 3, 12), new Date(2022, 1, 3, 12));
    }
    const into = tempDir('shoebox-import-order-into-');
    fs.writeFileSync(path.join(into, '2022'), 'not a folder');
    const report = await importPhotoFiles(card, into, nothingKnown);
    expect(report.failed.map((f) => path.relative(card, f.path))).toEqual([path.join('a', 'IMG_0001.JPG'), path.join('m', 'IMG_0001.JPG'), 'z\uFFFD']);
  });
});
