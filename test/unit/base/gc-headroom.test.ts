// The heap headroom for allocation-heavy runs (src/base/gc-headroom.ts) is set once however
// many runs overlap, and V8's own sizing comes back when the last one ends, failed or not.
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withGcHeadroom } from '../../../src/base/gc-headroom';

afterEach(() => vi.restoreAllMocks());

describe('GC headroom while indexing', () => {
  it('is set for overlapping runs once, and V8 chooses again after the last one, even when a run fails', async () => {
    const flags = vi.spyOn(v8, 'setFlagsFromString');
    let release!: () => void;
    const long = withGcHeadroom(() => new Promise<string>((resolve) => (release = () => resolve('long done'))));
    await expect(withGcHeadroom(() => Promise.reject(new Error('a photo run failed')))).rejects.toThrow('a photo run failed');
    expect(flags.mock.calls.map((c) => c[0])).toEqual(['--heap-growing-percent=100']); // still one run going
    release();
    await expect(long).resolves.toBe('long done');
    expect(flags.mock.calls.map((c) => c[0])).toEqual(['--heap-growing-percent=100', '--heap-growing-percent=0']);
  });
});
