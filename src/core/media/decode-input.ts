// The single entry the indexer calls: a file's bytes → something sharp decodes. Formats
// libvips reads natively pass through untouched; HEIC becomes raw RGBA (heic.ts); camera
// RAW becomes its embedded JPEG preview (raw-preview.ts). Everything else, and anything
// whose header declares an absurd size, is refused with a one-line MediaError.
//
// Orientation contract: open the result with sharp's autoOrient (toSharp below does not
// force it; preprocess.ts and thumbnails pass `autoOrient: true`). JPEG/TIFF/WebP/PNG and RAW
// previews carry EXIF orientation that autoOrient applies; HEIC pixels are already upright
// and carry none.
//
// GIF: sharp decodes the first frame unless asked for `pages`/`animated` (checked by
// test/unit/media/decode-input.test.ts), and reports that frame's size in metadata().
import fs from 'node:fs';
import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import { MediaError, errorText } from './errors';
import { libvipsDetail } from './libvips-detail';
import { decodeHeic, type RawImage } from './heic';
import { extractRawPreview, uprightPreview } from './raw-preview';
import { sniffFormat, type ImageFormat } from './sniff';

export type SharpInput = Buffer | RawImage;

/** Refuse images over 200 megapixels or with a side over 65,000 px (decompression bombs). */
export const MAX_PIXELS = 200_000_000;
export const MAX_SIDE = 65_000;

/** A file by path, for the commands that take one (search by image, embed-image): the same
 *  formats as indexing (HEIC, RAW previews), and messages without sharp's internals. */
export async function readSharpInput(file: string): Promise<SharpInput> {
  return toSharpInput(await fs.promises.readFile(file));
}

export async function toSharpInput(buffer: Buffer, format: ImageFormat | null = sniffFormat(buffer)): Promise<SharpInput> {
  return (await toSharpInputWithHeader(buffer, format)).input;
}

/**
 * toSharpInput, plus the header it read from an encoded input (null for pixels from another
 * decoder): the indexer hands it to preprocessImage, which would otherwise read it again.
 */
export async function toSharpInputWithHeader(buffer: Buffer, format: ImageFormat | null = sniffFormat(buffer)): Promise<{ input: SharpInput; header: Metadata | null }> {
  if (buffer.length === 0) throw new MediaError('unrecognised', 'empty file (0 bytes)');
  // A format sniffed from the first bytes may say 'tiff' for a RAW whose SubIFDs lie further
  // in; libvips would then show its IFD0 (a thumbnail, or undemosaiced sensor data).
  if (format === 'tiff') format = sniffFormat(buffer) ?? format;
  switch (format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'avif':
    case 'gif':
    case 'tiff':
      return { input: buffer, header: await checkHeader(buffer, format.toUpperCase()) };
    case 'heic': {
      // libvips' libheif parses the container without an HEVC decoder: the size guard
      // runs before any pixel is decoded. Some HEIFs it cannot parse; libheif may still.
      await checkHeader(buffer, 'HEIC').catch((err: unknown) => {
        if (err instanceof MediaError && err.code === 'too-large') throw err;
      });
      const image = await decodeHeic(buffer);
      checkSize(image.info.width, image.info.height);
      return { input: image, header: null };
    }
    case 'raw': {
      const preview = extractRawPreview(buffer);
      if (!preview) throw new MediaError('no-preview', 'RAW file has no embedded preview');
      const jpeg = uprightPreview(preview);
      return { input: jpeg, header: await checkHeader(jpeg, 'RAW preview') };
    }
    default:
      throw new MediaError('unrecognised', 'not an image (unrecognised content)');
  }
}

/** Opens a toSharpInput result with sharp, whichever shape it has. */
export function toSharp(input: SharpInput, options: SharpOptions = {}): Sharp {
  return Buffer.isBuffer(input) ? sharp(input, options) : sharp(input.data, { ...options, raw: input.info });
}

/** Reads only the header (sharp's metadata() decodes no pixels) and applies the size limits. */
async function checkHeader(buffer: Buffer, what: string): Promise<Metadata> {
  let header: Metadata;
  try {
    // No pixel limit here: we want the declared size, to refuse it with our own reason.
    header = await sharp(buffer, { limitInputPixels: false }).metadata();
  } catch (err) {
    // sharp's prefix and libvips' loader and function names say nothing about the photo.
    throw new MediaError('unreadable', `unreadable ${what} header: ${libvipsDetail(errorText(err))}`);
  }
  const { width, height } = header;
  if (!width || !height) throw new MediaError('unreadable', `unreadable ${what} header: no dimensions`);
  checkSize(width, height);
  return header;
}

function checkSize(width: number, height: number): void {
  const reason = tooLargeReason(width, height);
  if (reason) throw new MediaError('too-large', reason);
}

/** Why a declared size is refused (the limit it passes), or null when it is within both. */
export function tooLargeReason(width: number, height: number): string | null {
  const side = Math.max(width, height);
  if (side > MAX_SIDE) return `image too large: ${width}x${height} (${side.toLocaleString('en-US')} px a side; the limit is ${MAX_SIDE.toLocaleString('en-US')}; decompression bomb?)`;
  if (width * height > MAX_PIXELS) return `image too large: ${width}x${height} (${Math.round((width * height) / 1e6)} MP; the limit is ${MAX_PIXELS / 1e6} MP; decompression bomb?)`;
  return null;
}
