// Whether a photo carries detail at its own pixel scale, or is an enlarged copy of a smaller
// picture (an editor's "enhance" export, a 500 px photo saved at 1000 px). Keep-best ranks
// an upscaled content by the pixels it really has (keep-best.ts), so the review keeps the
// original over its enlargement.
//
// The test, per content (the same answer in every group, so the ranking stays total), on
// the grey image at native resolution (a central window): how much it holds above
// 1/(2s) cycles per pixel, the detail a shrink by s would lose, as a share of the octave
// below (RMS of each band, Lanczos-windowed sinc filters applied in place: a resampling round
// trip, box down and linear up, was tried first and lost as much of an enlargement as of a
// real photo, its own filters being the loss). A camera photo or a downscaled copy holds
// detail and noise up to its pixel scale; an enlargement by f holds next to nothing above
// 1/(2f). The factor reported is rounded up to the next scale tested, so an original never
// counts fewer pixels than its enlargement. An enlargement by nearest neighbour (blocks) is
// not detected; a raster too flat to tell counts as not enlarged. Figures behind
// LOSS_THRESHOLD: test/unit/dupes/upscale-check.test.ts.
//
// Only lossless files (PNG, TIFF) are judged (JUDGED_FORMATS: a JPEG's compression noise
// fools the test both ways), and a photo that cannot be decoded (a video, a RAW without
// preview, a vanished file) gives factor 1: "not upscaled" never makes a photo rank lower
// than it did.
// A JPEG enlargement of a camera photo is caught another way, by its metadata: more pixels
// than a copy with the camera's EXIF it lacks makes the keeper's reason a caution, and the
// trash holds it back (camera-caution.ts).
//
// Cost (process CPU per judged photo, on a shared 2-core machine; a JPEG costs a 4 KB read):
// only the window is decoded
// (libvips crops before converting, and reads a JPEG no further than the window's last row),
// and the filters fold their symmetric kernels and read whole rows (about twice as fast): a
// 6 MP JPEG ~140 ms (decode ~45, filter ~95; ~260 when decoded whole with the plain filters),
// 24 MP ~180 (~490), a 500 px photo ~35 (~55). The scan measures only a member with 2.25 times the pixels of another
// (mayBeToldEnlarged: of an original beside its share copy, the original), decodes up to
// DECODES_AHEAD windows on libuv's threads while it filters, and hands the event loop back
// after every filter pass (~50 ms of a 1024 px window).
import fs from 'node:fs/promises';
import { toSharp, toSharpInputWithHeader, type SharpInput } from '../media/decode-input';
import { sniffFormat } from '../media/sniff';

/** The scales tested, smallest first: an enlargement by f holds (almost) nothing that a
 *  shrink by s <= f would lose. */
export const SCALES: readonly number[] = [1.5, 2, 3];

/**
 * Whether measuring a photo `width` x `height` can change its group's ranking, `smallest`
 * being the pixel count of the group's smallest member: only an enlargement by SCALES[0]
 * (1.5) or more is ever told, so only a member with 2.25 times the pixels of another (sides
 * rounded to whole pixels) is worth decoding. The scan measures a content when one of its
 * groups says so, and uses that one answer in all of them (the order stays total).
 */
export function mayBeToldEnlarged(width: number, height: number, smallest: number): boolean {
  return (width + 0.5) * (height + 0.5) >= SCALES[0]! * SCALES[0]! * smallest;
}

/** RMS above the cutoff, as a share of the octave below it, under which nothing is lost. */
export const LOSS_THRESHOLD = 0.22;

/** Below this RMS in the octave below the cutoff (grey levels) a raster is too flat to tell. */
const FLAT = 2;

/** The native-resolution window measured: a central crop of at most this many pixels a side.
 *  Not less: at 512 a half-size copy of a strecha frame fell to the threshold (0.220, counted
 *  enlarged; 0.254 at 1024). */
export const WINDOW = 1024;

/** A low-pass filter at `cutoff` cycles per pixel: a Lanczos-windowed sinc (3 lobes), normalised. */
function lowPassKernel(cutoff: number): Float64Array {
  const lobes = 3;
  const half = Math.ceil(lobes / (2 * cutoff));
  const k = new Float64Array(2 * half + 1);
  let sum = 0;
  for (let i = -half; i <= half; i++) {
    const x = 2 * cutoff * i;
    const sinc = (t: number) => (t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t));
    const w = Math.abs(x) < lobes ? sinc(x) * sinc(x / lobes) : 0;
    k[i + half] = w;
    sum += w;
  }
  for (let i = 0; i < k.length; i++) k[i]! /= sum;
  return k;
}

/**
 * `grey` low-passed by the symmetric kernel `k`, valid `half` pixels in from every edge (zero
 * outside). Rows first, then columns a whole row at a time (sequential reads): the same sums
 * as the direct 2-D loop, about three times faster in V8.
 */
function lowPass(grey: Float32Array, width: number, height: number, k: Float64Array): Float32Array {
  const half = (k.length - 1) >> 1;
  const k0 = k[half]!;
  const rows = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    for (let x = half, p = base + half; x < width - half; x++, p++) {
      let s = k0 * grey[p]!;
      for (let i = 1; i <= half; i++) s += k[half + i]! * (grey[p - i]! + grey[p + i]!);
      rows[p] = s;
    }
  }
  const out = new Float32Array(width * height);
  const acc = new Float64Array(width);
  for (let y = half; y < height - half; y++) {
    const o = y * width;
    for (let x = half; x < width - half; x++) acc[x] = k0 * rows[o + x]!;
    for (let i = 1; i <= half; i++) {
      const ki = k[half + i]!;
      const up = (y - i) * width;
      const down = (y + i) * width;
      for (let x = half; x < width - half; x++) acc[x]! += ki * (rows[up + x]! + rows[down + x]!);
    }
    for (let x = half; x < width - half; x++) out[o + x] = acc[x]!;
  }
  return out;
}

export interface BandEnergy {
  /** RMS above 1/(2 scale) cycles per pixel: what a shrink by `scale` would lose. */
  high: number;
  /** RMS of the octave below it. */
  mid: number;
}

/** The detail a shrink by `scale` would lose, and the octave below it (ideal filters, in place). */
export function bandEnergy(grey: Float32Array, width: number, height: number, scale: number): BandEnergy | null {
  return finish(bandEnergySlices(grey, width, height, scale));
}

/** bandEnergy, pausing after each of its two filters (upscaleFactorSlices). */
function* bandEnergySlices(grey: Float32Array, width: number, height: number, scale: number): Generator<void, BandEnergy | null> {
  const a = lowPassKernel(0.5 / scale);
  const b = lowPassKernel(0.25 / scale);
  const half = (b.length - 1) >> 1;
  if (width <= 4 * half || height <= 4 * half) return null;
  const la = lowPass(grey, width, height, a);
  yield;
  const lb = lowPass(grey, width, height, b);
  yield;
  let high = 0;
  let mid = 0;
  let n = 0;
  for (let y = half; y < height - half; y++) {
    for (let x = half, p = y * width + half; x < width - half; x++, p++) {
      const h = grey[p]! - la[p]!;
      const m = la[p]! - lb[p]!;
      high += h * h;
      mid += m * m;
      n++;
    }
  }
  return { high: Math.sqrt(high / n), mid: Math.sqrt(mid / n) };
}

/**
 * By how much this grey raster was enlarged, rounded up: 1 when a shrink by the smallest of
 * SCALES would lose detail (or the raster is too flat or small to tell); else the scale after
 * the largest whose shrink loses nothing (twice the last). Rounded up so an original always
 * counts at least the pixels of its enlargement (keep-best divides the area by its square).
 */
export function upscaleFactorOf(grey: Float32Array, width: number, height: number): number {
  return finish(upscaleFactorSlices(grey, width, height));
}

/** upscaleFactorOf in slices of one low-pass filter each (a 1024 px window: ~50 ms). */
function* upscaleFactorSlices(grey: Float32Array, width: number, height: number): Generator<void, number> {
  let passed = 0;
  for (; passed < SCALES.length; passed++) {
    const band = yield* bandEnergySlices(grey, width, height, SCALES[passed]!);
    if (!band || band.mid < FLAT || band.high >= LOSS_THRESHOLD * band.mid) break;
  }
  if (passed === 0) return 1;
  return SCALES[passed] ?? 2 * SCALES[passed - 1]!;
}

/** Runs slices to the end at once. */
function finish<T>(slices: Generator<void, T>): T {
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
  }
}

/** Runs slices handing the event loop back (I/O, timers, the API's other calls) between them. */
async function finishYielding<T>(slices: Generator<void, T>, signal?: AbortSignal): Promise<T> {
  for (;;) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
    const step = slices.next();
    if (step.done) return step.value;
  }
}

export interface GreyWindow {
  grey: Float32Array;
  width: number;
  height: number;
}

/**
 * The grey central window (at most `side` pixels a side) of an image `width` x `height` as
 * stored (no EXIF turn: the measure does not depend on it), at native resolution. Only the
 * window is decoded into memory: libvips crops before converting, and a JPEG is read no
 * further than the window's last row.
 */
export async function centralGrey(input: SharpInput, width: number, height: number, side = WINDOW): Promise<GreyWindow> {
  const w = Math.min(width, side);
  const h = Math.min(height, side);
  const image = toSharp(input, { limitInputPixels: false }).extract({ left: (width - w) >> 1, top: (height - h) >> 1, width: w, height: h });
  const { data, info } = await image.greyscale().raw().toBuffer({ resolveWithObject: true });
  const grey = new Float32Array(info.width * info.height);
  for (let p = 0, q = 0; p < grey.length; p++, q += info.channels) grey[p] = data[q]!;
  return { grey, width: info.width, height: info.height };
}

/** A file's grey central window at native resolution (the formats indexing reads). */
export async function nativeGrey(file: string, side = WINDOW): Promise<GreyWindow> {
  const buffer = await fs.readFile(file);
  const { input, header } = await toSharpInputWithHeader(buffer, sniffFormat(buffer));
  const size = header ?? (Buffer.isBuffer(input) ? null : input.info); // HEIC: decoded pixels, no header
  if (!size?.width || !size.height) throw new Error('no dimensions');
  return centralGrey(input, size.width, size.height, side);
}

/**
 * The formats judged: lossless ones. A JPEG's own compression noise (as a lossy WebP's or
 * HEIC's) mimics detail at the pixel scale, or hides it: a soft camera JPEG (imagenet's
 * trombone) measured as enlarged while its brightened, re-saved copy of the same size did
 * not, which made the edited copy the keeper; and JPEG enlargements were caught only in part.
 * So a lossy file is never judged enlarged (factor 1, not even decoded): the ranking is as it
 * was for it.
 */
const JUDGED_FORMATS: ReadonlySet<string> = new Set(['png', 'tiff']);

/** Whether the file is one judged (by its content's format); null when it cannot be read or told. */
async function isJudged(file: string): Promise<boolean | null> {
  try {
    const handle = await fs.open(file, 'r');
    try {
      const head = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const format = sniffFormat(head.subarray(0, bytesRead));
      return format === null ? null : JUDGED_FORMATS.has(format);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/** The factor by which the photo at `file` was enlarged (1: it was not, or it is not judged); null when it cannot be read. */
export async function measureFile(file: string): Promise<number | null> {
  const judged = await isJudged(file);
  if (judged !== true) return judged === false ? 1 : null;
  const raster = await nativeGrey(file).catch(() => null);
  return raster && upscaleFactorOf(raster.grey, raster.width, raster.height);
}

// Answers per content hash, kept for the process: the same content measures the same in
// every scan and on every page of the review, and is decoded once.
const known = new Map<string, number>();
const KNOWN_MAX = 8192;

function remember(hash: string, factor: number): void {
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(hash, factor);
}

/** A content's factor if this process measured it, else undefined. */
export function knownUpscale(hash: string): number | undefined {
  return known.get(hash);
}

/** Decodes running at once, ahead of the filtering (sharp decodes on libuv's threads). */
const DECODES_AHEAD = 3;

/** The first of `paths` that decodes, as its central window; null when none does, or the content is not judged. */
async function windowOfContent(paths: readonly string[]): Promise<GreyWindow | null> {
  for (const file of paths) {
    const judged = await isJudged(file);
    if (judged === false) return null; // every path holds the same bytes
    if (judged === null) continue;
    const raster = await nativeGrey(file).catch(() => null);
    if (raster) return raster;
  }
  return null;
}

/**
 * Each content's upscale factor, measured once per process: `files` maps a content hash to
 * its files, read in turn until one decodes (none: factor 1). Up to DECODES_AHEAD windows
 * are decoded while one is filtered, and the filtering hands the event loop back between
 * contents and between scales, so a server or the app stays responsive while it runs.
 */
export async function upscaleFactors(files: ReadonlyMap<string, readonly string[]>, signal?: AbortSignal): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const todo: [string, readonly string[]][] = [];
  for (const [hash, paths] of files) {
    const factor = known.get(hash);
    if (factor !== undefined) out.set(hash, factor);
    else todo.push([hash, paths]);
  }
  const decoding: Promise<GreyWindow | null>[] = [];
  const decodeNext = () => {
    if (decoding.length < todo.length) decoding.push(windowOfContent(todo[decoding.length]![1]));
  };
  for (let i = 0; i < DECODES_AHEAD; i++) decodeNext();
  for (let i = 0; i < todo.length; i++) {
    signal?.throwIfAborted();
    const raster = await decoding[i]!;
    decoding[i] = Promise.resolve(null); // the window is let go once filtered
    decodeNext();
    const factor = raster ? await finishYielding(upscaleFactorSlices(raster.grey, raster.width, raster.height), signal) : 1;
    remember(todo[i]![0], factor);
    out.set(todo[i]![0], factor);
  }
  return out;
}
