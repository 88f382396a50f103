// Where a first index spends its CPU, thread by thread (issue #12's profile; Linux only: it
// reads /proc/self/task). Indexes a folder's JPEGs into a new library in this process and
// prints the rate, the CPU per photo of the whole process, and each thread's share: the main
// thread (hashing, EXIF, signatures, normalising, store calls), libvips' workers (decode,
// resizes, thumbnail encoding), and the other threads Node names "node" (ONNX Runtime's two
// busiest on a CPU provider, libuv's pool driving sharp and file reads, V8's GC helpers).
//
//   npx tsx bench/index-profile.ts [folder] [--threads N] [--decode N] [--batch N] [--provider cpu|webgpu|...]
//
// Default folder: the bench's 192 camera-like JPEGs (made on first use, ~10 min). It is a
// tool for finding work done twice or serially, not a figure of the bench: per-thread CPU
// does not depend on how busy the machine is, the rate does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExecutionProviderName } from '../src/shared/api';
import { openLibrary } from '../src/core/engine';
import { fixtureModelDir, VIT_B32_IMMICH } from '../test/fixtures/models/paths';
import { cameraLikePhotos } from './camera-like-photos';
import { threadCpuMs } from './thread-cpu';

function option(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
}

if (process.platform !== 'linux') throw new Error('index-profile reads /proc: Linux only');
const given = process.argv[2] && !process.argv[2].startsWith('--') ? path.resolve(process.argv[2]) : undefined;
const photos = given
  ? fs.readdirSync(given).filter((f) => /\.jpe?g$/i.test(f)).sort().map((f) => path.join(given, f))
  : await cameraLikePhotos(192);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-profile-photos-'));
photos.forEach((p, i) => fs.symlinkSync(p, path.join(folder, `${String(i).padStart(5, '0')}.jpg`)));
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-profile-home-'));
const threads = option('--threads');
const decodeConcurrency = option('--decode');
const batchSize = option('--batch');
// A GPU provider's run shows what the CPU does around inference it no longer does itself.
const providerAt = process.argv.indexOf('--provider');
const provider = (providerAt > 0 ? process.argv[providerAt + 1] : 'cpu') as ExecutionProviderName;
const library = openLibrary({
  home,
  modelDir: fixtureModelDir(VIT_B32_IMMICH),
  provider,
  command: 'bench',
  ...(threads ? { threads } : {}),
  ...(decodeConcurrency ? { decodeConcurrency } : {}),
  ...(batchSize ? { batchSize } : {}),
});
try {
  await library.clip().warmUp('vision');
  // A GPU provider compiles its kernels per batch shape: one batch first, so the timing is the run's.
  const size = library.clip().folder.preprocessing.size;
  await library.clip().embedPixels(new Float32Array(3 * size * size * (batchSize ?? 8)), batchSize ?? 8);
  await library.writable();
  const before = threadCpuMs();
  const cpu0 = process.cpuUsage();
  const summary = await library.index([folder]);
  const cpu = process.cpuUsage(cpu0);
  const after = threadCpuMs();
  const n = summary.embedded;
  console.log(`${provider} (in use: ${library.clip().providerStatus().inUse}), ${os.availableParallelism()} cores`);
  console.log(`${n} photos in ${summary.seconds.toFixed(1)} s: ${(n / summary.seconds).toFixed(2)} photos/s, ${((cpu.user + cpu.system) / 1000 / n).toFixed(1)} ms CPU per photo (all threads)`);
  const rows = [...after]
    .map(([key, ms]) => ({ key, perPhoto: (ms - (before.get(key) ?? 0)) / n }))
    .filter((r) => r.perPhoto >= 0.5)
    .sort((a, b) => b.perPhoto - a.perPhoto);
  const main = String(process.pid);
  for (const r of rows) console.log(`  ${r.perPhoto.toFixed(1).padStart(6)} ms/photo  ${r.key}${r.key.split(' ')[0] === main ? ' (main thread)' : ''}`);
} finally {
  await library.close();
  fs.rmSync(home, { recursive: true, force: true });
  fs.rmSync(folder, { recursive: true, force: true });
}
