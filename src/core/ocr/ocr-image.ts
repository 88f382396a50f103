// What recognizeText accepts (a photo file, its bytes, or decoded pixels) turned into one
// upright RGB raster, decoded the way the indexer decodes photos (src/core/media: HEIC,
// RAW previews, EXIF orientation, size guards). Large photos are decoded at most
// OCR_DECODE_SIDE on their long side: 1.6× the detector's 960, so a line it finds is cut out
// at a finer scale than it was found at, and low enough that JPEG shrink-on-load halves a
// 6-12 MP photo while decoding (a 6.3 MP frame here: ~70 ms CPU, against ~90 at 2048).
// A photo the user turned (Rotate) is read turned: the recogniser reads level text only (a
// line upside down or on its side the wrong way reads as nothing), so the raster, its size
// and the boxes found in it are the turned photo's.
import sharp from 'sharp';
import { turnedSize } from '../../shared/rotation';
import { MediaError, readSharpInput, toSharp, toSharpInput, type SharpInput } from '../media';
import { OcrError } from './ocr-error';

/** Decoded pixels, row-major, 1 (grey), 3 (RGB) or 4 (RGBA) channels of 8 bits. */
export interface OcrRaster {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
}

export type OcrImage = string | Buffer | OcrRaster;

export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
  /** Pixels of the upright original per pixel of this raster (1 when not reduced). */
  scale: number;
  /** The upright original's size (turned, when read turned). */
  originalWidth: number;
  originalHeight: number;
}

export const OCR_DECODE_SIDE = 1536;

/** The image as one RGB raster, upright, then turned by `turns` clockwise quarter turns (0-3). */
export async function readRgb(image: OcrImage, maxSide = OCR_DECODE_SIDE, turns = 0): Promise<RgbImage> {
  if (typeof image === 'string') return decodeInput(await readFileInput(image), maxSide, turns, image);
  if (Buffer.isBuffer(image)) return decodeInput(await toSharpInput(image).catch(rethrow('image bytes')), maxSide, turns, 'image bytes');
  return fromRaster(image, maxSide, turns);
}

async function readFileInput(file: string): Promise<SharpInput> {
  try {
    return await readSharpInput(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new OcrError(`${file}: no such file`, 'missing');
    if (code === 'EISDIR') throw new OcrError(`${file}: is a folder, not a photo`, 'missing');
    // The bytes were read and are not an image: that will not change.
    if (err instanceof MediaError) throw rethrow(file)(err);
    // EACCES, EIO, ESTALE, EBUSY, ETIMEDOUT...: the file may read fine next time (a NAS back).
    throw new OcrError(`${file}: cannot be read now (${code ?? (err instanceof Error ? err.message : String(err))})`, 'transient');
  }
}

function rethrow(what: string): (err: unknown) => never {
  return (err) => {
    const reason = err instanceof MediaError ? err.message : err instanceof Error ? err.message : String(err);
    throw new OcrError(`${what}: ${reason}`);
  };
}

async function decodeInput(input: SharpInput, maxSide: number, turns: number, what: string): Promise<RgbImage> {
  try {
    const meta = await toSharp(input, { autoOrient: true }).metadata();
    const { width: originalWidth, height: originalHeight } = turnedSize({ width: meta.autoOrient?.width ?? meta.width, height: meta.autoOrient?.height ?? meta.height }, turns);
    // Turning needs the whole image (no sequential read).
    const image = toSharp(input, { autoOrient: true, sequentialRead: turns === 0 });
    if (turns !== 0) image.rotate(turns * 90);
    const { data, info } = await image
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, scale: originalWidth / info.width, originalWidth, originalHeight };
  } catch (err) {
    throw new OcrError(`${what}: cannot be decoded (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
}

async function fromRaster(raster: OcrRaster, maxSide: number, turns: number): Promise<RgbImage> {
  const { width, height, channels, data } = raster ?? ({} as OcrRaster);
  const sizeOk = Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0;
  if (!sizeOk || ![1, 3, 4].includes(channels) || !(data instanceof Uint8Array) || data.length !== width * height * channels) {
    throw new OcrError(`not an image: expected a file path, image bytes or { data, width, height, channels } with width×height×channels bytes`);
  }
  const image = sharp(data, { raw: { width, height, channels } });
  if (turns !== 0) image.rotate(turns * 90);
  const { data: rgb, info } = await image
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const original = turnedSize({ width, height }, turns);
  return { data: rgb, width: info.width, height: info.height, scale: original.width / info.width, originalWidth: original.width, originalHeight: original.height };
}

