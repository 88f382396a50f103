// A sidecar (or a JPEG's XMP) made to say the date and place set in Shoebox, and no position
// where the place was removed by hand, whichever form (attribute, element) and prefix it uses.
import { describe, expect, it } from 'vitest';
import { withXmpEdits, xmpNamesPlace, xmpStatesPosition } from '../../../src/core/media/xmp-shown-edits';

const packet = (body: string) => `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:e="http://ns.adobe.com/exif/1.0/" xmlns:ps="http://ns.adobe.com/photoshop/1.0/" ${body}</rdf:Description></rdf:RDF></x:xmpmeta>`;

describe('XMP stating the edits made in Shoebox', () => {
  it('removes every GPS property and place name for a place removed by hand, and keeps the rest', () => {
    const xmp = packet(`e:GPSLatitude="43,28.0248N" ps:City="Arezzo" ps:Headline="Duomo"><e:GPSLongitude>11,53.0724E</e:GPSLongitude><e:GPSAltitude>300/1</e:GPSAltitude><e:GPSVersionID/><e:FNumber>28/10</e:FNumber>`);
    const out = withXmpEdits(xmp, { place: null })!;
    expect(xmpStatesPosition(out)).toBe(false);
    expect(xmpNamesPlace(out)).toBe(false);
    expect(out).not.toMatch(/GPS|Arezzo/);
    expect(out).toContain('ps:Headline="Duomo"');
    expect(out).toContain('<e:FNumber>28/10</e:FNumber>');
  });

  it("drops the old place's names, under whatever prefix, in every form, where the place was removed or replaced", () => {
    const names = `<rdf:Description xmlns:ic="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" xmlns:ix="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" xmlns:mp="http://ns.iview-multimedia.com/mediapro/1.0/" ic:CountryCode="IT" mp:City="Arezzo">
      <ic:Location>Piazza Grande</ic:Location><ps:State>Toscana</ps:State><ps:Country/>
      <ix:LocationCreated><rdf:Bag><rdf:li rdf:parseType="Resource"><ix:City>Arezzo</ix:City><ix:Sublocation>Piazza Grande</ix:Sublocation><e:GPSLatitude>43,28.0248N</e:GPSLatitude></rdf:li></rdf:Bag></ix:LocationCreated>
      <ix:LocationShown><rdf:Bag><rdf:li ix:CountryName="Italia" ix:ProvinceState="Toscana"/></rdf:Bag></ix:LocationShown>
      <ix:PersonInImage><rdf:Bag><rdf:li>Anna</rdf:li></rdf:Bag></ix:PersonInImage><ic:IntellectualGenre>Travel</ic:IntellectualGenre>`;
    const xmp = packet(`ps:City="Arezzo">${names}</rdf:Description><dc:subject><rdf:Bag><rdf:li>duomo</rdf:li></rdf:Bag></dc:subject>`);
    expect(xmpNamesPlace(xmp)).toBe(true);
    for (const place of [null, { lat: 43.7696, lon: 11.2558 }]) {
      const out = withXmpEdits(xmp, { place })!;
      expect(xmpNamesPlace(out)).toBe(false);
      expect(out).not.toMatch(/Arezzo|Toscana|Ital|Piazza|:City|Country|Location/);
      expect(out).toContain('<ix:PersonInImage><rdf:Bag><rdf:li>Anna</rdf:li></rdf:Bag></ix:PersonInImage><ic:IntellectualGenre>Travel</ic:IntellectualGenre>');
      expect(out).toContain('<rdf:li>duomo</rdf:li>');
    }
    // A date alone leaves the place as the file has it.
    expect(withXmpEdits(xmp, { date: { takenAt: Date.UTC(2021, 5, 15), takenOffset: null } })).toBeNull();
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
