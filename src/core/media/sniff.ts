// Tells a photo's format from its bytes, never from its name: photos arrive misnamed
// (a JPEG called .png), renamed by sync tools, or without an extension at all.
//
// Magic bytes in the first few dozen bytes settle most formats. Camera RAWs built on TIFF
// (NEF, ARW, DNG, PEF, SRW, and CR2 beyond its marker) share TIFF's header, so for TIFFs we
// also read IFD0 and its SubIFDs — a few hundred bytes near the start in every camera's
// layout — to look for sensor data. Give the whole file when you have it; a 64-byte prefix
// still sniffs everything except "plain TIFF or camera RAW".
import { imageMagic } from '../../shared/image-magic';
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
  // The magic numbers are shared with the app (its check of a file to search by), so the two
  // take and refuse the same files; only a TIFF needs more than them (tiffOrRaw).
  const magic = imageMagic(bytes);
  switch (magic) {
    case null:
      return null; // includes MP4, QuickTime, JPEG 2000 and other ISO-BMFF files: not photos we decode
    case 'jpeg':
      return { format: 'jpeg', mime: 'image/jpeg' };
    case 'png':
      return { format: 'png', mime: 'image/png' };
    case 'webp':
      return { format: 'webp', mime: 'image/webp' };
    case 'gif':
      return { format: 'gif', mime: 'image/gif' };
    case 'avif':
      return { format: 'avif', mime: 'image/avif' };
    case 'heic':
      return { format: 'heic', mime: 'image/heic' };
    case 'heif':
      // A HEIF naming no codec brand: libheif (heic.ts) is the decoder that reads any of them.
      return { format: 'heic', mime: 'image/heif' };
    case 'raf':
    case 'cr3':
    case 'orf':
    case 'rw2':
      return raw(magic); // the RAWs their own magic names
    case 'bigtiff':
      return { format: 'tiff', mime: 'image/tiff' };
    case 'tiff':
      return tiffOrRaw(bytes);
  }
}

function raw(flavour: RawFlavour): SniffResult {
  return { format: 'raw', mime: RAW_MIME[flavour], raw: flavour };
}

function tiffOrRaw(b: Uint8Array): SniffResult {
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
