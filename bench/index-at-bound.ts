// Issue #12: the full index rate beside the machine's work bound, on long runs of distinct
// photos so start-up does not count: camera-like JPEGs (what phones write: baseline, 4:2:0,
// q92, 4-15 MP; target >= 0.9x) and the strecha frames (6 MP; target >= 0.85x). Each round
// measures the bound (this set's decode CPU, inference on ready tensors) right before the
// index run it bounds. Also the same pipeline with one inference thread and one decode at a
// time (a smaller machine), and a model of 8 and 16 cores from the measured per-stage costs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { ClipThroughputProbe } from './clip-throughput';
import { cameraLikePhotos, distinctCopies } from './camera-like-photos';
import { indexRound } from './index-round';
import { median } from './stats';
import { decodesAtOnce } from '../src/base/thread-budget';
import { preprocessImage } from '../src/core/clip/preprocess';
import { readModelFolder } from '../src/core/clip/model-folder';
import { perceptualSignature } from '../src/core/dupes/signature';

export interface IndexSetFigures {
  name: string;
  photos: number;
  target: number;
  decodeCpuMsPerPhoto: number;
  inferenceRateBatch8: number;
  workBound: number;
  indexRate: number;
  /** Median of the per-round ratios, and their range. */
  indexVsBound: number;
  ratios: number[];
  /** CPU per photo of the whole index run (all threads). */
  indexCpuMsPerPhoto: number;
  /** CPU per photo of the engine's JavaScript thread (Linux; null elsewhere). */
  mainThreadMsPerPhoto: number | null;
}

export interface ThreadFigures {
  /** One inference thread and one decode at a time: the pipeline on a smaller machine. */
  oneThreadRate: number;
  /** Inference alone at 1 thread, and at the default (all cores), photos/s on ready tensors. */
  inferenceRate1: number;
  inferenceRateAll: number;
  /** One photo's decode as indexing does it (raster, model input, thumbnail), ms on one thread. */
  indexDecodeMs: number;
  /** One photo's work on each helper thread, ms: its duplicate signature, its SHA-256. */
  signatureMs: number;
  hashMs: number;
  /** Projected index rate at 8 and 16 cores, CPU inference and a GPU's (threadFigures()). */
  projected: Projection[];
}

export interface Projection {
  cores: number;
  inference: 'cpu' | 'gpu';
  rate: number;
  /** What bounds it: all cores busy, decodes at once, the one JavaScript thread, or a helper thread. */
  limit: 'cores' | 'decodes' | 'main thread' | 'signature worker' | 'hash worker';
}

export async function indexAtBound(modelDir: string, strecha: string[], rounds: number): Promise<IndexSetFigures[]> {
  const sets = [
    { name: 'camera-like JPEGs (4-15 MP, 4:2:0, q92)', photos: await cameraLikePhotos(Number(process.env.BENCH_CAMERA_PHOTOS ?? 192)), target: 0.9 },
    { name: 'strecha frames (6 MP), 8 byte-distinct copies each', photos: distinctCopies(strecha, 8, 'strecha'), target: 0.85 },
  ];
  const probe = await ClipThroughputProbe.open(modelDir, strecha);
  const out: IndexSetFigures[] = [];
  try {
    for (const set of sets) {
      const perRound: { bound: Awaited<ReturnType<ClipThroughputProbe['boundFor']>>; rate: number; cpu: number; main: number | null }[] = [];
      for (let r = 0; r < rounds; r++) {
        const bound = await probe.boundFor(set.photos);
        const run = await indexRound(modelDir, set.photos);
        perRound.push({ bound, rate: run.rate, cpu: run.cpuMsPerPhoto, main: run.mainThreadMsPerPhoto });
      }
      const mains = perRound.map((x) => x.main).filter((m): m is number => m !== null);
      const ratios = perRound.map((x) => x.rate / x.bound.workBound);
      out.push({
        name: set.name,
        photos: set.photos.length,
        target: set.target,
        decodeCpuMsPerPhoto: median(perRound.map((x) => x.bound.decodeCpuMsPerPhoto)),
        inferenceRateBatch8: median(perRound.map((x) => x.bound.inferenceRateBatch8)),
        workBound: median(perRound.map((x) => x.bound.workBound)),
        indexRate: median(perRound.map((x) => x.rate)),
        indexVsBound: median(ratios),
        ratios,
        indexCpuMsPerPhoto: median(perRound.map((x) => x.cpu)),
        mainThreadMsPerPhoto: mains.length ? median(mains) : null,
      });
    }
  } finally {
    await probe.close();
  }
  return out;
}

/**
 * The pipeline with its threads limited (1 inference thread, 1 decode at a time), and a model
 * of larger machines. At c cores the index rate is the least of three bounds:
 *  - all cores busy: c / (CPU per photo), where the CPU per photo is the measured index run's,
 *    minus inference at this machine's thread count, plus inference at the efficiency measured
 *    from 1 to all threads here (ONNX Runtime's scaling beyond 2 threads cannot be measured
 *    on this machine, so the model keeps that efficiency); with a GPU, no inference CPU;
 *  - decodes at once (base/thread-budget.ts decodesAtOnce) / one decode's time, as indexing
 *    decodes (one libvips thread per photo on glibc Linux);
 *  - the engine's JavaScript thread: 1 / its CPU per photo (measured on Linux);
 *  - each helper thread, one each: duplicate signatures, SHA-256 (1 / one photo's work on it).
 */
export async function threadFigures(modelDir: string, strecha: string[], camera: IndexSetFigures): Promise<ThreadFigures> {
  const photos = await cameraLikePhotos(Number(process.env.BENCH_CAMERA_PHOTOS ?? 192));
  const limited = await indexRound(modelDir, photos.slice(0, 96), { threads: 1, decodeConcurrency: 1 });
  const one = await ClipThroughputProbe.open(modelDir, strecha, { threads: 1 });
  let inferenceRate1: number;
  try {
    inferenceRate1 = (await one.boundFor(strecha.slice(0, 8))).inferenceRateBatch8;
  } finally {
    await one.close();
  }
  const { indexDecodeMs, signatureMs, hashMs } = await perPhotoMs(modelDir, photos.slice(0, 24));
  const cores = one.cores;
  const inferenceCpuHere = (cores / camera.inferenceRateBatch8) * 1000; // ms of CPU per photo, all cores busy
  const otherCpu = Math.max(0, camera.indexCpuMsPerPhoto - inferenceCpuHere);
  const efficiency = camera.inferenceRateBatch8 / (cores * inferenceRate1);
  const inferenceCpuAt = 1000 / inferenceRate1 / efficiency;
  const project = (c: number, inference: 'cpu' | 'gpu'): Projection => {
    const bounds: [Projection['limit'], number][] = [
      ['cores', (c * 1000) / (otherCpu + (inference === 'cpu' ? inferenceCpuAt : 0))],
      ['decodes', (decodesAtOnce(c, inference === 'gpu') * 1000) / indexDecodeMs],
      ['main thread', camera.mainThreadMsPerPhoto ? 1000 / camera.mainThreadMsPerPhoto : Infinity],
      ['signature worker', 1000 / signatureMs],
      ['hash worker', 1000 / hashMs],
    ];
    const [limit, rate] = bounds.reduce((a, b) => (b[1] < a[1] ? b : a));
    return { cores: c, inference, rate, limit };
  };
  return {
    oneThreadRate: limited.rate,
    inferenceRate1,
    inferenceRateAll: camera.inferenceRateBatch8,
    indexDecodeMs,
    signatureMs,
    hashMs,
    projected: [8, 16].flatMap((c) => [project(c, 'cpu'), project(c, 'gpu')]),
  };
}

/**
 * One photo's work, one at a time, wall ms: the decode as indexing does it (raster, model
 * input, thumbnail), and what each helper thread does with it (the signature from the
 * thumbnail's pixels, the SHA-256 of the bytes).
 */
async function perPhotoMs(modelDir: string, photos: string[]): Promise<{ indexDecodeMs: number; signatureMs: number; hashMs: number }> {
  const pre = readModelFolder(modelDir).preprocessing;
  await preprocessImage(photos[0]!, pre, { thumbnailSize: 384 });
  const thumbnails: { data: Uint8Array; width: number; height: number }[] = [];
  let started = performance.now();
  for (const p of photos) thumbnails.push((await preprocessImage(p, pre, { thumbnailSize: 384 })).thumbnailPixels!);
  const indexDecodeMs = (performance.now() - started) / photos.length;
  perceptualSignature(thumbnails[0]!.data, thumbnails[0]!.width, thumbnails[0]!.height);
  started = performance.now();
  for (const t of thumbnails) perceptualSignature(t.data, t.width, t.height);
  const signatureMs = (performance.now() - started) / photos.length;
  const bytes = photos.map((p) => fs.readFileSync(p));
  started = performance.now();
  for (const b of bytes) crypto.createHash('sha256').update(b).digest('hex');
  const hashMs = (performance.now() - started) / photos.length;
  return { indexDecodeMs, signatureMs, hashMs };
}
