// Keywords other apps wrote, read as `shoebox description import` reads them: XMP dc:subject
// (Lightroom, digiKam), IPTC Keywords (Photoshop; UTF-8 text repaired), a sidecar first, and
// never the keywords Shoebox itself added to a sidecar. Photos tagged by exiftool.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKeywords, sidecarKeywords } from '../../../src/core/media/keywords';
import { writeXmpSidecar } from '../../../src/core/tags/xmp';
import { haveExiftool, writeCaptionedPhoto } from '../../helpers/captioned-photos';
import { tempDir } from '../../helpers/images';

describe.skipIf(!haveExiftool)('readKeywords (needs exiftool)', () => {
  it('reads XMP dc:subject before IPTC Keywords, each keyword once whatever its case', async () => {
    const dir = tempDir('shoebox-keywords-');
    const xmp = await writeCaptionedPhoto(dir, 'xmp.jpg', [200, 40, 40], ['-XMP-dc:Subject=Harbour', '-XMP-dc:Subject=boats', '-XMP-dc:Subject=harbour', '-IPTC:Keywords=ignored']);
    const iptc = await writeCaptionedPhoto(dir, 'iptc.jpg', [40, 200, 40], ['-IPTC:Keywords=Oma’s garden', '-IPTC:Keywords=Köln']);
    const none = await writeCaptionedPhoto(dir, 'none.jpg', [40, 40, 200], []);
    expect(await readKeywords(xmp)).toEqual(['Harbour', 'boats']);
    expect(await readKeywords(fs.readFileSync(iptc))).toEqual(['Oma’s garden', 'Köln']);
    expect(await readKeywords(none)).toEqual([]);
    await expect(readKeywords(path.join(dir, 'gone.jpg'))).rejects.toThrow(/ENOENT/);
  });

  it('takes a sidecar\'s keywords first, and leaves out those Shoebox wrote there itself', async () => {
    const dir = tempDir('shoebox-keywords-sidecar-');
    const photo = await writeCaptionedPhoto(dir, 'photo.jpg', [120, 120, 120], ['-XMP-dc:Subject=in the photo']);
    const sidecar = `${photo}.xmp`;
    fs.writeFileSync(sidecar, `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:subject><rdf:Bag><rdf:li>dog</rdf:li><rdf:li>Family|Anna</rdf:li></rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>`);
    // Shoebox adds its tags to the sidecar: "dog" was the user's already, "beach" is Shoebox's.
    writeXmpSidecar(photo, ['scenes', 'animals'], [{ set: 'scenes', label: 'beach' }, { set: 'animals', label: 'dog' }]);
    const xml = fs.readFileSync(sidecar, 'utf8');
    expect(xml).toContain('beach');
    expect(sidecarKeywords(xml)).toEqual(['dog', 'Family/Anna']);
    expect(await readKeywords(photo, xml)).toEqual(['dog', 'Family/Anna']);
    // A sidecar with no keyword of the user's: the photo's own.
    expect(await readKeywords(photo, '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>')).toEqual(['in the photo']);
    expect(sidecarKeywords('not xml at all <')).toEqual([]);
  });
});
