// The decode/inference pipeline's bookkeeping: every photo gets exactly one result, whatever
// mix of photos to embed, photos settled without inference and failures the decoder returns.
import { describe, expect, it } from 'vitest';
import { embedImagesPipelined } from '../../../src/core/clip/image-pipeline';
import type { ImageResult } from '../../../src/core/clip/image-pipeline';
import type { ImagePreprocessing } from '../../../src/core/clip/model-folder';
import type { PreprocessedImage } from '../../../src/core/clip/preprocess';

const pre: ImagePreprocessing = { size: 2, mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], resizeMode: 'shortest', cropRounding: 'floor' };

function image(): PreprocessedImage {
  return { rgb: new Uint8Array(pre.size * pre.size * 3), width: 4, height: 4, pixels: new Float32Array(0) };
}

async function run(kinds: ('embed' | 'skip' | 'fail')[], decodeConcurrency: number): Promise<ImageResult[]> {
  const results: ImageResult[] = [];
  const paths = kinds.map((_, i) => `/p/${i}.jpg`);
  const done = embedImagesPipelined(paths, pre, {
    batchSize: 8,
    decodeConcurrency,
    // Inference slower than decoding, as on a CPU: decoded photos pile up while a batch runs.
    infer: async (_pixels, count) => {
      await new Promise((r) => setTimeout(r, 20));
      return Array.from({ length: count }, () => new Float32Array([1, 0]));
    },
    onResult: (r) => results.push(r),
    decode: async (_path, _pre, index) => {
      await new Promise((r) => setTimeout(r, 1));
      if (kinds[index] === 'fail') throw new Error('unreadable');
      return kinds[index] === 'skip' ? null : image();
    },
  });
  // A pipeline that waits on nothing would leave this promise pending forever: fail instead.
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`stuck after ${results.length} of ${paths.length} results`)), 5000)));
  try {
    await Promise.race([done, stuck]);
  } finally {
    clearTimeout(timer);
  }
  return results;
}

describe('embedImagesPipelined', () => {
  it('goes on past a long run of photos settled without inference (copies of photos already met)', async () => {
    // The shape that once stalled: photos to embed, then more skipped photos than the
    // pipeline buffers (two batches), then photos to embed again.
    const kinds = [...Array(40).fill('embed'), ...Array(24).fill('skip'), ...Array(16).fill('embed')] as ('embed' | 'skip')[];
    for (const concurrency of [1, 2, 8]) {
      const results = await run(kinds, concurrency);
      expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual(kinds.map((_, i) => i));
      expect(results.filter((r) => r.skipped)).toHaveLength(24);
      expect(results.filter((r) => r.embedding)).toHaveLength(56);
    }
  });

  it('reports every failure and every skipped photo once, mixed with photos to embed', async () => {
    const kinds = Array.from({ length: 101 }, (_, i) => (i % 3 === 0 ? 'skip' : i % 7 === 0 ? 'fail' : 'embed')) as ('embed' | 'skip' | 'fail')[];
    const results = await run(kinds, 2);
    expect(results).toHaveLength(kinds.length);
    expect(new Set(results.map((r) => r.index)).size).toBe(kinds.length);
    for (const r of results) {
      const kind = kinds[r.index];
      if (kind === 'skip') expect(r.skipped).toBe(true);
      else if (kind === 'fail') expect(r.error).toBe('unreadable');
      else expect(r.embedding).toBeDefined();
    }
  });

  it('stopped, starts no batch after it: the one running reports its results, the photos decoded meanwhile get none', async () => {
    const results: ImageResult[] = [];
    const stop = new AbortController();
    let batches = 0;
    let releaseFirst!: () => void;
    const firstBatch = new Promise<void>((resolve) => (releaseFirst = resolve));
    const done = embedImagesPipelined(
      Array.from({ length: 64 }, (_, i) => `/p/${i}.jpg`),
      pre,
      {
        batchSize: 8,
        decodeConcurrency: 4,
        // The first batch waits (a session still loading) while the next two are decoded.
        infer: async (_pixels, count) => {
          if (++batches === 1) await firstBatch;
          return Array.from({ length: count }, () => new Float32Array([1, 0]));
        },
        onResult: (r) => results.push(r),
        decode: async () => image(),
        signal: stop.signal,
      },
    );
    const started = Date.now();
    while (batches === 0 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 5));
    // Let the decodes fill the buffer (two batches) behind the running one.
    await new Promise((r) => setTimeout(r, 50));
    stop.abort();
    releaseFirst();
    await done;
    expect(batches).toBe(1);
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
