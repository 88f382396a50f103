// Issue #12: the full index rate beside the machine's work bound, on long runs of distinct
// photos so start-up does not count: camera-like JPEGs (what phones write: baseline, 4:2:0,
// q92, 4-15 MP; target >= 0.9x) and the strecha frames (6 MP; target >= 0.85x). Each round
// measures the bound (this set's decode CPU, inference on ready tensors) right before the
// index run it bounds. Also the same pipeline with one inference thread and one decode at a
// time (a smaller machine), and a model of 8 and 16 cores from the measured per-stage costs.
import { ClipThroughputProbe } from './clip-throughput';
import { cameraLikePhotos, distinctCopies } from './camera-like-photos';
import { indexRound } from './index-throughput';
import { median } from './stats';

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
}

export interface ThreadFigures {
  /** One inference thread and one decode at a time: the pipeline on a smaller machine. */
  oneThreadRate: number;
  /** Inference alone at 1 thread, and at the default (all cores), photos/s on ready tensors. */
  inferenceRate1: number;
  inferenceRateAll: number;
  /** Projected index rate at 8 and 16 cores from the measured per-photo CPU (see cores()). */
  projected: { cores: number; rate: number }[];
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
      const perRound: { bound: Awaited<ReturnType<ClipThroughputProbe['boundFor']>>; rate: number; cpu: number }[] = [];
      for (let r = 0; r < rounds; r++) {
        const bound = await probe.boundFor(set.photos);
        const run = await indexRound(modelDir, set.photos);
        perRound.push({ bound, rate: run.rate, cpu: run.cpuMsPerPhoto });
      }
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
      });
    }
  } finally {
    await probe.close();
  }
  return out;
}

/**
 * The pipeline with its threads limited (1 inference thread, 1 decode at a time), and a model
 * of larger machines: at c cores the index rate is at most c / (CPU per photo), where the CPU
 * per photo is the measured index run's, minus inference at this machine's thread count, plus
 * inference at the efficiency measured from 1 to all threads here (ONNX Runtime's scaling
 * beyond 2 threads cannot be measured on this machine, so the model keeps that efficiency).
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
  const cores = one.cores;
  const inferenceCpuHere = (cores / camera.inferenceRateBatch8) * 1000; // ms of CPU per photo, all cores busy
  const otherCpu = Math.max(0, camera.indexCpuMsPerPhoto - inferenceCpuHere);
  const efficiency = camera.inferenceRateBatch8 / (cores * inferenceRate1);
  const inferenceCpuAt = 1000 / inferenceRate1 / efficiency;
  return {
    oneThreadRate: limited.rate,
    inferenceRate1,
    inferenceRateAll: camera.inferenceRateBatch8,
    projected: [8, 16].map((c) => ({ cores: c, rate: (c * 1000) / (otherCpu + inferenceCpuAt) })),
  };
}
