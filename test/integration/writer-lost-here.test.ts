// A writer that finds its own lease lost (the laptop slept past it): callers arriving together
// share one store, which every one of them gives up at the loss; the next write takes the
// library again at once, from this same process (no "this process is already writing").
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a writer whose lease lapsed while it slept', () => {
  it('gives up the one store its callers shared, and takes the library again at the next write', async () => {
    const lib = testLibrary(tempDir());
    const [a, b] = await Promise.all([lib.writable(), lib.writable()]);
    expect(a).toBe(b);

    // Asleep past the lease: the wall clock jumps, the monotonic one stood still.
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 60_000);
    await expect(a.addFolder(tempDir())).rejects.toThrow(/^library lease lost: not renewed for \d+ s/);
    vi.restoreAllMocks();

    const c = await lib.writable();
    expect(c).not.toBe(a);
    const folder = tempDir();
    await c.addFolder(folder);
    expect((await (await lib.readable()).listFolders()).map((f) => f.path)).toEqual([folder]);
  });
});
