// A sidecar (or a JPEG's XMP) made to say the date and place set in Shoebox, and no position
// where the place was removed by hand, whichever form (attribute, element) and prefix it uses.
import { describe, expect, it } from 'vitest';
import { withXmpEdits, xmpStatesPosition } from '../../../src/core/media/xmp-shown-edits';

const packet = (body: string) => `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:e="http://ns.adobe.com/exif/1.0/" xmlns:ps="http://ns.adobe.com/photoshop/1.0/" ${body}</rdf:Description></rdf:RDF></x:xmpmeta>`;

describe('XMP stating the edits made in Shoebox', () => {
  it('removes every GPS property for a place removed by hand, and keeps the rest', () => {
    const xmp = packet(`e:GPSLatitude="43,28.0248N" ps:City="Arezzo"><e:GPSLongitude>11,53.0724E</e:GPSLongitude><e:GPSAltitude>300/1</e:GPSAltitude><e:GPSVersionID/><e:FNumber>28/10</e:FNumber>`);
    const out = withXmpEdits(xmp, { place: null })!;
    expect(xmpStatesPosition(out)).toBe(false);
    expect(out).not.toMatch(/GPS/);
    expect(out).toContain('ps:City="Arezzo"');
    expect(out).toContain('<e:FNumber>28/10</e:FNumber>');
  });

  it('states a place and a date set where the packet states them, and leaves one without them alone', () => {
    const xmp = packet(`e:GPSLatitude="43,28.0248N" ps:DateCreated="2008-10-22T16:38:20"><e:GPSLongitude>11,53.0724E</e:GPSLongitude><e:GPSAltitude>300/1</e:GPSAltitude>`);
    const out = withXmpEdits(xmp, { date: { takenAt: Date.UTC(2021, 5, 15, 10, 30), takenOffset: -300 }, place: { lat: -33.5, lon: 151.25 } })!;
    expect(out).toContain('e:GPSLatitude="33,30.000000S"');
    expect(out).toContain('<e:GPSLongitude>151,15.000000E</e:GPSLongitude>');
    expect(out).not.toContain('GPSAltitude');
    expect(out).toContain('ps:DateCreated="2021-06-15T10:30:00-05:00"');
    expect(withXmpEdits(packet('>'), { place: null })).toBeNull();
  });
});
