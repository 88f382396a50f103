// Turns a photo into CLIP's input the way CLIP's reference pipeline does (PIL + torchvision /
// CLIPImageProcessor): EXIF orientation applied, shortest side resized to the model size with
// bicubic, centre crop, [0,1], normalised by the model's mean/std, RGB, CHW float32.
// Embedded ICC profiles are NOT applied: CLIP was trained on pixels decoded without colour
// management, so converting would move inputs away from what the model has seen.
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { ImagePreprocessing } from './model-folder';
import { cropRgb, resizeBicubicRgb } from './pil-resample';

/** A photo that could not be decoded, with a one-line reason. */
export class ImageDecodeError extends Error {
  override name = 'ImageDecodeError';
}

export interface PreprocessedImage {
  /** The model input as packed 8-bit RGB, `size * size * 3` bytes (resized and cropped). */
  rgb: Uint8Array;
  /**
   * The model input as CHW float32, normalised, `size * size * 3` values: made on first read.
   * The pipeline normalises `rgb` straight into its batch instead (image-pipeline.ts).
   */
  readonly pixels: Float32Array;
  /** Dimensions after EXIF orientation. */
  width: number;
  height: number;
  /** JPEG thumbnail, when asked for. */
  thumbnail?: Buffer;
  /** The thumbnail's pixels before JPEG encoding (packed RGB): the duplicate signature's raster. */
  thumbnailPixels?: { data: Buffer; width: number; height: number };
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

/** What sharp can decode: a file, its bytes, or raw pixels from another decoder (HEIC). */
export type ImageInput = string | Buffer | { data: Buffer; info: { width: number; height: number; channels: 1 | 2 | 3 | 4 } };

export interface PreprocessOptions {
  /** Also make a JPEG thumbnail, this many pixels on its long side, from the same decode. */
  thumbnailSize?: number;
  /**
   * The encoded input's header, when the caller read it already (media's toSharpInputWithHeader):
   * not read again. It must be this very input's (its size and orientation are trusted).
   */
  header?: Pick<Metadata, 'width' | 'height' | 'format' | 'autoOrient'> | null;
  /**
   * Clockwise quarter turns the user gave the photo (Rotate): the model sees it turned, as
   * the user does, exactly as if its file had been turned. The thumbnail stays as the file
   * shows it (the turn is applied when it is served), so every copy shares one thumbnail.
   */
  turns?: number;
}

/**
 * When a thumbnail is wanted (indexing), the photo is decoded once, to a raster a few times
 * the model's resize target (decodeRaster says which), and both the model input and the
 * thumbnail are cut from that raster; otherwise (embed-image, search by image) the input is
 * reduced directly.
 */
export async function preprocessImage(input: ImageInput, pre: ImagePreprocessing, options: PreprocessOptions = {}): Promise<PreprocessedImage> {
  const size = pre.size;
  try {
    const image = typeof input === 'string' || Buffer.isBuffer(input)
      ? sharp(input, { autoOrient: true, ignoreIcc: true, sequentialRead: true })
      : sharp(input.data, { raw: input.info });
    const meta = (Buffer.isBuffer(input) && options.header) || (await image.metadata());
    const width = meta.autoOrient?.width ?? meta.width;
    const height = meta.autoOrient?.height ?? meta.height;
    if (!width || !height) throw new ImageDecodeError('image has no dimensions');
    const turns = (((options.turns ?? 0) % 4) + 4) % 4;
    // The photo as the model sees it: turned sideways, its width is the file's height.
    const seen = turns % 2 === 1 ? { width: height, height: width } : { width, height };
    const resized = resizedSize(seen.width, seen.height, pre);
    const left = cropOffset(resized.width, size, pre.cropRounding);
    const top = cropOffset(resized.height, size, pre.cropRounding);

    const enlarging = resized.width > seen.width || resized.height > seen.height;
    if (!enlarging && !options.thumbnailSize) {
      // Nothing else to cut from the decode: one direct reduction, with JPEG shrink-on-load
      // free to go further (about 20 ms less per 6 MP photo than the 3x raster). libvips
      // turns the decoded photo (after its EXIF orientation) before it resizes.
      return preprocessed(await reduceDirect(turns ? image.rotate(turns * 90) : image, resized, left, top, size), pre, { width, height });
    }
    // The raster as the file shows it (the thumbnail's source), then turned for the model.
    const upright = turns % 2 === 1 ? { width: resized.height, height: resized.width } : resized;
    const decoded = await decodeRaster(image, meta.format, width, height, upright);
    const raster = turns ? await turnRaster(decoded, turns) : decoded;
    const rgb = enlarging
      ? cropRgb(resizeBicubicRgb(raster.data, raster.width, raster.height, resized.width, resized.height), resized.width, left, top, size)
      : await reduceWithLibvips(raster, resized, left, top, size);
    const thumbnail = options.thumbnailSize ? await makeThumbnail(decoded, options.thumbnailSize) : undefined;
    return preprocessed(rgb, pre, { width, height, ...(thumbnail ? { thumbnail: thumbnail.jpeg, thumbnailPixels: thumbnail.pixels } : {}) });
  } catch (err) {
    if (err instanceof ImageDecodeError) throw err;
    throw new ImageDecodeError(decodeReason(err));
  }
}

type Size = { width: number; height: number };
type Raster = { data: Buffer; width: number; height: number };

/**
 * Decodes to packed 8-bit RGB the raster both the model input and the thumbnail are cut from.
 *
 * JPEG (what cameras and phones write, and most of a library): the entropy decoding is the
 * same whatever the scale, so the cost is in how many pixels come out of the inverse DCT and
 * in every resize after. The raster comes straight from libjpeg's DCT scaling, by the factor
 * sharp's own one-step reduction would pick for the model input (it leaves at least 2x for the
 * final cubic step): 1/4 for a 12 MP photo, a 1000x750 raster, 3.4x the model's 298x224 and
 * more than the 384 px thumbnail. Asking sharp for exactly 1/s of the photo would make it
 * halve s ("known libjpeg rounding errors"), so the raster is at most 1/(s+1): the DCT-scaled
 * decode plus one cubic step; and at most twice the model's resize target (597x448 for a
 * 12 MP photo; the thumbnail still fits), which makes every later step (the model's cubic 2x,
 * the thumbnail's) and the copy to JavaScript smaller: ~3.5 ms less CPU per 12 MP photo than
 * 1/(s+1) alone (800x600). The input differs from Pillow's by 0.18 levels on average over the
 * fidelity bench's photos, worst photo 0.48 (unchanged: their rasters are 1/(s+1) anyway),
 * and by 0.38 / 0.45 on 12 camera-like 4-15 MP photos with sensor grain (0.28 / 0.39 at
 * 1/(s+1)); the agreed tolerance is 0.5 / 2. (A 3x raster at half scale: 0.16 / 0.26, for
 * ~35% more CPU per 12 MP photo; the thumbnail-sized raster as the model's source: 0.82 / 2.04.)
 *
 * Other formats (and JPEGs too small to shrink on load): at three times the resize target
 * when the photo is larger than that, else at full size (small photos are enlarged by the
 * Pillow port, which needs the original pixels). 0.155 levels mean, worst 0.264.
 */
/** The JPEG raster's largest size, in multiples of the model's resize target (see decodeRaster). */
const JPEG_RASTER_SCALE = 2;

async function decodeRaster(image: Sharp, format: string | undefined, width: number, height: number, resized: Size): Promise<Raster> {
  const shrink = format === 'jpeg' ? jpegShrinkOnLoad(Math.min(width / resized.width, height / resized.height)) : 1;
  const targetW = shrink > 1 ? Math.min(Math.floor(width / (shrink + 1)), JPEG_RASTER_SCALE * resized.width) : Math.min(width, resized.width * 3);
  const targetH = shrink > 1 ? Math.min(Math.floor(height / (shrink + 1)), JPEG_RASTER_SCALE * resized.height) : Math.min(height, resized.height * 3);
  const pipeline = targetW < width || targetH < height
    ? image.resize(targetW, targetH, { fit: 'fill', kernel: 'cubic', fastShrinkOnLoad: true })
    : image;
  const { data, info } = await pipeline.removeAlpha().toColourspace('srgb').raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new ImageDecodeError(`unexpected decoded channels ${info.channels}`);
  return { data, width: info.width, height: info.height };
}

/** A raster turned clockwise by quarter turns (lossless: pixels moved, none resampled). */
async function turnRaster(raster: Raster, turns: number): Promise<Raster> {
  const { data, info } = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } })
    .rotate(turns * 90)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The DCT scaling sharp uses for a one-step reduction by `shrink` (fastShrinkOnLoad off). */
function jpegShrinkOnLoad(shrink: number): number {
  return shrink >= 16 ? 8 : shrink >= 8 ? 4 : shrink >= 4 ? 2 : 1;
}

/** libvips' cubic reduction, which matches Pillow's antialiased bicubic to a fraction of a level. */
async function reduceWithLibvips(raster: Raster, resized: Size, left: number, top: number, size: number): Promise<Uint8Array> {
  if (raster.width === resized.width && raster.height === resized.height) return cropRgb(raster.data, raster.width, left, top, size);
  const { data, info } = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } })
    .resize(resized.width, resized.height, { fit: 'fill', kernel: 'cubic' })
    .extract({ left, top, width: size, height: size })
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 || info.width !== size || info.height !== size) {
    throw new ImageDecodeError(`unexpected decoded shape ${info.width}x${info.height}x${info.channels}`);
  }
  return data;
}

/** The model input straight from the photo, when no thumbnail shares the decode. */
async function reduceDirect(image: Sharp, resized: Size, left: number, top: number, size: number): Promise<Uint8Array> {
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

/** The thumbnail: reduced once, kept as pixels (for the signature) and encoded as JPEG. */
async function makeThumbnail(raster: Raster, longSide: number): Promise<{ jpeg: Buffer; pixels: Raster }> {
  const { data, info } = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } })
    .resize(longSide, longSide, { fit: 'inside', withoutEnlargement: true, kernel: 'cubic' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Huffman tables not optimised: the same pixels, 2% larger files, 40% less encoding CPU.
  const jpeg = await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } }).jpeg({ quality: 82, optimiseCoding: false }).toBuffer();
  return { jpeg, pixels: { data, width: info.width, height: info.height } };
}

/** The decoded model input, its float form made only if asked for. */
function preprocessed(rgb: Uint8Array, pre: ImagePreprocessing, rest: Omit<PreprocessedImage, 'rgb' | 'pixels'>): PreprocessedImage {
  let pixels: Float32Array | undefined;
  return {
    rgb,
    get pixels() {
      return (pixels ??= toNormalisedChw(rgb, pre.size, pre));
    },
    ...rest,
  };
}

/**
 * HWC uint8 RGB → CHW float32, scaled to [0,1] and normalised per channel; written into `out`
 * at `offset` when given (a batch), else into a new array.
 */
export function toNormalisedChw(rgb: Uint8Array, size: number, pre: ImagePreprocessing, out = new Float32Array(3 * size * size), offset = 0): Float32Array {
  const plane = size * size;
  for (let c = 0; c < 3; c++) {
    // Fold /255, -mean and /std into one multiply-add per value.
    const scale = 1 / (255 * pre.std[c]!);
    const shift = -pre.mean[c]! / pre.std[c]!;
    const base = offset + c * plane;
    for (let i = 0, j = c; i < plane; i++, j += 3) out[base + i] = rgb[j]! * scale + shift;
  }
  return out;
}

/** What a photo whose data is damaged or cut short fails with, wherever it is read. */
export const DAMAGED_IMAGE_REASON = 'damaged image data (the decoder stopped at a corrupt part)';

/**
 * What each decoder says when the data stops or breaks mid-image (a copy cut short, a card
 * pulled out mid-write): libjpeg, libpng ("libpng read error"), libtiff's JPEG tiles (their
 * tables in the part cut off), libheif for AVIF ("bad seek" past the end). One reason for all,
 * so a cut PNG reads as a cut JPEG does, not as the decoder's own words.
 */
const CUT_SHORT = /^(Corrupt JPEG data|premature end of)|libpng read error|bad seek|unexpected end|truncated|not enough data|Quantization table .* not defined/i;

/** sharp's errors are multi-line libvips traces; the user needs the first meaningful line. */
function decodeReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // libvips prefixes its loader ("VipsJpeg: ...") and may add a line about its failOn setting
  // and lines naming the tiles it could not make; none tells the user anything about their
  // photo. The decoder's own warning ("Corrupt JPEG data: …") can be missing: libvips keeps one
  // error buffer for every thread, and another decode at the same time may take it.
  const damaged = /treated as error due to failOn/i.test(message);
  // Loader names come as "VipsJpeg:", "vipspng:" or "tiff2vips:": none is the user's business.
  const line =
    message
      .split('\n')
      .map((s) => s.trim().replace(/^(vips\w*|\w+2vips):\s*/i, ''))
      .find((s) => s && !/treated as error due to failOn|^error in tile/i.test(s)) ?? (damaged ? DAMAGED_IMAGE_REASON : 'unknown error');
  // The same damage is one reason, whichever of libjpeg's lines (or none, above) a decode got:
  // `index` decoding beside others and `similar` or `embed-image` decoding alone said the
  // same file's failure in different words.
  if (damaged || CUT_SHORT.test(line)) return DAMAGED_IMAGE_REASON;
  if (/unsupported image format/i.test(line)) return 'not a supported image (unrecognised format)';
  if (/pixel limit/i.test(line)) return 'image too large (exceeds the pixel limit; decompression bomb?)';
  return line.slice(0, 300);
}
