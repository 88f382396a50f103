// What recognizeText accepts (a photo file, its bytes, or decoded pixels) turned into one
// upright RGB raster, decoded the way the indexer decodes photos (src/core/media: HEIC,
// RAW previews, EXIF orientation, size guards). Large photos are decoded at most
// OCR_DECODE_SIDE on their long side: 1.6× the detector's 960, so a line it finds is cut out
// at a finer scale than it was found at, and low enough that JPEG shrink-on-load halves a
// 6-12 MP photo while decoding (a 6.3 MP frame here: ~70 ms CPU, against ~90 at 2048).
// A photo the user turned (Rotate) is read turned: the recogniser reads level text only (a
// line upside down or on its side the wrong way reads as nothing), so the raster, its size
// and the boxes found in it are the turned photo's.
// A picture with transparency (a PNG logo, a sticker, a screenshot of a window) is laid over
// a background that contrasts with what it draws: white under dark text, black under light
// text (by the mean luminance of its opaque pixels), since its transparent pixels' colour is
// mostly black, and black text over black reads as nothing.
import sharp, { type Sharp } from 'sharp';
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
    const { data, width, height } = await rgbOf(image.resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true }), meta.hasAlpha === true);
    return { data, width, height, scale: originalWidth / width, originalWidth, originalHeight };
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
  const rgb = await rgbOf(image.resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true }), channels === 4);
  const original = turnedSize({ width, height }, turns);
  return { data: rgb.data, width: rgb.width, height: rgb.height, scale: original.width / rgb.width, originalWidth: original.width, originalHeight: original.height };
}

/** The image as RGB bytes; one with an alpha channel laid over a background that contrasts with it. */
async function rgbOf(image: Sharp, hasAlpha: boolean): Promise<{ data: Uint8Array; width: number; height: number }> {
  if (!hasAlpha) {
    const { data, info } = await image.removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  }
  const { data, info } = await image.toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: flattenOnContrast(data), width: info.width, height: info.height };
}

/** Luminance at or above which the opaque pixels are light on the whole, and laid over black. */
const LIGHT = 128;

/**
 * RGBA bytes laid over white when their opaque pixels are dark on the whole (the mean
 * luminance, weighted by opacity, below LIGHT), else over black: RGB bytes.
 */
export function flattenOnContrast(rgba: Uint8Array): Uint8Array {
  const pixels = rgba.length / 4;
  let weight = 0;
  let luminance = 0;
  for (let i = 0; i < pixels; i++) {
    const a = rgba[i * 4 + 3]!;
    weight += a;
    luminance += a * (0.2126 * rgba[i * 4]! + 0.7152 * rgba[i * 4 + 1]! + 0.0722 * rgba[i * 4 + 2]!);
  }
  // Nothing opaque at all: white, as a viewer shows it.
  const background = weight === 0 || luminance / weight < LIGHT ? 255 : 0;
  const rgb = new Uint8Array(pixels * 3);
  for (let i = 0; i < pixels; i++) {
    const a = rgba[i * 4 + 3]! / 255;
    for (let c = 0; c < 3; c++) rgb[i * 3 + c] = Math.round(rgba[i * 4 + c]! * a + background * (1 - a));
  }
  return rgb;
}

