// How fast Shoebox turns camera photos into embeddings, beside what this machine allows:
// the work bound 1 / (1/inference_rate + decode_cpu_seconds/cores) from the pure inference
// rate on ready tensors and the CPU cost of one decode (shrink-on-load) per photo.
// The machine's speed drifts by 10-20% from one minute to the next, so the figures are taken
// in rounds (bound, then embed rate, right after each other) and the caller pairs each round
// with a transformers.js round: ratios come from figures measured side by side.
import { cores } from '../src/base/thread-budget';
import type { ExecutionProviderName } from '../src/shared/api';
import { ClipModel } from '../src/core/clip/clip-model';
import { preprocessImage } from '../src/core/clip/preprocess';
import { availableProviders } from '../src/core/clip/providers';
import { measure, percentile } from './stats';

export interface ThroughputRound {
  inferenceRateBatch8: number;
  decodeCpuMsPerPhoto: number;
  workBound: number;
  embedRate: number;
}

export class ClipThroughputProbe {
  // The cores this process may run on (taskset and cgroups limit them; os.cpus() lists all).
  readonly cores = cores();
  private readonly tensors: Float32Array[] = [];

  private constructor(
    private readonly model: ClipModel,
    private readonly photos: string[],
  ) {}

  static async open(modelDir: string, photos: string[], options: { threads?: number; provider?: ExecutionProviderName } = {}): Promise<ClipThroughputProbe> {
    const model = ClipModel.open(modelDir, { provider: 'cpu', batchSize: 8, ...options });
    await model.warmUp('vision');
    await model.warmUp('text');
    await preprocessImage(photos[0]!, model.folder.preprocessing); // warm sharp's caches
    return new ClipThroughputProbe(model, photos);
  }

  /** One round: the work bound's two parts, then the embed rate, back to back. */
  async round(): Promise<ThroughputRound> {
    const decodeCpuMsPerPhoto = await this.decodeCpuMs();
    const inferenceRateBatch8 = await this.inferenceRate(8, Math.max(3, Math.ceil(this.photos.length / 8)));
    const workBound = 1 / (1 / inferenceRateBatch8 + decodeCpuMsPerPhoto / 1000 / this.cores);
    const embed = await measure(() => this.model.embedImageFiles(this.photos, (r) => {
      if (r.error) throw new Error(`${r.path}: ${r.error}`);
    }));
    return { inferenceRateBatch8, decodeCpuMsPerPhoto, workBound, embedRate: this.photos.length / embed.wall };
  }

  /**
   * The work bound on another set of photos (the index benchmark's), measured now: this
   * set's decode CPU per photo and the inference rate, side by side with the rate it bounds.
   */
  async boundFor(photos: string[]): Promise<{ decodeCpuMsPerPhoto: number; inferenceRateBatch8: number; workBound: number }> {
    const pre = this.model.folder.preprocessing;
    const sample = photos.filter((_, i) => i % Math.max(1, Math.floor(photos.length / 40)) === 0);
    const decode = await measure(async () => {
      for (const p of sample) await preprocessImage(p, pre);
    });
    const decodeCpuMsPerPhoto = (decode.cpu / sample.length) * 1000;
    const inferenceRateBatch8 = await this.inferenceRate(8, Math.max(3, Math.ceil(this.photos.length / 8)));
    return { decodeCpuMsPerPhoto, inferenceRateBatch8, workBound: 1 / (1 / inferenceRateBatch8 + decodeCpuMsPerPhoto / 1000 / this.cores) };
  }

  /** Photos/s of inference alone, one photo per call (what a one-at-a-time loop gets). */
  inferenceRateBatch1(): Promise<number> {
    return this.inferenceRate(1, Math.min(this.photos.length, 16));
  }

  /** Tokenize + encode one query, as search does: p50 / p95 over 55 queries. */
  async textLatencyMs(): Promise<{ p50: number; p95: number }> {
    const queries = ['dog on the beach at sunset', 'a red car', 'two people hiking in the mountains', 'birthday cake with candles', 'snow'];
    const latencies: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      await this.model.embedTexts([queries[i % queries.length]!]);
      if (i >= 5) latencies.push(performance.now() - t0);
    }
    return { p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
  }

  /** The provider the model runs on once warm (a forced GPU provider may have fallen back). */
  inUse(): ExecutionProviderName | null {
    return this.model.providerStatus().inUse;
  }

  close(): Promise<void> {
    return this.model.close();
  }

  /** CPU milliseconds per photo of decode + preprocess, one at a time so nothing else runs meanwhile. */
  private async decodeCpuMs(): Promise<number> {
    const pre = this.model.folder.preprocessing;
    this.tensors.length = 0;
    const decode = await measure(async () => {
      for (const p of this.photos) this.tensors.push((await preprocessImage(p, pre)).pixels);
    });
    return (decode.cpu / this.photos.length) * 1000;
  }

  private async inferenceRate(batch: number, rounds: number): Promise<number> {
    const size = this.model.folder.preprocessing.size;
    const plane = 3 * size * size;
    const make = (start: number) => {
      const buf = new Float32Array(plane * batch);
      for (let i = 0; i < batch; i++) buf.set(this.tensors[(start + i) % this.tensors.length]!, i * plane);
      return buf;
    };
    if (this.tensors.length === 0) await this.decodeCpuMs();
    await this.model.embedPixels(make(0), batch); // warm-up run
    const t = await measure(async () => {
      for (let r = 0; r < rounds; r++) await this.model.embedPixels(make(r * batch), batch);
    });
    return (batch * rounds) / t.wall;
  }
}

export interface ProviderFigures {
  provider: ExecutionProviderName;
  /** The GPU behind it, where it can be told (WebGPU on Linux: the Vulkan driver). */
  adapter: string | null;
  /** Inference on ready tensors, photos/s, by batch size; empty when the provider fell back. */
  inference: { batch: number; rate: number }[];
  /** Decode to vector at batch 8, photos/s; null when the provider fell back. */
  embedRate: number | null;
  /** Why the provider could not be measured (it fell back to the CPU), else null. */
  note: string | null;
}

/**
 * Every provider this build can run here, forced one after the other on the same model and
 * photos, so their figures sit side by side (CPU vs WebGPU, and CUDA where its library is).
 * A provider that falls back is reported with its reason, not with the CPU's figures.
 */
export async function providerFigures(modelDir: string, photos: string[], batches: readonly number[] = [1, 8, 32]): Promise<ProviderFigures[]> {
  const out: ProviderFigures[] = [];
  for (const provider of availableProviders()) {
    const model = ClipModel.open(modelDir, { provider, batchSize: 8 });
    try {
      await model.warmUp('vision');
      const status = model.providerStatus();
      const adapter = status.adapter ? `${status.adapter.name}${status.adapter.kind === 'software' ? ' (software)' : ''}` : null;
      if (status.inUse !== provider) {
        out.push({ provider, adapter, inference: [], embedRate: null, note: status.fallbackReason ?? `ran on ${status.inUse}` });
        continue;
      }
      const pre = model.folder.preprocessing;
      const tensors: Float32Array[] = [];
      for (const p of photos.slice(0, 8)) tensors.push((await preprocessImage(p, pre)).pixels);
      const plane = 3 * pre.size * pre.size;
      const inference: { batch: number; rate: number }[] = [];
      for (const batch of batches) {
        const make = () => {
          const buf = new Float32Array(plane * batch);
          for (let i = 0; i < batch; i++) buf.set(tensors[i % tensors.length]!, i * plane);
          return buf;
        };
        await model.embedPixels(make(), batch); // warm-up: a GPU provider compiles per shape
        const runs = Math.max(2, Math.ceil(32 / batch));
        const t = await measure(async () => {
          for (let r = 0; r < runs; r++) await model.embedPixels(make(), batch);
        });
        inference.push({ batch, rate: (batch * runs) / t.wall });
      }
      const embed = await measure(() => model.embedImageFiles(photos, (r) => {
        if (r.error) throw new Error(`${r.path}: ${r.error}`);
      }));
      out.push({ provider, adapter, inference, embedRate: photos.length / embed.wall, note: null });
    } finally {
      await model.close();
    }
  }
  return out;
}
