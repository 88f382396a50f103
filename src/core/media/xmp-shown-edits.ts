// An XMP packet (a sidecar, or the one inside a JPEG) made to state the date and place the user
// set in Shoebox where it states a date or a position, and to state no position at all where
// the place was removed by hand: apps that read XMP over EXIF (digiKam, Lightroom) would
// otherwise show the copy's old date, or its position the user took away. Where the place was
// removed or replaced, the old place's names (city, country...) go too. Edited as text, as
// xmp-orientation.ts does, so every other byte is kept; the prefix is whichever the packet binds.
import { clockText, offsetText, type ShownEdits } from './shown-edits';

const NS = {
  exif: 'http://ns.adobe.com/exif/1.0/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  iptcCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
  iptcExt: 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/',
  mediapro: 'http://ns.iview-multimedia.com/mediapro/1.0/',
} as const;

/** The dates a packet may state the date taken in, by namespace. */
const DATE_PROPERTIES: ReadonlyArray<[string, string]> = [
  [NS.exif, 'DateTimeOriginal'],
  [NS.exif, 'DateTimeDigitized'],
  [NS.xmp, 'CreateDate'],
  [NS.photoshop, 'DateCreated'],
];

/**
 * The properties that name where the photo was taken, by namespace (local names, as a pattern
 * without groups): LocationCreated / LocationShown are structures (city, province, country,
 * sublocation, and a position of their own), dropped whole.
 */
const PLACE_NAME_PROPERTIES: ReadonlyArray<[string, string]> = [
  [NS.photoshop, '(?:City|State|Country)'],
  [NS.iptcCore, '(?:Location|CountryCode)'],
  [NS.iptcExt, '(?:LocationCreated|LocationShown)'],
  [NS.mediapro, '(?:Location|City|State|Country)'],
];

/** The packet with the edits stated, or null when it needs no change. */
export function withXmpEdits(xmp: string, edits: ShownEdits): string | null {
  let out = xmp;
  if (edits.date) {
    const clock = clockText(edits.date.takenAt);
    if (clock !== null) {
      const value = `${clock}${edits.date.takenOffset === null ? '' : offsetText(edits.date.takenOffset)}`;
      for (const [ns, name] of DATE_PROPERTIES) for (const prefix of prefixesOf(out, ns)) out = replaceProperties(out, `${escapeRegExp(prefix)}:${name}`, () => value);
    }
  }
  if (edits.place !== undefined) {
    // Removed: the names would say where it was taken as well as a position. Set: Shoebox has
    // no name for the new place, and the old names would contradict it (a stale city is wrong,
    // and still tells where the photo really was). Before the GPS properties, as a structure
    // may hold a position of its own.
    for (const [ns, names] of PLACE_NAME_PROPERTIES) for (const prefix of prefixesOf(out, ns)) out = replaceProperties(out, `${escapeRegExp(prefix)}:${names}`, () => null);
    const place = edits.place;
    // Every GPS property goes (the old place's altitude, time, direction...) but the position
    // itself, which a set place replaces where the packet states it.
    const value = (name: string): string | null =>
      place === null ? null : name === 'GPSLatitude' ? xmpCoordinate(place.lat, 'N', 'S') : name === 'GPSLongitude' ? xmpCoordinate(place.lon, 'E', 'W') : null;
    for (const prefix of prefixesOf(out, NS.exif)) out = replaceProperties(out, `${escapeRegExp(prefix)}:GPS\\w*`, value);
  }
  return out === xmp ? null : out;
}

/** Whether the packet states a position anywhere (under any prefix, in any form). */
export function xmpStatesPosition(xmp: string): boolean {
  return /GPS(Latitude|Longitude)\b/.test(xmp);
}

/**
 * Whether the text names a place in a property XMP would hold it in (under any prefix, even one
 * bound elsewhere, as in extended XMP split over segments): what withXmpEdits takes out.
 */
export function xmpNamesPlace(text: string): boolean {
  const names = 'City|State|Country|CountryCode|CountryName|Location|LocationCreated|LocationShown|ProvinceState|Sublocation';
  return new RegExp(`<[\\w.-]+:(?:${names})[\\s>/]|\\s[\\w.-]+:(?:${names})\\s*=`).test(text);
}

/** XMP's GPSCoordinate: "43,28.024833N". */
function xmpCoordinate(degrees: number, positive: string, negative: string): string {
  const abs = Math.abs(degrees);
  const whole = Math.floor(abs);
  return `${whole},${((abs - whole) * 60).toFixed(6)}${degrees < 0 ? negative : positive}`;
}

function prefixesOf(xmp: string, ns: string): Set<string> {
  return new Set([...xmp.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)].filter((m) => m[2] === ns).map((m) => m[1]!));
}

/**
 * Each property whose qualified name matches `name` (a pattern without groups) set to
 * `value(its local name)`, or removed where that is null: as an
 * attribute (prefix:Name="..."), an element (<prefix:Name>...</prefix:Name>) or an empty one.
 */
function replaceProperties(xmp: string, name: string, value: (local: string) => string | null): string {
  const local = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);
  // A quoted value runs to its own closing mark only: "L'Aquila" holds the other one. An
  // element's attributes are read the same way, as a value may hold '/' or '>'.
  const quoted = `(?:"[^"]*"|'[^']*')`;
  const attributes = `((?:\\s+[^\\s=/>]+\\s*=\\s*${quoted})*\\s*)`;
  const attribute = new RegExp(`(\\s+)(${name})(\\s*=\\s*)(${quoted})`, 'g');
  const element = new RegExp(`(\\s*)<(${name})${attributes}>[\\s\\S]*?</\\2\\s*>`, 'g');
  const empty = new RegExp(`(\\s*)<(${name})${attributes}/>`, 'g');
  return xmp
    .replace(attribute, (_m, space: string, qualified: string, eq: string, old: string) => {
      const v = value(local(qualified));
      const quote = old[0]!;
      return v === null ? '' : `${space}${qualified}${eq}${quote}${escapeXml(v)}${quote}`;
    })
    .replace(element, (_m, space: string, qualified: string) => {
      const v = value(local(qualified));
      return v === null ? '' : `${space}<${qualified}>${escapeXml(v)}</${qualified}>`;
    })
    .replace(empty, (m, _space: string, qualified: string) => (value(local(qualified)) === null ? '' : m));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
