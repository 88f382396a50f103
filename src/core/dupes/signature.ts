// The perceptual signature behind near-duplicate detection: DCT hashes of the photo's centred
// square at 16 scales, so that two versions of one photo can be compared crop-to-crop.
//
// Why several scales: the edits we must see through (resize, re-encode, brightness, a 5%
// border crop, centre crops to 16:10 / 4:3 / 16:9 as wallpaper packs do, and mixes of them)
// all keep the centre of the picture and change only how much of it is shown. If Y shows a
// fraction s of what X shows (along the short side), Y's largest centred square is X's
// centred square of side s * X's short side. The signature holds view k = the centred square
// of side 0.95^k * short side, k = 0..15 (down to 0.46), so a matching pair is "Y's view 0
// against X's view k" with k = log(s)/log(0.95), within 2.5% in scale; and Y's view t then
// matches X's view k + t all the way down, which the verification uses.
//
// Each view is the square averaged exactly (area sampling) onto a 32x32 grey grid, then
// DCT-transformed. Two hashes per view, both blind to brightness and contrast changes
// (a DCT's AC coefficients scale with contrast and ignore the mean):
//  - `low`, 64 bits: the 64 lowest AC frequencies (zigzag), each above or below their median
//    (pHash's rule). Coarse and robust: it finds candidates (multi-index hashing, near-index.ts).
//  - `mid`, 192 bits: the signs of the next 192 frequencies. Finer detail, which another
//    viewpoint of the same scene (consecutive frames) does not share: it verifies.
//
// The signature is computed from the library's thumbnail raster (384 px, the same decode as
// the embedding): while indexing from its pixels before JPEG encoding (no decode), later from
// the stored thumbnail JPEG. The two differ only by quality-82 JPEG noise, which the hashes
// are built to see through (re-encoding is one of the edits above).
import sharp, { type Sharp } from 'sharp';
import { LowFrequencyDct } from './dct';
import { scanGrey } from './grey-scan';
import { AreaSampler } from './raster';

/** Bump when the computation changes: stored signatures of another version are recomputed. */
export const SIGNATURE_VERSION = 1;
export const VIEW_COUNT = 16;
/** Side of view k = short side * VIEW_SCALE_STEP^k. */
export const VIEW_SCALE_STEP = 0.95;
const GRID = 32;
const LOW_BITS = 64;
const MID_BITS = 192;
/** 32-bit words per view: 2 for `low`, 6 for `mid`. */
export const VIEW_WORDS = (LOW_BITS + MID_BITS) / 32;
export const SIGNATURE_WORDS = VIEW_COUNT * VIEW_WORDS;
export const SIGNATURE_BYTES = SIGNATURE_WORDS * 4;

/** Long side of the raster a signature is computed from (the library's thumbnail size). */
export const SIGNATURE_RASTER_SIDE = 384;

export interface PerceptualSignature {
  version: number;
  /** VIEW_COUNT views of VIEW_WORDS little-endian 32-bit words: `low` (2 words) then `mid` (6). */
  bytes: Uint8Array;
  /** Variance of the Laplacian of the grey image (focus measure for keep-best), >= 0. */
  sharpness: number;
}

let dct: LowFrequencyDct | undefined;
// Scratch reused by every call (the worker computes one signature after another, each one
// synchronously): a photo's signature allocates only its result.
const grid = new Float64Array(GRID * GRID);
const low = new Float64Array(LOW_BITS);
const sortedLow = new Float64Array(LOW_BITS);
let coefficients: Float64Array<ArrayBuffer> | undefined;

/**
 * Bit position of the t-th low coefficient: coefficients t = c, c+4, c+8, ... fill bits
 * 16c..16c+15, so each 16-bit chunk that multi-index hashing keys on mixes all frequencies
 * (a chunk of only the lowest ones would put most photos in a few buckets).
 */
const lowBit = (t: number): number => (t % 4) * 16 + Math.floor(t / 4);

/**
 * The signature of a packed 8-bit raster (RGB, or RGBA with `channels` 4), upright. Any size
 * works (sampling is by area); the library passes its 384-px thumbnail.
 */
export function perceptualSignature(rgb: Uint8Array, width: number, height: number, channels = 3): PerceptualSignature {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new Error(`invalid raster size ${width}x${height}`);
  // Grey, its summed-area table and its sharpness in one pass (grey-scan.ts).
  const scan = scanGrey(rgb, width, height, channels);
  const sampler = new AreaSampler(scan, width, height);
  dct ??= new LowFrequencyDct(GRID, 1 + LOW_BITS + MID_BITS);
  coefficients ??= new Float64Array(dct.coefficients);
  const words = new Uint32Array(SIGNATURE_WORDS);
  const short = Math.min(width, height);
  for (let k = 0; k < VIEW_COUNT; k++) {
    const side = short * VIEW_SCALE_STEP ** k;
    const x0 = (width - side) / 2;
    const y0 = (height - side) / 2;
    sampler.sample(x0, y0, x0 + side, y0 + side, GRID, GRID, grid);
    dct.transform(grid, coefficients);
    const base = k * VIEW_WORDS;
    // coefficients[0] is DC (the mean): not used.
    for (let t = 0; t < LOW_BITS; t++) low[t] = coefficients[1 + t]!;
    const median = medianOf(low);
    for (let t = 0; t < LOW_BITS; t++) {
      if (low[t]! > median) {
        const bit = lowBit(t);
        words[base + (bit >>> 5)]! |= 1 << (bit & 31);
      }
    }
    for (let t = 0; t < MID_BITS; t++) {
      if (coefficients[1 + LOW_BITS + t]! > 0) words[base + 2 + (t >>> 5)]! |= 1 << (t & 31);
    }
  }
  return { version: SIGNATURE_VERSION, bytes: wordsToBytes(words), sharpness: scan.sharpness };
}

function medianOf(values: Float64Array): number {
  const sorted = sortedLow;
  sorted.set(values);
  sorted.sort();
  const mid = sorted.length >> 1;
  return (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The signature of an encoded image (the thumbnail JPEG the indexer has in memory). */
export async function signatureFromJpeg(image: Uint8Array): Promise<PerceptualSignature> {
  const { data, info } = await sharp(image, { autoOrient: true }).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return perceptualSignature(data, info.width, info.height, info.channels);
}

/**
 * The signature of something sharp opens (a photo's bytes, or raw pixels from another
 * decoder), reduced the way thumbnails are, for photos whose thumbnail is missing.
 */
export async function signatureFromImage(image: Sharp): Promise<PerceptualSignature> {
  const { data, info } = await image
    .resize(SIGNATURE_RASTER_SIDE, SIGNATURE_RASTER_SIDE, { fit: 'inside', withoutEnlargement: true, kernel: 'cubic' })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return perceptualSignature(data, info.width, info.height, info.channels);
}

export function wordsToBytes(words: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < words.length; i++) view.setUint32(i * 4, words[i]!, true);
  return bytes;
}

/** Reads a stored signature's words into `out` at `offset` (little-endian on every platform). */
export function bytesToWords(bytes: Uint8Array, out: Uint32Array = new Uint32Array(SIGNATURE_WORDS), offset = 0): Uint32Array {
  if (bytes.length !== SIGNATURE_BYTES) throw new Error(`a signature has ${SIGNATURE_BYTES} bytes, got ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < SIGNATURE_WORDS; i++) out[offset + i] = view.getUint32(i * 4, true);
  return out;
}

/** Whether a stored signature can be used as it is (else it is computed again). */
export function isCurrentSignature(version: number, bytes: Uint8Array): boolean {
  return version === SIGNATURE_VERSION && bytes.length === SIGNATURE_BYTES;
}
