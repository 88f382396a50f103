// Whether a file's bytes still say where the photo was taken outside its EXIF GPS (which the
// index reads, as fileHasPlace): a position or a place name in XMP (a JPEG's, a PNG's iTXt, a
// TIFF's or HEIC's packet), or a location dataset of an IPTC-IIM record (a JPEG's APP13, even one
// iptc-location.ts cannot read; a TIFF's IPTC-NAA tag; a PNG's "Raw profile type iptc"). An
// export refuses the copy of a photo whose place was removed where these bytes would ship
// (export-copy-bytes.ts). It looks at every byte, not at a parsed container, so a record that
// cannot be parsed still counts; the patterns are long or structured enough that picture data
// does not match them by chance.
import zlib from 'node:zlib';
import { iimNamesPlace } from './iptc-location';
import { xmpNamesPlace, xmpStatesPosition } from './xmp-shown-edits';

/** Where XMP may state a position or name a place: the text around these is looked at. */
const NEEDLES = ['GPSLatitude', 'GPSLongitude', ':City', ':State', ':Country', ':Location', ':ProvinceState', ':Sublocation'].map((n) => Buffer.from(n, 'latin1'));
const WINDOW = 200;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Whether `bytes` state a position in XMP, or name a place in XMP or an IIM record. */
export function saysWhereTaken(bytes: Buffer): boolean {
  return xmpSaysWhere(bytes) || iimNamesPlace(bytes) || pngTextSaysWhere(bytes);
}

function xmpSaysWhere(bytes: Buffer): boolean {
  for (const needle of NEEDLES) {
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
      const text = bytes.toString('latin1', Math.max(0, at - WINDOW), Math.min(bytes.length, at + WINDOW));
      if (xmpStatesPosition(text) || xmpNamesPlace(text)) return true;
    }
  }
  return false;
}

/**
 * A PNG's text chunks, which may be compressed (zTXt, iTXt) or hold a record as hex (the "Raw
 * profile type iptc / xmp" that ImageMagick and exiftool write): looked at as text, and decoded.
 */
function pngTextSaysWhere(bytes: Buffer): boolean {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return false;
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + length));
    at += 12 + length;
    const text = chunkText(type, data);
    if (text && (xmpSaysWhere(text) || iimNamesPlace(text) || iimNamesPlace(hexProfile(text)))) return true;
  }
  return false;
}

/** A text chunk's text, inflated where compressed; null for other chunks, or one that cannot be read. */
function chunkText(type: string, data: Buffer): Buffer | null {
  const keywordEnd = data.indexOf(0);
  if (keywordEnd < 0) return null;
  try {
    if (type === 'tEXt') return data.subarray(keywordEnd + 1);
    if (type === 'zTXt') return zlib.inflateSync(data.subarray(keywordEnd + 2));
    if (type !== 'iTXt') return null;
    const compressed = data[keywordEnd + 1] === 1;
    // Then the compression method, a language tag and a translated keyword, each NUL-ended.
    const languageEnd = data.indexOf(0, keywordEnd + 3);
    const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
    if (translatedEnd < 0) return null;
    const text = data.subarray(translatedEnd + 1);
    return compressed ? zlib.inflateSync(text) : text;
  } catch {
    // A chunk that does not inflate ships as bytes no reader makes sense of.
    return null;
  }
}

/** "\nname\n   length\nhex..." (a raw profile) as the bytes it holds; empty when it is not one. */
function hexProfile(text: Buffer): Buffer {
  const m = /^\s*[^\n]+\n\s*\d+\s*\n([0-9a-fA-F\s]+)$/.exec(text.toString('latin1'));
  return m ? Buffer.from(m[1]!.replace(/\s+/g, ''), 'hex') : Buffer.alloc(0);
}
