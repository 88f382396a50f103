// A machine with a GPU and many cores (a family's indexer box, a 16-core laptop): what it gets.
//  providers: every execution provider here on the ViT-B/32-shaped model side by side
//    (clip-throughput.ts providerFigures), and each GPU provider's embeddings' cosine to the
//    CPU's on the same photos (the brief's floor: >= 0.9999);
//  cores: the full index rate on camera-like JPEGs at 4, 8, 16... cores, CPU inference and each
//    GPU provider's, each in a child process pinned to that many cores (taskset), beside the work
//    bound measured in the same child: CPU inference 1 / (1/inference + decode_cpu/cores), GPU
//    inference min(inference, cores / decode_cpu).
//  contention: a GPU provider's inference rate on ready tensors, the CPU idle and then with a
//    thread spinning on every core (does a busy CPU, as while 16 photos decode, slow the GPU's path?);
//  photos: only makes the camera-like set (start it with UV_THREADPOOL_SIZE >= cores: its
//    generation runs one photo per libuv thread), so a later tool finds it made.
//   npx tsx bench/gpu-box.ts [providers|cores|all|photos|contention] [CORES...]   (BENCH_CAMERA_PHOTOS,
//   default 384; BENCH_GPU_PROVIDERS=webgpu for `cores` alone)
// Linux only for `cores` (taskset, from util-linux). Prints a table per part and one JSON line.
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExecutionProviderName } from '../src/shared/api';
import { ClipModel } from '../src/core/clip/clip-model';
import { cores, threadpoolEnv } from '../src/base/thread-budget';
import { ClipThroughputProbe, providerFigures, type ProviderFigures } from './clip-throughput';
import { cameraLikePhotos } from './camera-like-photos';
import { cameraPhotos } from './bench-photos';
import { indexRound } from './index-round';
import { fixtureModelDir, VIT_B32_IMMICH } from '../test/fixtures/models/paths';

// BENCH_MODEL_DIR: another model folder (the tiny fixture checks this script quickly on SwiftShader).
const MODEL = process.env.BENCH_MODEL_DIR ?? fixtureModelDir(VIT_B32_IMMICH);
const PHOTOS = Number(process.env.BENCH_CAMERA_PHOTOS ?? 384);

interface CoreRun {
  cores: number;
  provider: ExecutionProviderName;
  inUse: string | null;
  inferenceRateBatch8: number;
  decodeCpuMsPerPhoto: number;
  workBound: number;
  indexRate: number;
  cpuMsPerPhoto: number;
  mainThreadMsPerPhoto: number | null;
}

/** Cosine of each photo's embedding on `provider` to the CPU's, the lowest of them. */
async function minCosineToCpu(provider: ExecutionProviderName, photos: string[]): Promise<number> {
  const embed = async (p: ExecutionProviderName): Promise<Float32Array[]> => {
    const model = ClipModel.open(MODEL, { provider: p, batchSize: 8 });
    const out: Float32Array[] = new Array(photos.length);
    try {
      await model.embedImageFiles(photos, (r) => {
        if (r.error || !r.embedding) throw new Error(`${r.path}: ${r.error}`);
        out[photos.indexOf(r.path)] = r.embedding;
      });
    } finally {
      await model.close();
    }
    return out;
  };
  const cpu = await embed('cpu');
  const gpu = await embed(provider);
  // Both are L2-normalised by the model: the cosine is the dot product.
  return Math.min(...cpu.map((a, i) => a.reduce((s, x, k) => s + x * gpu[i]![k]!, 0)));
}

async function providersPart(): Promise<{ figures: ProviderFigures[]; cosines: Record<string, number> }> {
  const photos = cameraPhotos();
  const figures = await providerFigures(MODEL, photos);
  const cosines: Record<string, number> = {};
  for (const f of figures) if (f.provider !== 'cpu' && f.note === null) cosines[f.provider] = await minCosineToCpu(f.provider, photos);
  console.log(`\nExecution providers, model ${path.basename(MODEL)} (photos/s; inference on ready tensors; decode to vector at batch 8)`);
  console.log('| provider | batch 1 | batch 8 | batch 32 | decode to vector | min cosine to CPU |\n|---|---|---|---|---|---|');
  for (const f of figures) {
    const rate = (b: number) => f.inference.find((x) => x.batch === b)?.rate.toFixed(1) ?? '-';
    const name = f.provider + (f.adapter ? ` (${f.adapter})` : '');
    console.log(`| ${name} | ${rate(1)} | ${rate(8)} | ${rate(32)} | ${f.embedRate?.toFixed(1) ?? f.note} | ${cosines[f.provider]?.toFixed(6) ?? '-'} |`);
  }
  return { figures, cosines };
}

/** In a child pinned to its cores: the bound, then one index run, on the same photos. */
async function child(provider: ExecutionProviderName): Promise<void> {
  const photos = await cameraLikePhotos(PHOTOS);
  const probe = await ClipThroughputProbe.open(MODEL, photos.slice(0, 16), { provider });
  let bound: Awaited<ReturnType<ClipThroughputProbe['boundFor']>>;
  let inUse: string | null;
  try {
    inUse = probe.inUse();
    bound = await probe.boundFor(photos);
  } finally {
    await probe.close();
  }
  const gpu = inUse !== 'cpu';
  const c = cores();
  const workBound = gpu ? Math.min(bound.inferenceRateBatch8, (c * 1000) / bound.decodeCpuMsPerPhoto) : bound.workBound;
  const run = await indexRound(MODEL, photos, { provider });
  const result: CoreRun = { cores: c, provider, inUse, inferenceRateBatch8: bound.inferenceRateBatch8, decodeCpuMsPerPhoto: bound.decodeCpuMsPerPhoto, workBound, indexRate: run.rate, cpuMsPerPhoto: run.cpuMsPerPhoto, mainThreadMsPerPhoto: run.mainThreadMsPerPhoto };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

function coresPart(providers: ExecutionProviderName[], counts: number[]): CoreRun[] {
  const self = fileURLToPath(import.meta.url);
  // Under tsx the child needs tsx's loader too; a bundled copy runs on plain node.
  const runner = self.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const runs: CoreRun[] = [];
  for (const n of counts) {
    for (const provider of providers) {
      const args = ['-c', `0-${n - 1}`, process.execPath, ...runner, self, 'child', provider];
      // UV_THREADPOOL_SIZE as `shoebox index` sets it for this many cores.
      const env = threadpoolEnv({ ...process.env, UV_THREADPOOL_SIZE: '' }, n);
      const out = spawnSync('taskset', args, { env, encoding: 'utf8', cwd: path.dirname(self), maxBuffer: 64 << 20 });
      const line = out.stdout?.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) {
        console.log(`${n} cores, ${provider}: failed (${out.error?.message ?? `exit ${out.status}`}): ${(out.stderr ?? '').trim().split('\n').slice(-3).join(' / ')}`);
        continue;
      }
      const run = JSON.parse(line.slice(7)) as CoreRun;
      runs.push(run);
      console.log(`${n} cores, ${provider} (ran on ${run.inUse}): index ${run.indexRate.toFixed(1)}/s, bound ${run.workBound.toFixed(1)}/s`);
    }
  }
  console.log(`\nFull index of ${PHOTOS} camera-like JPEGs (4-15 MP), pinned to N cores`);
  console.log('| cores | inference | index photos/s | work bound | index/bound | inference b8 | decode CPU ms | CPU ms/photo | main thread ms |\n|---|---|---|---|---|---|---|---|---|');
  for (const r of runs) {
    console.log(`| ${r.cores} | ${r.provider}${r.inUse !== r.provider ? ` (ran on ${r.inUse})` : ''} | ${r.indexRate.toFixed(1)} | ${r.workBound.toFixed(1)} | ${(r.indexRate / r.workBound).toFixed(2)}x | ${r.inferenceRateBatch8.toFixed(1)} | ${r.decodeCpuMsPerPhoto.toFixed(1)} | ${r.cpuMsPerPhoto.toFixed(1)} | ${r.mainThreadMsPerPhoto?.toFixed(2) ?? '-'} |`);
  }
  return runs;
}

/** Photos/s on ready tensors at `batch` for ~`seconds`, the same pixels every call. */
async function readyRate(model: ClipModel, pixels: Float32Array, batch: number, seconds: number): Promise<number> {
  await model.embedPixels(pixels.slice(), batch); // a GPU provider compiles per shape
  let done = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    await model.embedPixels(pixels.slice(), batch); // transferred to the worker: a copy each call
    done += batch;
  }
  return done / ((performance.now() - t0) / 1000);
}

async function contentionPart(provider: ExecutionProviderName): Promise<Record<string, number>> {
  const model = ClipModel.open(MODEL, { provider, batchSize: 8 });
  const out: Record<string, number> = {};
  try {
    await model.warmUp('vision');
    if (model.providerStatus().inUse !== provider) throw new Error(`${provider} fell back to ${model.providerStatus().inUse}`);
    const size = model.folder.preprocessing.size;
    const pixels = new Float32Array(3 * size * size * 32).map((_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
    for (const batch of [8, 32]) out[`idle_b${batch}`] = await readyRate(model, pixels.subarray(0, 3 * size * size * batch), batch, 3);
    // Every core busy with a spinning thread, as a full index keeps them.
    const spinners = Array.from({ length: cores() }, () => new Worker('for (;;) {}', { eval: true }));
    try {
      for (const batch of [8, 32]) out[`busy_b${batch}`] = await readyRate(model, pixels.subarray(0, 3 * size * size * batch), batch, 3);
    } finally {
      await Promise.all(spinners.map((w) => w.terminate()));
    }
  } finally {
    await model.close();
  }
  console.log(`\n${provider} on ready tensors, photos/s: idle CPU b8 ${out['idle_b8']!.toFixed(1)}, b32 ${out['idle_b32']!.toFixed(1)}; ${cores()} threads spinning b8 ${out['busy_b8']!.toFixed(1)}, b32 ${out['busy_b32']!.toFixed(1)}`);
  return out;
}

async function main(argv: string[]): Promise<void> {
  const [part = 'all', ...rest] = argv;
  if (part === 'child') return child(rest[0] as ExecutionProviderName);
  if (part === 'contention') {
    const provider = (rest[0] ?? 'webgpu') as ExecutionProviderName;
    console.log(JSON.stringify({ gpuBox: { cores: cores(), contention: { provider, ...(await contentionPart(provider)) } } }));
    return;
  }
  if (part === 'photos') {
    console.log(`${(await cameraLikePhotos(PHOTOS)).length} camera-like photos made`);
    return;
  }
  if (!['providers', 'cores', 'all'].includes(part)) throw new Error('usage: gpu-box.ts [providers|cores|all|photos|contention] [CORES...]');
  const json: Record<string, unknown> = { cores: cores(), photos: PHOTOS };
  let gpuProviders: ExecutionProviderName[];
  if (part !== 'cores') {
    const { figures, cosines } = await providersPart();
    json['providers'] = figures;
    json['minCosineToCpu'] = cosines;
    gpuProviders = figures.filter((f) => f.provider !== 'cpu' && f.note === null).map((f) => f.provider);
  } else {
    gpuProviders = (process.env.BENCH_GPU_PROVIDERS ?? '').split(',').filter(Boolean) as ExecutionProviderName[];
  }
  if (part !== 'providers') {
    await cameraLikePhotos(PHOTOS); // made once, before any timing
    const counts = rest.length ? rest.map(Number) : [4, 8, 16, 32].filter((c) => c <= cores());
    json['index'] = coresPart(['cpu', ...gpuProviders], counts);
  }
  console.log(JSON.stringify({ gpuBox: json }));
}

await main(process.argv.slice(2));
