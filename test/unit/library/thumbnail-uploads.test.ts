import { describe, expect, it } from 'vitest';
import { ThumbnailUploads } from '../../../src/core/library/thumbnail-uploads';
import type { ThumbnailStore } from '../../../src/core/media/thumbnail';

/** A thumbnail store whose writes finish when the test says so. */
function slowStore() {
  const stored = new Map<string, Uint8Array>();
  const pending: Array<{ key: string; jpeg: Uint8Array; finish: (error?: Error) => void }> = [];
  const store: ThumbnailStore = {
    read: (key) => Promise.resolve(stored.has(key) ? Buffer.from(stored.get(key)!) : null),
    write: (key, jpeg) =>
      new Promise<boolean>((resolve, reject) => {
        pending.push({ key, jpeg, finish: (error) => (error ? reject(error) : (stored.set(key, jpeg), resolve(true))) });
      }),
  };
  return { store, stored, pending };
}

const jpeg = new Uint8Array([0xff, 0xd8, 0xff]);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('thumbnail uploads beside the pipeline', () => {
  it('a commit waits until its photos’ thumbnails are stored', async () => {
    const { store, stored, pending } = slowStore();
    const uploads = new ThumbnailUploads(store);
    await uploads.start('a', jpeg); // returns at once: the decoder does not wait for the network
    let settled = false;
    const commit = uploads.settled(['a']).then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    pending.shift()!.finish();
    await commit;
    expect(stored.has('a')).toBe(true);
  });

  it('a failed upload fails the commit that needs it, with its reason', async () => {
    const { store, pending } = slowStore();
    const uploads = new ThumbnailUploads(store);
    await uploads.start('a', jpeg);
    await tick();
    pending.shift()!.finish(new Error('lost the connection'));
    await expect(uploads.settled(['a'])).rejects.toThrow('lost the connection');
  });

  it('thumbnails of photos that are never committed (failed embeddings) do not stall the decoder', async () => {
    const { store, pending } = slowStore();
    const uploads = new ThumbnailUploads(store);
    for (let i = 0; i < 200; i++) {
      const started = uploads.start(`k${i}`, jpeg);
      // finish whatever is writing, as the store would, while the decoder goes on
      await Promise.race([started, tick()]);
      while (pending.length) pending.shift()!.finish();
      await started;
    }
    await expect(uploads.settled(['k199'])).resolves.toBeUndefined();
  });
});
