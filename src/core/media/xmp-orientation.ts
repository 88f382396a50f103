// The orientation an XMP sidecar (`IMG.jpg.xmp`, as digiKam, darktable and exiftool write
// them) states, made the one its photo's turned copy has in its EXIF: apps that read the
// sidecar over the file's EXIF (digiKam does) would otherwise show the copy otherwise than
// Shoebox does. Shoebox shows a photo by its EXIF, and a turn is relative to that, so the
// copy's EXIF orientation is the truth to write (not the sidecar's own value turned: a sidecar
// that said 6 over an EXIF 1 would end up upside down). Only the value of tiff:Orientation
// changes, every other byte of the sidecar is kept, so it is edited as text: the prefix is
// whichever the sidecar binds to the TIFF namespace.

const TIFF_NS = 'http://ns.adobe.com/tiff/1.0/';

/**
 * The sidecar stating `orientation` (an EXIF orientation, 1-8) where it states one, or null
 * when it states none (the copy's EXIF then decides) or already says so.
 */
export function withXmpOrientation(xmp: string, orientation: number): string | null {
  const prefixes = [...xmp.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)].filter((m) => m[2] === TIFF_NS).map((m) => m[1]!);
  let changed = false;
  let out = xmp;
  for (const prefix of new Set(prefixes)) {
    const name = `${escapeRegExp(prefix)}:Orientation`;
    // As an attribute (rdf:Description tiff:Orientation="6") or as an element (<tiff:Orientation>6</tiff:Orientation>).
    const attribute = new RegExp(`(\\s${name}\\s*=\\s*["'])\\s*(\\d)\\s*(["'])`, 'g');
    const element = new RegExp(`(<${name}>)\\s*(\\d)\\s*(</${name}>)`, 'g');
    const set = (_: string, open: string, value: string, close: string) => {
      changed ||= Number(value) !== orientation;
      return `${open}${orientation}${close}`;
    };
    out = out.replace(attribute, set).replace(element, set);
  }
  return changed ? out : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
