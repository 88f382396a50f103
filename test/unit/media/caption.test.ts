// Captions other apps wrote are read as they wrote them (IPTC, XMP, a sidecar, EXIF), and what
// cameras put in EXIF ImageDescription by themselves is not taken for one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCaption, sidecarCaption } from '../../../src/core/media/caption';
import { haveExiftool, writeCaptionedPhoto, writeCaptionSidecar } from '../../helpers/captioned-photos';
import { tempDir } from '../../helpers/images';
import { sharedAvailable, sharedPath } from '../../helpers/shared-data';

if (!haveExiftool) console.warn('exiftool not found (apt-get install libimage-exiftool-perl): skipping the captions written by other apps');

describe('a caption from another app', () => {
  it.skipIf(!haveExiftool)('reads IPTC, XMP and a sidecar, in the order those apps do, accents and ampersands as typed', async () => {
    const dir = tempDir();
    const iptc = await writeCaptionedPhoto(dir, 'iptc.jpg', [200, 40, 40], ['-IPTC:Caption-Abstract=Grandma’s 80th & cake']);
    const both = await writeCaptionedPhoto(dir, 'both.jpg', [40, 200, 40], ['-IPTC:Caption-Abstract=old caption', '-XMP-dc:Description=Façade at dusk, Lyon']);
    const plain = await writeCaptionedPhoto(dir, 'plain.jpg', [40, 40, 200], []);
    expect(await readCaption(fs.readFileSync(iptc))).toBe('Grandma’s 80th & cake');
    expect(await readCaption(fs.readFileSync(both))).toBe('Façade at dusk, Lyon');
    expect(await readCaption(fs.readFileSync(plain))).toBeNull();
    const sidecar = fs.readFileSync(writeCaptionSidecar(both, 'Fête de la musique <2024> & friends'), 'utf8');
    expect(await readCaption(fs.readFileSync(both), sidecar)).toBe('Fête de la musique <2024> & friends');
    // A sidecar without a description, or not XML at all, leaves the photo's own.
    expect(await readCaption(fs.readFileSync(both), '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>')).toBe('Façade at dusk, Lyon');
    expect(await readCaption(fs.readFileSync(both), 'not xml at all')).toBe('Façade at dusk, Lyon');
    expect(sidecarCaption('<<<')).toBeNull();
  });

  it.skipIf(!sharedAvailable('photos', 'exif-samples', 'jpg'))('takes no camera default for a caption, over the EXIF samples of 22 cameras and apps', async () => {
    const dir = sharedPath('photos', 'exif-samples', 'jpg');
    const found = new Map<string, string>();
    for (const name of [...fs.readdirSync(dir).filter((f) => f.endsWith('.jpg')), 'xmp/BlueSquare.jpg']) {
      const caption = await readCaption(fs.readFileSync(path.join(dir, name)));
      if (caption) found.set(name, caption.slice(0, 40));
    }
    // "KONICA MINOLTA DIGITAL CAMERA", "OLYMPUS DIGITAL CAMERA", a model and a make repeated are left out.
    expect(Object.fromEntries(found)).toEqual({ 'long_description.jpg': 'Operation Mountain Viper put the soldier', 'xmp/BlueSquare.jpg': 'XMPFiles BlueSquare test file, created i' });
  });

  it('reads nothing from bytes that are no photo', async () => {
    expect(await readCaption(Buffer.from('not a photo'))).toBeNull();
  });
});
