// The caption another app wrote for a photo (Lightroom's "Caption", digiKam's and Photoshop's
// "Description", Apple Photos' on export): what `shoebox description import` brings in as the
// photo's description, so years of captions are not left behind when a user switches. Read in
// the order those apps write and read them: an XMP sidecar's dc:description (the sidecar is what
// they keep up to date for RAW and often JPEG), the photo's own XMP dc:description, its IPTC
// Caption-Abstract, then EXIF ImageDescription, which cameras fill with their own name
// ("OLYMPUS DIGITAL CAMERA", "KONICA MINOLTA DIGITAL CAMERA", the model again: measured on the
// EXIF samples of ../shared): such a text is no caption and is left out.
import { DOMParser } from '@xmldom/xmldom';
import exifr from 'exifr';

const OPTIONS = {
  ifd0: { pick: ['ImageDescription', 'Make', 'Model'] },
  exif: false,
  gps: false,
  ifd1: false,
  interop: false,
  makerNote: false,
  userComment: false,
  xmp: true,
  iptc: true,
  icc: false,
  jfif: false,
  ihdr: false,
  translateValues: false,
  reviveValues: false,
  mergeOutput: false,
};

/** The text segments of a photo as exifr reads them (IFD0's description, XMP, IPTC), by segment. */
export type TextTags = Record<string, Record<string, unknown> | undefined>;

const DC = 'http://purl.org/dc/elements/1.1/';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** What cameras and scanners write as ImageDescription without anyone typing it. */
const NOT_A_CAPTION = /digital camera|^(sony )?dsc\b|^dcim\b|^exif_jpeg_picture$|^untitled\b|^default$|^(image|picture|photo)( \d+)?$|^lead technologies|^camera$/i;

/** The photo's caption (trimmed), or null when it has none. `photo`: its bytes, or its path
 *  (exifr then reads only the parts of the file it needs). */
export async function readCaption(photo: Uint8Array | string, sidecarXml: string | null = null): Promise<string | null> {
  return (sidecarXml === null ? null : sidecarCaption(sidecarXml)) ?? captionFromTags(await readTextTags(photo));
}

/**
 * The segments other apps write text into (a caption, keywords: media/keywords.ts), in one
 * read; null when the photo's metadata cannot be parsed. Throws when a path cannot be read now.
 */
export async function readTextTags(photo: Uint8Array | string): Promise<TextTags | null> {
  try {
    return ((await exifr.parse(photo, OPTIONS)) as TextTags | undefined) ?? null;
  } catch (err) {
    // A file that cannot be read now is the caller's to report; unreadable metadata holds no text.
    if (typeof photo === 'string' && (err as NodeJS.ErrnoException).code) throw err;
    return null;
  }
}

/** The caption in the photo's own segments: XMP dc:description, IPTC Caption-Abstract, a real EXIF ImageDescription. */
export function captionFromTags(tags: TextTags | null): string | null {
  if (!tags) return null;
  const xmp = altText(tags.dc?.description);
  if (xmp) return xmp;
  const iptc = clean(iptcText(tags.iptc?.Caption));
  if (iptc) return iptc;
  const exif = clean(tags.ifd0?.ImageDescription);
  return exif && !byTheCamera(exif, tags.ifd0) ? exif : null;
}

/** dc:description of an XMP sidecar (its x-default language, else the first), or null. */
export function sidecarCaption(xml: string): string | null {
  let doc;
  try {
    doc = new DOMParser({ onError: () => {} }).parseFromString(xml, 'text/xml');
  } catch {
    return null; // not XML: no caption
  }
  const description = doc.getElementsByTagNameNS(DC, 'description')[0];
  if (!description) return null;
  // The usual form: <rdf:Alt><rdf:li xml:lang="x-default">…; a bare text value also occurs.
  const items = Array.from(description.getElementsByTagNameNS(RDF, 'li'));
  const chosen = items.find((li) => li.getAttribute('xml:lang') === 'x-default') ?? items[0];
  return clean(chosen ? chosen.textContent : description.textContent);
}

/** exifr's XMP language alternative: { lang, value }, an array of them, or a plain string. */
function altText(value: unknown): string | null {
  if (Array.isArray(value)) return altText(value.find((v) => (v as { lang?: string })?.lang === 'x-default') ?? value[0]);
  if (value && typeof value === 'object' && 'value' in value) return clean((value as { value: unknown }).value);
  return clean(value);
}

/** exifr reads IPTC strings byte for byte (Latin-1) whatever their coded character set; most
 *  apps write UTF-8 there, so text whose bytes are valid UTF-8 is read as UTF-8. */
export function iptcText(value: unknown): unknown {
  // Only text of single bytes with some above ASCII can be UTF-8 read byte for byte.
  if (typeof value !== 'string' || !/[\u0080-\u00ff]/.test(value) || [...value].some((c) => c.charCodeAt(0) > 0xff)) return value;
  const utf8 = Buffer.from(value, 'latin1').toString('utf8');
  return utf8.includes('\ufffd') ? value : utf8;
}

function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.split('\0')[0]!.trim();
  return /\p{L}|\p{N}/u.test(text) ? text : null;
}

/** A camera's own ImageDescription: its make or model again, or a known default. */
function byTheCamera(text: string, ifd0: Record<string, unknown> | undefined): boolean {
  const lower = text.toLowerCase();
  const names = [ifd0?.Make, ifd0?.Model].map((v) => clean(v)?.toLowerCase()).filter((v): v is string => !!v);
  return NOT_A_CAPTION.test(text) || names.some((n) => lower === n || (lower.includes(n) && text.split(/\s+/).length <= 4));
}
