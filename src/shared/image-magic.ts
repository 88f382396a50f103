// Which image format a file's first bytes announce, never its name: the magic numbers of every
// format the engine reads. The core's sniff (src/core/media/sniff.ts) starts from this and tells
// camera RAWs from plain TIFFs by reading further; the app checks a file dropped or picked to
// search by with it, before the view changes. ISO-BMFF is an image only by a photo's brands
// (HEIC, AVIF, Canon CR3): an MP4 or QuickTime movie starts with `ftyp` too, and is no image.

/**
 * A format told by its first bytes: `heif` is a HEIF naming no codec brand (libheif reads any),
 * `tiff` a TIFF header, which may still be a camera RAW (the core reads its IFDs to tell).
 */
export type ImageMagic = 'jpeg' | 'png' | 'webp' | 'gif' | 'raf' | 'cr3' | 'avif' | 'heic' | 'heif' | 'orf' | 'rw2' | 'bigtiff' | 'tiff';

/** How many first bytes tell every format (an ISO-BMFF file's compatible brands included). */
export const IMAGE_MAGIC_BYTES = 256;

/** ISO-BMFF brands (ftyp) of HEVC-coded HEIF, per ISO/IEC 23008-12. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** Generic HEIF structure brands: the codec is told by the compatible brands. */
const HEIF_STRUCTURE_BRANDS = new Set(['mif1', 'msf1', 'miaf', 'mif2']);
/** Canon CR3's brand. */
const CR3_BRAND = 'crx ';

const PNG_SIGNATURE = '\x89PNG\r\n\x1a\n';

/** The image format `bytes` start with, or null when they are no image's (or too few to tell). */
export function imageMagic(bytes: Uint8Array): ImageMagic | null {
  const b = bytes;
  if (b.length < 4) return null;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (ascii(b, 0, 8) === PNG_SIGNATURE) return 'png';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  const gif = ascii(b, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return 'gif';
  if (ascii(b, 0, 15) === 'FUJIFILMCCD-RAW') return 'raf';
  if (ascii(b, 4, 8) === 'ftyp') return isoBmffImage(b);
  return tiffFamily(b);
}

/** An ISO-BMFF file's image format by its brands; null for a movie (MP4, QuickTime), JPEG 2000 and the rest. */
function isoBmffImage(b: Uint8Array): ImageMagic | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const boxSize = view.getUint32(0);
  const major = ascii(b, 8, 12);
  const brands = new Set([major]);
  // Compatible brands follow the major brand and minor version, up to the box's end.
  for (let at = 16; at + 4 <= Math.min(boxSize, b.length, IMAGE_MAGIC_BYTES); at += 4) brands.add(ascii(b, at, at + 4));
  const has = (set: Set<string>) => [...brands].some((x) => set.has(x));

  if (major === CR3_BRAND) return 'cr3';
  if (AVIF_BRANDS.has(major)) return 'avif';
  if (HEIC_BRANDS.has(major)) return 'heic';
  if (HEIF_STRUCTURE_BRANDS.has(major) || has(HEIC_BRANDS) || has(AVIF_BRANDS)) {
    if (has(HEIC_BRANDS)) return 'heic';
    if (has(AVIF_BRANDS)) return 'avif';
    return 'heif';
  }
  return brands.has(CR3_BRAND) ? 'cr3' : null;
}

/** TIFF and the camera RAWs with a header of their own (Olympus ORF, Panasonic RW2), BigTIFF. */
function tiffFamily(b: Uint8Array): ImageMagic | null {
  const head = ascii(b, 0, 4);
  if (head === 'IIRO' || head === 'IIRS' || head === 'MMOR') return 'orf';
  if (head === 'IIU\0') return 'rw2';
  if (head === 'II+\0' || head === 'MM\0+') return 'bigtiff';
  return head === 'II*\0' || head === 'MM\0*' ? 'tiff' : null;
}

/** The bytes from `start` to `end` as Latin-1 text; '' when the file is shorter. */
function ascii(b: Uint8Array, start: number, end: number): string {
  if (b.length < end) return '';
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!);
  return s;
}
