// The orientation an XMP sidecar (`IMG.jpg.xmp`, as digiKam, darktable and exiftool write
// them) states, turned along with its photo's exported copy: apps that read the sidecar over
// the file's EXIF (digiKam does) would otherwise show the turned copy at its old orientation.
// Only the value of tiff:Orientation changes, every other byte of the sidecar is kept, so it
// is edited as text: the prefix is whichever the sidecar binds to the TIFF namespace.
import { turnOrientation } from './jpeg-orientation';

const TIFF_NS = 'http://ns.adobe.com/tiff/1.0/';

/**
 * The sidecar with its orientation turned `turns` clockwise quarter turns (as the copy's EXIF
 * is: turnOrientation), or null when it states no orientation (the copy's EXIF then decides).
 */
export function turnedXmpOrientation(xmp: string, turns: number): string | null {
  const prefixes = [...xmp.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)].filter((m) => m[2] === TIFF_NS).map((m) => m[1]!);
  let changed = false;
  let out = xmp;
  for (const prefix of new Set(prefixes)) {
    const name = `${escapeRegExp(prefix)}:Orientation`;
    // As an attribute (rdf:Description tiff:Orientation="6") or as an element (<tiff:Orientation>6</tiff:Orientation>).
    const attribute = new RegExp(`(\\s${name}\\s*=\\s*["'])\\s*(\\d)\\s*(["'])`, 'g');
    const element = new RegExp(`(<${name}>)\\s*(\\d)\\s*(</${name}>)`, 'g');
    const turn = (_: string, open: string, value: string, close: string) => {
      changed = true;
      return `${open}${turnOrientation(Number(value), turns)}${close}`;
    };
    out = out.replace(attribute, turn).replace(element, turn);
  }
  return changed ? out : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
