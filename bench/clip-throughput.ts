// How fast Shoebox turns camera photos into embeddings, beside what this machine allows:
// the work bound 1 / (1/inference_rate + decode_cpu_seconds/cores) from the pure inference
// rate on ready tensors and the CPU cost of one decode (shrink-on-load) per photo.
import os from 'node:os';
import { ClipModel } from '../src/core/clip/clip-model';
import { preprocessImage } from '../src/core/clip/preprocess';
import { measure, percentile } from './stats';

export interface ThroughputFigures {
  cores: number;
  inferenceRateBatch8: number;
  inferenceRateBatch1: number;
  decodeCpuMsPerPhoto: number;
  workBound: number;
  embedRate: number;
  textLatencyP50Ms: number;
  textLatencyP95Ms: number;
}

export async function clipThroughput(modelDir: string, photos: string[]): Promise<ThroughputFigures> {
  const cores = os.cpus().length;
  const model = ClipModel.open(modelDir, { provider: 'cpu', batchSize: 8 });
  try {
    const pre = model.folder.preprocessing;
    const plane = 3 * pre.size * pre.size;
    await model.warmUp('vision');
    await model.warmUp('text');

    // Decode cost: CPU seconds per photo, one at a time so nothing else runs meanwhile.
    const tensors: Float32Array[] = [];
    await preprocessImage(photos[0]!, pre); // warm sharp's caches
    const decode = await measure(async () => {
      for (const p of photos) tensors.push((await preprocessImage(p, pre)).pixels);
    });
    const decodeCpu = decode.cpu / photos.length;

    const inferRate = async (batch: number, rounds: number): Promise<number> => {
      const make = (start: number) => {
        const buf = new Float32Array(plane * batch);
        for (let i = 0; i < batch; i++) buf.set(tensors[(start + i) % tensors.length]!, i * plane);
        return buf;
      };
      await model.embedPixels(make(0), batch); // warm-up run
      const t = await measure(async () => {
        for (let r = 0; r < rounds; r++) await model.embedPixels(make(r * batch), batch);
      });
      return (batch * rounds) / t.wall;
    };
    const inferenceRateBatch8 = await inferRate(8, Math.max(3, Math.ceil(photos.length / 8)));
    const inferenceRateBatch1 = await inferRate(1, Math.min(photos.length, 16));
    const workBound = 1 / (1 / inferenceRateBatch8 + decodeCpu / cores);

    const embed = await measure(() => model.embedImageFiles(photos, (r) => {
      if (r.error) throw new Error(`${r.path}: ${r.error}`);
    }));
    const embedRate = photos.length / embed.wall;

    const queries = ['dog on the beach at sunset', 'a red car', 'two people hiking in the mountains', 'birthday cake with candles', 'snow'];
    const latencies: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      await model.embedTexts([queries[i % queries.length]!]);
      if (i >= 5) latencies.push(performance.now() - t0);
    }

    return {
      cores,
      inferenceRateBatch8,
      inferenceRateBatch1,
      decodeCpuMsPerPhoto: decodeCpu * 1000,
      workBound,
      embedRate,
      textLatencyP50Ms: percentile(latencies, 50),
      textLatencyP95Ms: percentile(latencies, 95),
    };
  } finally {
    await model.close();
  }
}
