// The relevance cut-off, calibrated per model against the model's own score distribution.
//
// CLIP similarities have no absolute meaning: with ViT-B/32 a caption that fits a photo
// scores about 0.3 and one that does not about 0.2, other models sit elsewhere, and
// photo-to-photo similarities live on a scale of their own (0.5 for unrelated photos). So
// the cut-off is "clearly better than a random query of the same kind", measured per model
// on this library:
//
// - Text baseline: the scores that ordinary captions written for no query (null-captions.ts)
//   get against a sample of the library's photos (up to 1000, evenly spread): mean and
//   standard deviation. The captions are embedded exactly as queries are (with the prompt
//   ensemble, or raw under --raw), so the two are comparable.
// - Image baseline: the scores between pairs of distinct sampled photos (up to 400 photos,
//   ~80k pairs), what a random photo as a query gets. With fewer than 50 photos that
//   estimate is noise, so image terms then use the text baseline.
// - A query sum_i s_i w_i v_i (query-vectors.ts) scores a photo p at sum_i s_i w_i (v_i . p)
//   / |sum|. Replacing every term by a random one of its kind, that numerator has mean
//   M = sum_i s_i w_i mean_i and standard deviation S = sqrt(sum_i w_i^2 sd_i^2) (terms
//   independent). The cut-off is (M + MARGIN_SIGMAS * S) / |sum|: a photo is returned when
//   its score is MARGIN_SIGMAS standard deviations above what random terms would give it.
//   For one text term that is simply mean + 2.5 sd of the caption scores; for only negative
//   terms it keeps the photos clearly *less* like the negatives than a random caption is.
// - The result is clamped to [MIN_CUTOFF, MAX_CUTOFF] (see there): "mean + 2.5 sd" assumes a
//   narrow, roughly normal baseline, and a model whose scores are spread over the whole range
//   of a cosine (an untrained or degenerate one: the tiny test model's caption scores have
//   mean -0.3 and sd 0.67) would otherwise get a cut-off above 1 that no photo can reach,
//   not even the query image itself.
//
// The statistics are stored in calibration/<model key>.json in the library's files (under
// <home> for the default library, under an S3 library's prefix) with the caption vectors
// (embedding them is the slow part: one-off per model) and recomputed when the library's
// photo count has moved by more than 10% (or at all below 1000 photos, where recomputing
// is a few milliseconds).
import { asLibraryFile } from '../location/folder-files';
import type { LibraryFile } from '../location/library-files';
import { dot } from '../clip/vectors';
import type { QueryTerm } from './query-parser';
import { NULL_CAPTIONS } from './null-captions';
import { NotEmbeddedError } from '../store/not-embedded-error';

/** Bump when the captions, the templates or the statistics change: old files are recomputed. */
export const CALIBRATION_VERSION = 1;
/** How many baseline standard deviations above the baseline mean a photo must score. */
export const MARGIN_SIGMAS = 2.5;
/**
 * The lowest cut-off: a cosine is never below -1, so a lower one cuts nothing either; the
 * clamp only keeps the value reported (and stored by albums) a cosine.
 */
export const MIN_CUTOFF = -1;
/**
 * The highest cut-off, below 1 so a photo always finds itself. Above about 0.9 a cosine
 * between CLIP embeddings no longer says "relevant" but "the same picture": Shoebox's own
 * look-alike duplicates are photos at 0.93 or more (src/core/dupes, DEFAULT_SIMILAR_THRESHOLD).
 * A cut-off means "clearly above chance", so whatever the baseline it must let those through:
 * an image query always returns itself and its copies. A real model's text cut-off sits far
 * below (ViT-B/32: about 0.26); the cap acts when a baseline is too spread to mean anything,
 * or photo pairs are so alike (a library of one subject) that only copies would pass.
 */
export const MAX_CUTOFF = 0.9;
const SAMPLE_PHOTOS = 1000;
const PAIR_PHOTOS = 400;
const MIN_IMAGE_SAMPLE = 50;
const RECALIBRATE_GROWTH = 0.1;
/** How long a search waits for the captions before the wait is said (CalibrationSource.preparing). */
export const SLOW_CAPTIONS_MS = 2000;

export type TextMode = 'templated' | 'raw';

export interface ScoreStats {
  mean: number;
  sd: number;
  /** How many scores the statistics were taken over. */
  count: number;
}

export interface Baselines {
  text: ScoreStats;
  /** What a random photo as a query scores; the text baseline when the library is too small to tell. */
  image: ScoreStats;
  /** Whether `image` was measured (false: it is the text baseline). */
  imageMeasured: boolean;
}

interface CalibrationFile {
  version: number;
  modelId: string;
  /** Photos in the library when the statistics were taken. */
  photos: number;
  sampled: number;
  computedAt: number;
  text: Partial<Record<TextMode, ScoreStats>>;
  image: ScoreStats | null;
  /** Each mode's caption vectors, row after row, as base64 float32 (they depend on the model only). */
  captions: Partial<Record<TextMode, string>>;
}

export interface CalibrationSource {
  modelId: string;
  photoCount(): Promise<number>;
  sampleVectors(max: number): Promise<Float32Array[]>;
  /** The captions' vectors in a mode, embedded exactly as query text is. */
  embedCaptions(captions: readonly string[], mode: TextMode): Promise<Float32Array[]>;
  /** Told when a search has waited SLOW_CAPTIONS_MS for the captions to be embedded (the slow, one-off part). */
  preparing?(): void;
}

/** Mean and standard deviation of a stream of scores (Welford: no catastrophic cancellation). */
class Moments {
  count = 0;
  private mean = 0;
  private m2 = 0;
  add(x: number): void {
    this.count++;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (x - this.mean);
  }
  stats(): ScoreStats {
    return { mean: this.mean, sd: this.count > 1 ? Math.sqrt(this.m2 / (this.count - 1)) : 0, count: this.count };
  }
}

export function textStats(captions: readonly Float32Array[], photos: readonly Float32Array[]): ScoreStats {
  const m = new Moments();
  for (const c of captions) for (const p of photos) m.add(dot(c, p));
  return m.stats();
}

/** Scores between distinct photos of an evenly spread subset; null when too few photos to tell. */
export function imageStats(photos: readonly Float32Array[]): ScoreStats | null {
  if (photos.length < MIN_IMAGE_SAMPLE) return null;
  const step = Math.max(1, photos.length / PAIR_PHOTOS);
  const subset = Array.from({ length: Math.min(PAIR_PHOTOS, photos.length) }, (_, k) => photos[Math.floor(k * step)]!);
  const m = new Moments();
  for (let i = 0; i < subset.length; i++) for (let j = i + 1; j < subset.length; j++) m.add(dot(subset[i]!, subset[j]!));
  return m.stats();
}

/**
 * The cut-off for a query made of `terms` whose weighted sum has length `norm`: the score a
 * photo must reach to be clearly above what random terms of the same kinds would get.
 */
export function cutoffFor(terms: readonly Pick<QueryTerm, 'kind' | 'sign' | 'weight'>[], norm: number, baselines: Baselines): number {
  let mean = 0;
  let variance = 0;
  for (const term of terms) {
    const stats = term.kind === 'image' ? baselines.image : baselines.text;
    mean += term.sign * term.weight * stats.mean;
    variance += (term.weight * stats.sd) ** 2;
  }
  const cutoff = (mean + MARGIN_SIGMAS * Math.sqrt(variance)) / norm;
  return Math.min(MAX_CUTOFF, Math.max(MIN_CUTOFF, cutoff));
}

function encodeVectors(vectors: readonly Float32Array[]): string {
  const flat = new Float32Array(vectors.reduce((n, v) => n + v.length, 0));
  let offset = 0;
  for (const v of vectors) {
    flat.set(v, offset);
    offset += v.length;
  }
  return Buffer.from(flat.buffer, flat.byteOffset, flat.byteLength).toString('base64');
}

function decodeVectors(base64: string, count: number): Float32Array[] | null {
  const bytes = Buffer.from(base64, 'base64');
  if (count === 0 || bytes.length % (4 * count) !== 0) return null;
  const flat = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const dim = flat.length / count;
  return Array.from({ length: count }, (_, i) => flat.slice(i * dim, (i + 1) * dim));
}

function isStale(file: CalibrationFile, photos: number): boolean {
  if (file.photos === photos) return false;
  if (file.photos < SAMPLE_PHOTOS || photos < SAMPLE_PHOTOS) return true;
  return Math.abs(photos - file.photos) > RECALIBRATE_GROWTH * file.photos;
}

/** One model's calibration for one library: loaded from disk, refreshed when stale, saved back. */
export class Calibration {
  private file: CalibrationFile | null | undefined;
  /** One computation at a time: concurrent searches wait for it instead of repeating it. */
  private queue: Promise<unknown> = Promise.resolve();

  private readonly target: LibraryFile;

  /** `target`: a local file's path, or a library's file. */
  constructor(
    target: string | LibraryFile,
    private readonly source: CalibrationSource,
  ) {
    this.target = asLibraryFile(target);
  }

  /** The baselines for text in `mode` (and for images); null for an empty library. */
  baselines(mode: TextMode): Promise<Baselines | null> {
    const next = this.queue.then(() => this.compute(mode));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Embeds the captions' vectors now unless this model has them already: the slow, one-off
   * part (~10 s for ViT-B/32 on two idle cores, over a minute beside an index run), done
   * even before the library holds a photo, so that the first search, often typed during the
   * first index, waits only for the statistics (milliseconds).
   */
  prepare(mode: TextMode): Promise<void> {
    const next = this.queue.then(() => this.prepareCaptions(mode));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async prepareCaptions(mode: TextMode): Promise<void> {
    const file = await this.load();
    if (file?.captions[mode] && decodeVectors(file.captions[mode], NULL_CAPTIONS.length)) return;
    const vectors = encodeVectors(await this.source.embedCaptions(NULL_CAPTIONS, mode));
    // No statistics yet (photos 0: recomputed at the first search with photos), only the captions.
    const next: CalibrationFile = file
      ? { ...file, captions: { ...file.captions, [mode]: vectors } }
      : { version: CALIBRATION_VERSION, modelId: this.source.modelId, photos: 0, sampled: 0, computedAt: Date.now(), text: {}, image: null, captions: { [mode]: vectors } };
    this.file = next;
    await this.save(next);
  }

  private async compute(mode: TextMode): Promise<Baselines | null> {
    const photos = await this.source.photoCount();
    if (photos === 0) return null;
    let file = await this.load();
    let dirty = false;
    if (!file || isStale(file, photos)) {
      file = {
        version: CALIBRATION_VERSION,
        modelId: this.source.modelId,
        photos,
        sampled: 0,
        computedAt: Date.now(),
        text: {},
        image: null,
        captions: file?.captions ?? {},
      };
      dirty = true;
    }
    let sample: Float32Array[] | undefined;
    const getSample = async () => (sample ??= await this.source.sampleVectors(SAMPLE_PHOTOS));
    if (dirty) {
      const photosSample = await getSample();
      file.sampled = photosSample.length;
      file.image = imageStats(photosSample);
    }
    let text = file.text[mode];
    if (!text) {
      let captions = file.captions[mode] ? decodeVectors(file.captions[mode], NULL_CAPTIONS.length) : null;
      if (!captions) {
        captions = await this.embedCaptionsSaying(mode);
        file.captions[mode] = encodeVectors(captions);
      }
      const sampled = await getSample();
      // Photo vectors of another size than the captions' were made by another model once under
      // this id (store/not-embedded-error.ts): none is this model's, and scores against them
      // would be NaN, a cut-off no search can use.
      if (sampled.length > 0 && captions.length > 0 && sampled[0]!.length !== captions[0]!.length) throw new NotEmbeddedError(this.source.modelId);
      text = textStats(captions, sampled);
      file.text[mode] = text;
      dirty = true;
    }
    this.file = file;
    if (dirty) await this.save(file);
    return { text, image: file.image ?? text, imageMeasured: file.image !== null };
  }

  /** The captions embedded; `preparing` told once it takes long enough to notice (a fast model says nothing). */
  private async embedCaptionsSaying(mode: TextMode): Promise<Float32Array[]> {
    const slow = setTimeout(() => this.source.preparing?.(), SLOW_CAPTIONS_MS);
    try {
      return await this.source.embedCaptions(NULL_CAPTIONS, mode);
    } finally {
      clearTimeout(slow);
    }
  }

  private async load(): Promise<CalibrationFile | null> {
    if (this.file !== undefined) return this.file;
    try {
      const bytes = await this.target.read();
      const parsed = bytes ? (JSON.parse(bytes.toString('utf8')) as CalibrationFile) : null;
      this.file = parsed && parsed.version === CALIBRATION_VERSION && parsed.modelId === this.source.modelId ? parsed : null;
    } catch {
      this.file = null; // none yet, or unreadable: computed again
    }
    return this.file;
  }

  /** Atomic, not flushed (it can be computed again); a library we cannot write to only costs recomputing next time. */
  private async save(file: CalibrationFile): Promise<void> {
    try {
      await this.target.write(JSON.stringify(file), { durable: false });
    } catch {
      // nothing was written
    }
  }
}
