// A turned copy's sidecar states the copy's orientation, whichever way the sidecar writes it,
// and nothing else of it changes.
import { describe, expect, it } from 'vitest';
import { turnedXmpOrientation } from '../../../src/core/media/xmp-orientation';

const wrap = (description: string) => `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
${description}
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

describe('turnedXmpOrientation', () => {
  it('turns an orientation written as an attribute, keeping every other byte', () => {
    const xmp = wrap(`<rdf:Description rdf:about="" xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Orientation="1" tiff:Make="Orientation=\\"1\\""/>`);
    expect(turnedXmpOrientation(xmp, 1)).toBe(xmp.replace('tiff:Orientation="1"', 'tiff:Orientation="6"'));
  });

  it('turns an orientation written as an element, under whatever prefix the sidecar binds to the TIFF namespace', () => {
    const xmp = wrap(`<rdf:Description rdf:about="" xmlns:t="http://ns.adobe.com/tiff/1.0/"><t:Orientation>6</t:Orientation></rdf:Description>`);
    expect(turnedXmpOrientation(xmp, 1)).toBe(xmp.replace('<t:Orientation>6<', '<t:Orientation>3<'));
    // A mirrored photo stays mirrored: 2 (mirrored) turned a half turn is 4.
    expect(turnedXmpOrientation(xmp.replace('>6<', '>2<'), 2)).toBe(xmp.replace('>6<', '>4<'));
  });

  it('leaves alone a sidecar with no orientation, and an Orientation of another namespace', () => {
    expect(turnedXmpOrientation(wrap(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"/>`), 1)).toBeNull();
    expect(turnedXmpOrientation(wrap(`<rdf:Description rdf:about="" xmlns:my="urn:mine" my:Orientation="1"/>`), 1)).toBeNull();
  });
});
