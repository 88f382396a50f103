// How many photos an index run decodes at once, and how large libuv's thread pool must be for
// them, by core count. sharp runs every image on libuv's pool (4 threads unless
// UV_THREADPOOL_SIZE says otherwise, read once when the pool starts), and on glibc Linux with
// one libvips thread per image: with the defaults a 16-core laptop decoded at most 4 photos at
// a time, about 107 camera photos/s (37 ms a decode), whatever its GPU could embed.
import os from 'node:os';

/** libuv's own pool size, used when UV_THREADPOOL_SIZE is not set. */
const LIBUV_DEFAULT_POOL = 4;
/** Pool threads beside the decodes: file reads, hashing, thumbnail writes. */
const POOL_SPARE = 4;

export function cores(): number {
  return os.availableParallelism();
}

/**
 * Photos decoded at once. On a GPU the cores do nothing else: one decode each. On the CPU they
 * share the cores with inference: 2 on 2 cores (measured best here, bench: index rate against
 * the work bound; 1, 3 and 4 were slower), up to 4 by 8 cores as before, then half the cores,
 * as inference's share of the CPU work per photo is a bit over half (ViT-B/32: ~60 of ~110 ms).
 */
export function decodesAtOnce(coreCount: number, inferenceOnGpu: boolean): number {
  if (inferenceOnGpu) return Math.max(2, coreCount);
  return Math.max(2, Math.min(4, coreCount), Math.ceil(coreCount / 2));
}

/** The pool every decode at once needs, plus spare threads; never below libuv's default. */
export function threadpoolSizeFor(coreCount: number): number {
  return Math.max(LIBUV_DEFAULT_POOL, coreCount + POOL_SPARE);
}

/**
 * The environment a process that indexes should start with: libuv reads UV_THREADPOOL_SIZE
 * once, when the pool first runs (an ESM entry's own loading already starts it), so it must
 * be set before the process starts. The user's own setting wins.
 */
export function threadpoolEnv(env: NodeJS.ProcessEnv = process.env, coreCount = cores()): NodeJS.ProcessEnv {
  return env['UV_THREADPOOL_SIZE'] ? env : { ...env, UV_THREADPOOL_SIZE: String(threadpoolSizeFor(coreCount)) };
}

/** The pool size this process runs with (what libuv read, if nothing changed the variable since). */
export function threadpoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env['UV_THREADPOOL_SIZE']);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 1024) : LIBUV_DEFAULT_POOL;
}
