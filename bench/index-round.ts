// One first index of a set of photos into a new library, timed: the figure every index-rate
// benchmark is made of (index-at-bound.ts, gpu-box.ts). Its own file so a bundled benchmark
// takes in nothing else (the scale benchmarks run their main when bundled with it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExecutionProviderName } from '../src/shared/api';
import { openLibrary } from '../src/core/engine';
import { measure } from './stats';
import { mainThreadCpuMs } from './thread-cpu';

/**
 * One first index of `photos` into a new library: photos/s (the run's own time, maintenance
 * after it not counted) and the CPU it took per photo (every thread: decode, inference, store).
 */
export async function indexRound(
  modelDir: string,
  photos: string[],
  options: { threads?: number; decodeConcurrency?: number; provider?: ExecutionProviderName } = {},
): Promise<{ rate: number; cpuMsPerPhoto: number; mainThreadMsPerPhoto: number | null }> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-photos-'));
  photos.forEach((p, i) => fs.symlinkSync(p, path.join(folder, `${String(i).padStart(5, '0')}-${path.basename(p)}`)));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-home-'));
  const library = openLibrary({ home, modelDir, command: 'bench', ...options, provider: options.provider ?? 'cpu' });
  try {
    await library.clip().warmUp('vision');
    await library.writable();
    const main0 = mainThreadCpuMs();
    const run = await measure(() => library.index([folder]));
    const main1 = mainThreadCpuMs();
    if (run.result.embedded !== photos.length) throw new Error(`indexed ${run.result.embedded} of ${photos.length}: ${JSON.stringify(run.result.failed.slice(0, 3))}`);
    return {
      rate: photos.length / (run.result.seconds || run.wall),
      cpuMsPerPhoto: (run.cpu / photos.length) * 1000,
      mainThreadMsPerPhoto: main0 !== null && main1 !== null ? (main1 - main0) / photos.length : null,
    };
  } finally {
    await library.close();
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
