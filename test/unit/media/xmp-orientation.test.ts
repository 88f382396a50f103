// A turned copy's sidecar states the copy's EXIF orientation, whichever way the sidecar writes
// it, and nothing else of it changes.
import { describe, expect, it } from 'vitest';
import { withXmpOrientation } from '../../../src/core/media/xmp-orientation';

const wrap = (description: string) => `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
${description}
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

describe('withXmpOrientation', () => {
  it('sets an orientation written as an attribute, keeping every other byte', () => {
    const xmp = wrap(`<rdf:Description rdf:about="" xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Orientation="1" tiff:Make="Orientation=\\"1\\""/>`);
    expect(withXmpOrientation(xmp, 6)).toBe(xmp.replace('tiff:Orientation="1"', 'tiff:Orientation="6"'));
  });

  it('sets an orientation written as an element, under whatever prefix the sidecar binds to the TIFF namespace', () => {
    const xmp = wrap(`<rdf:Description rdf:about="" xmlns:t="http://ns.adobe.com/tiff/1.0/"><t:Orientation>6</t:Orientation></rdf:Description>`);
    expect(withXmpOrientation(xmp, 3)).toBe(xmp.replace('<t:Orientation>6<', '<t:Orientation>3<'));
    expect(withXmpOrientation(xmp, 6)).toBeNull(); // says so already
  });

  it('leaves alone a sidecar with no orientation, and an Orientation of another namespace', () => {
    expect(withXmpOrientation(wrap(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"/>`), 6)).toBeNull();
    expect(withXmpOrientation(wrap(`<rdf:Description rdf:about="" xmlns:my="urn:mine" my:Orientation="1"/>`), 6)).toBeNull();
  });
});
