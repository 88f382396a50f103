// Tells a photo's format from its bytes, never from its name: photos arrive misnamed
// (a JPEG called .png), renamed by sync tools, or without an extension at all.
//
// Magic bytes in the first few dozen bytes settle most formats. Camera RAWs built on TIFF
// (NEF, ARW, DNG, PEF, SRW, and CR2 beyond its marker) share TIFF's header, so for TIFFs we
// also read IFD0 and its SubIFDs — a few hundred bytes near the start in every camera's
// layout — to look for sensor data. Give the whole file when you have it; a 64-byte prefix
// still sniffs everything except "plain TIFF or camera RAW".
import { RAW_PHOTOMETRIC, TAG, TiffReader } from './tiff';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'tiff' | 'heic' | 'raw';

export type RawFlavour = 'cr2' | 'cr3' | 'nef' | 'arw' | 'dng' | 'orf' | 'rw2' | 'pef' | 'srw' | 'raf' | 'raw';

export interface SniffResult {
  format: ImageFormat;
  mime: string;
  /** Which camera RAW, when format is 'raw' ('raw' when the maker is not one we name). */
  raw?: RawFlavour;
}

const RAW_MIME: Record<RawFlavour, string> = {
  cr2: 'image/x-canon-cr2',
  cr3: 'image/x-canon-cr3',
  nef: 'image/x-nikon-nef',
  arw: 'image/x-sony-arw',
  dng: 'image/x-adobe-dng',
  orf: 'image/x-olympus-orf',
  rw2: 'image/x-panasonic-rw2',
  pef: 'image/x-pentax-pef',
  srw: 'image/x-samsung-srw',
  raf: 'image/x-fuji-raf',
  raw: 'image/x-dcraw',
};

/** ISO-BMFF brands (ftyp) of HEVC-coded HEIF, per ISO/IEC 23008-12. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** Generic HEIF structure brands: the codec is told by the compatible brands. */
const HEIF_STRUCTURE_BRANDS = new Set(['mif1', 'msf1', 'miaf', 'mif2']);

/**
 * Compressions that only camera RAWs use: Sony ARW (32767), packed/Samsung raw (32769,
 * 32770, 32772), Nikon NEF (34713), Kodak (65000), Pentax PEF (65535). (32773 is PackBits,
 * an ordinary TIFF compression, so it is not here.)
 */
const RAW_COMPRESSION = new Set([32767, 32769, 32770, 32772, 34713, 65000, 65535]);

export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  return sniffImage(bytes)?.format ?? null;
}

export function sniffImage(bytes: Uint8Array): SniffResult | null {
  const b = bytes;
  if (b.length < 4) return null;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { format: 'jpeg', mime: 'image/jpeg' };
  if (startsWith(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { format: 'png', mime: 'image/png' };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return { format: 'webp', mime: 'image/webp' };
  const gif = ascii(b, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return { format: 'gif', mime: 'image/gif' };
  if (ascii(b, 0, 15) === 'FUJIFILMCCD-RAW') return raw('raf');
  if (ascii(b, 4, 8) === 'ftyp') return sniffIsoBmff(b);
  return sniffTiffFamily(b);
}

function raw(flavour: RawFlavour): SniffResult {
  return { format: 'raw', mime: RAW_MIME[flavour], raw: flavour };
}

function sniffIsoBmff(b: Uint8Array): SniffResult | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const boxSize = b.length >= 4 ? view.getUint32(0) : 0;
  const major = ascii(b, 8, 12);
  const brands = new Set([major]);
  // Compatible brands follow the major brand and minor version, up to the box's end.
  for (let at = 16; at + 4 <= Math.min(boxSize, b.length, 256); at += 4) brands.add(ascii(b, at, at + 4));
  const has = (set: Set<string>) => [...brands].some((x) => set.has(x));

  if (major === 'crx ') return raw('cr3');
  if (AVIF_BRANDS.has(major)) return { format: 'avif', mime: 'image/avif' };
  if (HEIC_BRANDS.has(major)) return { format: 'heic', mime: 'image/heic' };
  if (HEIF_STRUCTURE_BRANDS.has(major) || has(HEIC_BRANDS) || has(AVIF_BRANDS)) {
    if (has(HEIC_BRANDS)) return { format: 'heic', mime: 'image/heic' };
    if (has(AVIF_BRANDS)) return { format: 'avif', mime: 'image/avif' };
    // A HEIF naming no codec brand: libheif (heic.ts) is the decoder that reads any of them.
    return { format: 'heic', mime: 'image/heif' };
  }
  if (brands.has('crx ')) return raw('cr3');
  return null; // MP4, QuickTime, JPEG 2000 and other ISO-BMFF files are not photos we decode
}

function sniffTiffFamily(b: Uint8Array): SniffResult | null {
  const head = ascii(b, 0, 4);
  if (head === 'IIRO' || head === 'IIRS' || head === 'MMOR') return raw('orf');
  if (head === 'IIU\0') return raw('rw2');
  if (head === 'II+\0' || head === 'MM\0+') return { format: 'tiff', mime: 'image/tiff' }; // BigTIFF
  if (head !== 'II*\0' && head !== 'MM\0*') return null;
  // Canon CR2 marks itself right after the TIFF header: "CR" and major version 2.
  if (b.length >= 11 && b[8] === 0x43 && b[9] === 0x52 && b[10] === 2) return raw('cr2');
  const flavour = tiffRawFlavour(b);
  return flavour ? raw(flavour) : { format: 'tiff', mime: 'image/tiff' };
}

/**
 * A TIFF is a camera RAW when it declares itself a DNG or when one of its first IFDs holds
 * sensor data (CFA / LinearRaw photometric, or a RAW-only compression). The maker name alone
 * is not enough: a TIFF exported from a Nikon photo keeps Make = NIKON.
 */
function tiffRawFlavour(b: Uint8Array): RawFlavour | null {
  const tiff = TiffReader.open(b);
  if (!tiff) return null;
  const ifds = tiff.walk(8);
  const ifd0 = ifds[0]?.ifd;
  if (!ifd0) return null;
  if (ifd0.entries.has(TAG.DngVersion)) return 'dng';
  const sensorData = ifds.some(({ ifd }) => {
    const photometric = tiff.first(ifd, TAG.Photometric);
    const compression = tiff.first(ifd, TAG.Compression);
    return (photometric !== undefined && RAW_PHOTOMETRIC.has(photometric)) || (compression !== undefined && RAW_COMPRESSION.has(compression));
  });
  if (!sensorData) return null;
  const make = (tiff.ascii(ifd0, TAG.Make) ?? '').toUpperCase();
  if (make.startsWith('NIKON')) return 'nef';
  if (make.startsWith('SONY')) return 'arw';
  if (make.startsWith('PENTAX') || make.startsWith('RICOH')) return 'pef';
  if (make.startsWith('SAMSUNG')) return 'srw';
  if (make.startsWith('CANON')) return 'cr2';
  if (make.startsWith('OLYMPUS') || make.startsWith('OM DIGITAL')) return 'orf';
  if (make.startsWith('PANASONIC')) return 'rw2';
  return 'raw';
}

function startsWith(b: Uint8Array, at: number, sig: number[]): boolean {
  if (b.length < at + sig.length) return false;
  return sig.every((v, i) => b[at + i] === v);
}

function ascii(b: Uint8Array, start: number, end: number): string {
  if (b.length < end) return '';
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!);
  return s;
}
