// Turns a photo into CLIP's input the way CLIP's reference pipeline does (PIL + torchvision /
// CLIPImageProcessor): EXIF orientation applied, shortest side resized to the model size with
// bicubic, centre crop, [0,1], normalised by the model's mean/std, RGB, CHW float32.
// Embedded ICC profiles are NOT applied: CLIP was trained on pixels decoded without colour
// management, so converting would move inputs away from what the model has seen.
import sharp, { type Sharp } from 'sharp';
import type { ImagePreprocessing } from './model-folder';
import { cropRgb, resizeBicubicRgb } from './pil-resample';

/** A photo that could not be decoded, with a one-line reason. */
export class ImageDecodeError extends Error {
  override name = 'ImageDecodeError';
}

export interface PreprocessedImage {
  /** CHW float32, `size * size * 3` values. */
  pixels: Float32Array;
  /** Dimensions after EXIF orientation. */
  width: number;
  height: number;
}

/** torchvision's crop offset uses Python's round(), which rounds halves to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Size after "resize the shortest side to `size`", truncated as torchvision and HF do. */
export function resizedSize(width: number, height: number, pre: ImagePreprocessing): { width: number; height: number } {
  const s = pre.size;
  if (pre.resizeMode === 'squash') return { width: s, height: s };
  if (width <= height) return { width: s, height: Math.max(s, Math.floor((s * height) / width)) };
  return { width: Math.max(s, Math.floor((s * width) / height)), height: s };
}

export function cropOffset(resized: number, size: number, rounding: ImagePreprocessing['cropRounding']): number {
  const margin = (resized - size) / 2;
  return rounding === 'floor' ? Math.floor(margin) : roundHalfEven(margin);
}

export async function preprocessImage(input: string | Buffer, pre: ImagePreprocessing): Promise<PreprocessedImage> {
  const size = pre.size;
  try {
    const image = sharp(input, { autoOrient: true, ignoreIcc: true, sequentialRead: true });
    const meta = await image.metadata();
    const width = meta.autoOrient?.width ?? meta.width;
    const height = meta.autoOrient?.height ?? meta.height;
    if (!width || !height) throw new ImageDecodeError('image has no dimensions');
    const resized = resizedSize(width, height, pre);
    const left = cropOffset(resized.width, size, pre.cropRounding);
    const top = cropOffset(resized.height, size, pre.cropRounding);
    const enlarging = resized.width > width || resized.height > height;
    const rgb = enlarging
      ? await enlargeLikePil(image, resized, left, top, size)
      : await reduceWithLibvips(image, resized, left, top, size);
    return { pixels: toNormalisedChw(rgb, size, pre), width, height };
  } catch (err) {
    if (err instanceof ImageDecodeError) throw err;
    throw new ImageDecodeError(decodeReason(err));
  }
}

type Size = { width: number; height: number };

/**
 * libvips' cubic reduction matches PIL's antialiased bicubic closely, provided JPEG
 * shrink-on-load leaves it room: fastShrinkOnLoad would decode straight to ~1x the target
 * and cost several levels per pixel of fidelity.
 */
async function reduceWithLibvips(image: Sharp, resized: Size, left: number, top: number, size: number): Promise<Uint8Array> {
  const { data, info } = await image
    .resize(resized.width, resized.height, { fit: 'fill', kernel: 'cubic', fastShrinkOnLoad: false })
    .extract({ left, top, width: size, height: size })
    .removeAlpha()
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 || info.width !== size || info.height !== size) {
    throw new ImageDecodeError(`unexpected decoded shape ${info.width}x${info.height}x${info.channels}`);
  }
  return data;
}

/** Small photos: full decode (cheap at this size), then Pillow's exact bicubic. */
async function enlargeLikePil(image: Sharp, resized: Size, left: number, top: number, size: number): Promise<Uint8Array> {
  const { data, info } = await image.removeAlpha().toColourspace('srgb').raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new ImageDecodeError(`unexpected decoded channels ${info.channels}`);
  const big = resizeBicubicRgb(data, info.width, info.height, resized.width, resized.height);
  return cropRgb(big, resized.width, left, top, size);
}


/** HWC uint8 RGB → CHW float32, scaled to [0,1] and normalised per channel. */
export function toNormalisedChw(rgb: Uint8Array, size: number, pre: ImagePreprocessing): Float32Array {
  const plane = size * size;
  const out = new Float32Array(plane * 3);
  for (let c = 0; c < 3; c++) {
    // Fold /255, -mean and /std into one multiply-add per value.
    const scale = 1 / (255 * pre.std[c]!);
    const shift = -pre.mean[c]! / pre.std[c]!;
    const base = c * plane;
    for (let i = 0, j = c; i < plane; i++, j += 3) out[base + i] = rgb[j]! * scale + shift;
  }
  return out;
}

/** sharp's errors are multi-line libvips traces; the user needs the first meaningful line. */
function decodeReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const line = message.split('\n').map((s) => s.trim()).find(Boolean) ?? 'unknown error';
  if (/unsupported image format/i.test(line)) return 'not a supported image (unrecognised format)';
  if (/pixel limit/i.test(line)) return 'image too large (exceeds the pixel limit; decompression bomb?)';
  return line.slice(0, 300);
}
