// The device's cache of an S3 library's thumbnails stays within its size: past it, the copies
// used least recently go (down to 80%), and a copy shown again counts as used.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../../src/core/location/bounded-cache';
import { tempDir } from '../../helpers/images';

const KB10 = new Uint8Array(10_000).fill(7);
const key = (name: string) => `ab/ab${name}.jpg`;

function setTime(dir: string, name: string, seconds: number): void {
  fs.utimesSync(path.join(dir, ...key(name).split('/')), seconds, seconds);
}

describe('BoundedCache', () => {
  it('removes the copies used least recently once over its limit, keeping one shown again', async () => {
    const dir = tempDir();
    const first = new BoundedCache(dir, 50_000);
    for (const name of ['aaaa0001', 'aaaa0002', 'aaaa0003', 'aaaa0004']) {
      expect(await first.writeNew(key(name), KB10)).toBe(true);
      await first.settled();
    }
    // Written long ago, in this order.
    ['aaaa0001', 'aaaa0002', 'aaaa0003', 'aaaa0004'].forEach((name, i) => setTime(dir, name, 1_000 + i * 1_000));

    // A later start: the oldest one is shown again.
    const later = new BoundedCache(dir, 50_000);
    expect(await later.read(key('aaaa0001'))).toEqual(Buffer.from(KB10));
    const file1 = path.join(dir, ...key('aaaa0001').split('/'));
    for (let i = 0; i < 50 && fs.statSync(file1).mtimeMs < 10_000_000; i++) await new Promise((r) => setTimeout(r, 10));

    // Two more (60 KB in all, over 50): trimmed to 40 KB, the least recently used first.
    await later.writeNew(key('aaaa0005'), KB10);
    await later.settled();
    await later.writeNew(key('aaaa0006'), KB10);
    await later.settled();
    const left = ['aaaa0001', 'aaaa0002', 'aaaa0003', 'aaaa0004', 'aaaa0005', 'aaaa0006'].filter((n) => fs.existsSync(path.join(dir, ...key(n).split('/'))));
    expect(left).toEqual(['aaaa0001', 'aaaa0004', 'aaaa0005', 'aaaa0006']);
    expect(await later.read(key('aaaa0002'))).toBeNull(); // gone from the cache: read from S3 again
  });

  it('never writes a copy twice, and a cache within its limit keeps everything', async () => {
    const dir = tempDir();
    const cache = new BoundedCache(dir, 1_000_000);
    expect(await cache.writeNew(key('bbbb0001'), KB10)).toBe(true);
    expect(await cache.writeNew(key('bbbb0001'), KB10)).toBe(false);
    for (let i = 2; i <= 9; i++) await cache.writeNew(key(`bbbb000${i}`), KB10);
    await cache.settled();
    expect(fs.readdirSync(path.join(dir, 'ab'))).toHaveLength(9);
  });
});
