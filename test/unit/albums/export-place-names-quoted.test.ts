// An export's copy whose place was removed or set names the old place nowhere, also where a name
// holds the other quote mark (photoshop:City="L'Aquila", as Adobe writes XMP: attributes of
// rdf:Description), and a sidecar that still names the removed place after the edit (a form or
// an encoding the edit does not take it out of) is refused, as one that states a position is.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sidecarBytes } from '../../../src/core/albums/export-copy-bytes';
import type { ExportEdits } from '../../../src/core/albums/export-edits';
import { jpegWithEdits } from '../../../src/core/media/jpeg-shown-edits';
import { withXmpEdits } from '../../../src/core/media/xmp-shown-edits';
import { writeExifColourPhoto } from '../../helpers/exif-photos';
import { tempDir } from '../../helpers/images';

const REMOVED: ExportEdits = { place: null, fileHasPlace: false };
const SET: ExportEdits = { place: { lat: 45.4642, lon: 9.19 }, fileHasPlace: true };
const REFUSED = /^not copied: its place was removed in Shoebox, but its sidecar/;

const NS = 'xmlns:x="adobe:ns:meta/"';
const packet = (description: string, body = '') =>
  `<x:xmpmeta ${NS}><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" ${description}>${body}</rdf:Description></rdf:RDF></x:xmpmeta>`;
/** Adobe's form: every simple property an attribute of the description, double-quoted. */
const QUOTED = packet(`photoshop:City="L'Aquila" Iptc4xmpCore:Location="Piazza dell'Anfiteatro" photoshop:Headline="Festa" xmp:Rating="4"`);

function sidecar(content: string | Buffer): string {
  const file = path.join(tempDir('shoebox-quoted-names-'), 'IMG_1.jpg.xmp');
  fs.writeFileSync(file, content);
  return file;
}

/** The JPEG with `xmp` as its XMP packet (an APP1 after SOI). */
function withXmpSegment(jpeg: Buffer, xmp: string): Buffer {
  const payload = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xmp, 'utf8')]);
  const head = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), head, payload, jpeg.subarray(2)]);
}

describe('place names holding the other quote mark', () => {
  it('are taken out of an attribute and of an element with quoted attributes, other properties kept', () => {
    const element = packet('', `<photoshop:State xml:lang="it" rdf:resource="urn:a/b">Abruzzo</photoshop:State><photoshop:Country note='"Italia"'/>`);
    for (const place of [null, { lat: 45.4642, lon: 9.19 }]) {
      const out = withXmpEdits(QUOTED, { place })!;
      expect(out).not.toMatch(/Aquila|Anfiteatro|City|Location/);
      expect(out).toContain('photoshop:Headline="Festa" xmp:Rating="4"');
      expect(withXmpEdits(element, { place })).not.toMatch(/Abruzzo|Italia|State|Country/);
    }
  });

  it('are not in the sidecar of a copy whose place was removed or set', () => {
    for (const edits of [REMOVED, SET]) {
      const out = sidecarBytes(sidecar(QUOTED), null, edits);
      expect(out).not.toBeNull();
      expect(out!.toString('utf8')).not.toMatch(/Aquila|Anfiteatro/);
      expect(out!.toString('utf8')).toContain('photoshop:Headline="Festa"');
    }
  });

  it("are not in a JPEG's XMP when its place was set", async () => {
    const file = await writeExifColourPhoto(tempDir('shoebox-quoted-names-'), 'IMG_2.jpg', [90, 120, 200], { gps: { lat: 42.35, lon: 13.4 } });
    const jpeg = withXmpSegment(fs.readFileSync(file), QUOTED);
    const out = jpegWithEdits(jpeg, { place: SET.place })!;
    expect(out).not.toBeNull();
    expect(out.includes('Aquila')).toBe(false);
    expect(out.includes('Anfiteatro')).toBe(false);
    expect(out.includes('Festa')).toBe(true);
  });
});

describe('a sidecar that still names a removed place after the edit', () => {
  it('is refused where the name is under a namespace the edit does not know', () => {
    const other = packet('xmlns:loc="http://example.com/places/"', '<loc:City>Sulmona</loc:City>');
    expect(() => sidecarBytes(sidecar(other), null, REMOVED)).toThrow(REFUSED);
    // A place set: the copy states the new position; no privacy matter, and it is copied.
    expect(() => sidecarBytes(sidecar(other), null, SET)).not.toThrow();
  });

  it('is refused where it is not UTF-8 (a latin-1 city), though it states no position', () => {
    const latin1 = Buffer.from(packet('', '<photoshop:City>Bâle</photoshop:City>'), 'latin1');
    expect(() => sidecarBytes(sidecar(latin1), null, REMOVED)).toThrow(REFUSED);
    // One that names no place goes as it is.
    const plain = Buffer.from(packet('', '<photoshop:Headline>Bâle</photoshop:Headline>'), 'latin1');
    expect(sidecarBytes(sidecar(plain), null, REMOVED)).toBeNull();
  });
});
