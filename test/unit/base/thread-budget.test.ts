import { describe, expect, it } from 'vitest';
import { decodesAtOnce, threadpoolEnv, threadpoolSize, threadpoolSizeFor } from '../../../src/base/thread-budget';

describe('thread budget for indexing', () => {
  it('decodes one photo per core when a GPU infers, and shares the cores with CPU inference', () => {
    expect(decodesAtOnce(16, true)).toBe(16);
    expect(decodesAtOnce(1, true)).toBe(2);
    // CPU inference: 2 on this 2-core machine (measured best), 4 up to 8 cores, then half the cores.
    expect([1, 2, 4, 8, 12, 16, 32].map((c) => decodesAtOnce(c, false))).toEqual([2, 2, 4, 4, 6, 8, 16]);
  });

  it("sizes libuv's pool above every decode at once, never below its default of 4", () => {
    for (const cores of [1, 2, 4, 8, 16, 64]) {
      expect(threadpoolSizeFor(cores)).toBeGreaterThan(decodesAtOnce(cores, true));
      expect(threadpoolSizeFor(cores)).toBeGreaterThanOrEqual(4);
    }
  });

  it('keeps a pool size the user set, and reads the size a process runs with', () => {
    expect(threadpoolEnv({ PATH: '/bin' }, 16)).toEqual({ PATH: '/bin', UV_THREADPOOL_SIZE: '20' });
    expect(threadpoolEnv({ UV_THREADPOOL_SIZE: '2' }, 16)).toEqual({ UV_THREADPOOL_SIZE: '2' });
    expect(threadpoolSize({})).toBe(4);
    expect(threadpoolSize({ UV_THREADPOOL_SIZE: '12' })).toBe(12);
    expect(threadpoolSize({ UV_THREADPOOL_SIZE: 'lots' })).toBe(4);
  });
});
