// Embeds many photos at the machine's pace: photos are decoded a few at a time on sharp's
// threads while the previous batch runs in the inference worker, so decode and inference
// overlap instead of taking turns. Results arrive per photo; one bad photo fails alone.
import { preprocessImage, ImageDecodeError, toNormalisedChw, type PreprocessedImage } from './preprocess';
import type { ImagePreprocessing } from './model-folder';

export interface ImageResult {
  index: number;
  path: string;
  /** The decoder settled this photo itself (nothing to embed), e.g. its embedding is reused. */
  skipped?: boolean;
  embedding?: Float32Array;
  width?: number;
  height?: number;
  error?: string;
}

export interface PipelineOptions {
  batchSize: number;
  /** Photos decoded at once (base/thread-budget.ts); a function is read again as the run goes. */
  decodeConcurrency: number | (() => number);
  /** Runs one batch (count CHW images of side `size`) and returns normalised embeddings. */
  infer: (pixels: Float32Array, count: number) => Promise<Float32Array[]>;
  onResult: (result: ImageResult) => void;
  /**
   * Decoder override, for callers that read the file once for several purposes (hash, EXIF,
   * thumbnail). Resolving to null settles the photo without inference (reported as skipped).
   */
  decode?: (path: string, pre: ImagePreprocessing, index: number) => Promise<PreprocessedImage | null>;
  /**
   * Stops promptly: no photo is decoded, and no batch started, after it; the batch running
   * ends (ONNX Runtime cannot be interrupted) and reports its results. Photos decoded and not
   * embedded get no result (the caller counts them as not done).
   */
  signal?: AbortSignal;
}

type Decoded = { index: number; path: string; image?: PreprocessedImage; error?: string; skipped?: boolean };

export async function embedImagesPipelined(paths: readonly string[], pre: ImagePreprocessing, options: PipelineOptions): Promise<void> {
  const decode = options.decode ?? ((path: string, p: ImagePreprocessing) => preprocessImage(path, p));
  const ready: Decoded[] = [];
  let nextToDecode = 0;
  let decoding = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const concurrency = typeof options.decodeConcurrency === 'function' ? options.decodeConcurrency : () => options.decodeConcurrency as number;

  const pump = () => {
    const atOnce = concurrency();
    // Decoded ahead: two batches (enough to hide inference, bounded in memory), or one batch
    // beside every decode at once (many cores feeding a GPU).
    const maxBuffered = Math.max(options.batchSize * 2, options.batchSize + atOnce);
    while (decoding < atOnce && nextToDecode < paths.length && ready.length + decoding < maxBuffered) {
      if (options.signal?.aborted) {
        // Nothing more is decoded; the loop below stops once the decoded ones are embedded.
        total = Math.min(total, nextToDecode);
        nextToDecode = paths.length;
        break;
      }
      const index = nextToDecode++;
      const path = paths[index]!;
      decoding++;
      decode(path, pre, index).then(
        (image) => ready.push(image ? { index, path, image } : { index, path, skipped: true }),
        (err: unknown) => ready.push({ index, path, error: err instanceof ImageDecodeError ? err.message : String((err as Error)?.message ?? err) }),
      ).finally(() => {
        decoding--;
        pump();
        notify();
      });
    }
  };

  const plane = 3 * pre.size * pre.size;
  let inFlight: Promise<void> = Promise.resolve();
  // A stop ends a wait for decodes at once (a decode that does not answer is not waited for).
  let onStop = () => {};
  const stopped = new Promise<void>((resolve) => (onStop = resolve));
  if (options.signal?.aborted) onStop();
  else options.signal?.addEventListener('abort', onStop, { once: true });
  let finished = 0;
  let total = paths.length;
  try {
    pump();
    while (finished < total) {
      if (options.signal?.aborted) {
        // Up to two batches may wait decoded: embedding them made Ctrl-C take seconds (a whole
        // run's worth when the session was still loading). They are left for the next run.
        nextToDecode = paths.length;
        flushSettled(ready, options.onResult);
        break;
      }
      const allDecoded = nextToDecode >= paths.length && decoding === 0;
      const good = ready.filter((d) => d.image).length;
      if (good < options.batchSize && !allDecoded) {
        // Failures need no inference: report them as soon as they are known, and decode more
        // in their place (a run of skipped photos, copies say, can fill the buffer alone, and
        // no decode in flight would call pump() again).
        finished += flushSettled(ready, options.onResult);
        if (finished >= total) break;
        pump();
        // Nothing decoding and none started would wait for ever (the app's job would never end):
        // a bug, said as an error instead.
        if (decoding === 0 && nextToDecode < paths.length) throw new Error(`embedding stalled after ${finished} of ${total} photos (a bug: please report it)`);
        const decoded = new Promise<void>((resolve) => {
          wake = resolve;
          // The decode may have finished between the check above and now.
          if (ready.filter((d) => d.image).length >= options.batchSize || (nextToDecode >= paths.length && decoding === 0)) notify();
        });
        await Promise.race([decoded, stopped]);
        continue;
      }
      finished += flushSettled(ready, options.onResult);
      const batch = ready.splice(0, options.batchSize);
      if (batch.length === 0) continue;
      pump();
      // Normalised straight into the batch: no float copy of each photo on the way.
      const pixels = new Float32Array(plane * batch.length);
      batch.forEach((d, i) => toNormalisedChw(d.image!.rgb, pre.size, pre, pixels, i * plane));
      // One batch in flight at a time: the next is assembled while this one runs.
      await inFlight;
      if (options.signal?.aborted) break; // this batch too is left for the next run (see above)
      inFlight = options.infer(pixels, batch.length).then(
        (embeddings) => batch.forEach((d, i) => options.onResult({ index: d.index, path: d.path, embedding: embeddings[i]!, width: d.image!.width, height: d.image!.height })),
        (err: unknown) => batch.forEach((d) => options.onResult({ index: d.index, path: d.path, error: `inference failed: ${(err as Error).message}` })),
      );
      finished += batch.length;
    }
    await inFlight;
  } finally {
    options.signal?.removeEventListener('abort', onStop);
  }
}

/** Reports photos that need no inference (failed or skipped) as soon as they are known. */
function flushSettled(ready: Decoded[], onResult: (r: ImageResult) => void): number {
  let count = 0;
  for (let i = ready.length - 1; i >= 0; i--) {
    const d = ready[i]!;
    if (d.error !== undefined || d.skipped) {
      ready.splice(i, 1);
      onResult(d.skipped ? { index: d.index, path: d.path, skipped: true } : { index: d.index, path: d.path, error: d.error });
      count++;
    }
  }
  return count;
}

