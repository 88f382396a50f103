// Synthetic pictures for the duplicate-scan benchmark, with the statistics of photos where
// the scan is sensitive to them: each picture is a continuous random field with a 1/f
// spectrum (as natural images have), so its DCT hashes are as correlated as real ones and
// multi-index buckets fill as unevenly. A version of a picture renders a centred crop of the
// field (border crop, 16:10 / 4:3 / 16:9 wallpaper crops) at some size, with a brightness
// change and sensor-like noise: what near-duplicate detection has to see through.
import { perceptualSignature, type PerceptualSignature } from '../src/core/dupes/signature';
import { rng } from '../test/helpers/seeded-random';

export interface VersionSpec {
  /** Seed of the picture's field: versions of one picture share it. */
  seed: number;
  /** Width / height of the original frame. */
  aspect: number;
  /** Centred crop, as fractions of the original frame's width and height kept. */
  keepWidth: number;
  keepHeight: number;
  /** Long side of the rendered raster. */
  longSide: number;
  /** Brightness: value * gain + offset, then clipped. */
  gain: number;
  offset: number;
  /** Amplitude of per-pixel noise (levels); seeded by `noiseSeed`. */
  noise: number;
  noiseSeed: number;
}

const TERMS = 16;

/** Renders a version as packed RGB (grey in all three channels). */
export function renderVersion(spec: VersionSpec): { rgb: Uint8Array; width: number; height: number } {
  const cropAspect = (spec.aspect * spec.keepWidth) / spec.keepHeight;
  const width = cropAspect >= 1 ? spec.longSide : Math.max(8, Math.round(spec.longSide * cropAspect));
  const height = cropAspect >= 1 ? Math.max(8, Math.round(spec.longSide / cropAspect)) : spec.longSide;
  const random = rng(spec.seed);
  // Field on the original frame: x in [-aspect/2, aspect/2], y in [-1/2, 1/2] (height units).
  // f = sum_uv a_uv cos(2 pi u x / aspect + p_u) cos(2 pi v y + q_v), a_uv ~ N(0, 1) / (1 + u + v).
  const amp = new Float64Array(TERMS * TERMS);
  for (let v = 0; v < TERMS; v++) {
    for (let u = 0; u < TERMS; u++) {
      const g = Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
      amp[v * TERMS + u] = u + v === 0 ? 0 : g / (1 + u + v);
    }
  }
  const px = Array.from({ length: TERMS }, () => random() * 2 * Math.PI);
  const py = Array.from({ length: TERMS }, () => random() * 2 * Math.PI);
  const x0 = (-spec.aspect * spec.keepWidth) / 2;
  const y0 = -spec.keepHeight / 2;
  const cx = new Float64Array(TERMS * width);
  for (let u = 0; u < TERMS; u++) {
    for (let x = 0; x < width; x++) cx[u * width + x] = Math.cos((2 * Math.PI * u * (x0 + ((x + 0.5) / width) * spec.aspect * spec.keepWidth)) / spec.aspect + px[u]!);
  }
  const cy = new Float64Array(TERMS * height);
  for (let v = 0; v < TERMS; v++) {
    for (let y = 0; y < height; y++) cy[v * height + y] = Math.cos(2 * Math.PI * v * (y0 + ((y + 0.5) / height) * spec.keepHeight) + py[v]!);
  }
  // rows[v][x] = sum_u a_uv cx[u][x]
  const rows = new Float64Array(TERMS * width);
  for (let v = 0; v < TERMS; v++) {
    for (let u = 0; u < TERMS; u++) {
      const a = amp[v * TERMS + u]!;
      if (a === 0) continue;
      for (let x = 0; x < width; x++) rows[v * width + x]! += a * cx[u * width + x]!;
    }
  }
  const noise = rng(spec.noiseSeed);
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let f = 0;
      for (let v = 0; v < TERMS; v++) f += cy[v * height + y]! * rows[v * width + x]!;
      const level = (128 + 60 * f) * spec.gain + spec.offset + (noise() - 0.5) * 2 * spec.noise;
      const value = level < 0 ? 0 : level > 255 ? 255 : Math.round(level);
      const i = (y * width + x) * 3;
      rgb[i] = rgb[i + 1] = rgb[i + 2] = value;
    }
  }
  return { rgb, width, height };
}

export function versionSignature(spec: VersionSpec): PerceptualSignature {
  const { rgb, width, height } = renderVersion(spec);
  return perceptualSignature(rgb, width, height);
}

const ASPECTS = [4 / 3, 4 / 3, 3 / 2, 3 / 2, 16 / 9, 3 / 4, 2 / 3, 1];
const CROPS = [16 / 9, 16 / 10, 4 / 3];

/** The original of picture `seed` and, when `edited`, one random edit of it. */
export function versionSpec(seed: number, variant: number): VersionSpec {
  const random = rng(seed * 7919 + variant);
  const aspect = ASPECTS[seed % ASPECTS.length]!;
  const spec: VersionSpec = { seed, aspect, keepWidth: 1, keepHeight: 1, longSide: 96, gain: 1, offset: 0, noise: 2, noiseSeed: seed * 31 + variant };
  if (variant === 0) return spec;
  const edit = Math.floor(random() * 5);
  if (edit === 0) spec.longSide = 48 + Math.floor(random() * 36); // resized
  if (edit === 1) spec.noise = 6; // heavy re-encode
  if (edit === 2) Object.assign(spec, { gain: 1.15 + random() * 0.2, offset: 10 }); // brightened
  if (edit === 3) Object.assign(spec, { keepWidth: 0.9, keepHeight: 0.9 }); // 5% border crop
  if (edit === 4) {
    // Wallpaper crop to another aspect ratio, centred, as large as fits.
    const landscape = aspect >= 1;
    const target = landscape ? CROPS[Math.floor(random() * CROPS.length)]! : 1 / CROPS[Math.floor(random() * CROPS.length)]!;
    if (target > aspect) spec.keepHeight = aspect / target;
    else spec.keepWidth = target / aspect;
  }
  return spec;
}
